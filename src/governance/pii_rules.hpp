// SPDX-License-Identifier: Apache-2.0
#pragma once
// Confirmation rules for PII candidates found by the RE2 shapes in
// pii_scanner.cpp: checksums, issuer tables, libphonenumber, value ranges and
// the words around the candidate. Each rule takes the whole text and the
// candidate span [begin, end) and returns the confirmed span (possibly
// narrowed) or nullopt.
#include <cstddef>
#include <optional>
#include <string_view>

#include "pii_dates.hpp"

namespace insightd::governance::rules {

class PhoneValidator;

struct Span {
  std::size_t begin;
  std::size_t end;
};

// What the rules need beyond the text.
struct RuleContext {
  const PhoneValidator* phones;
  Date today;  // a date of birth is not in the future
};

// The candidate is a whole token: not glued to letters or digits, nor to an
// identifier through `-`, `_`, `/` (`INC-123-45-6789`), nor part of a dotted
// or comma-grouped number (`1.555-123-4567`).
bool stands_alone(std::string_view text, Span span) noexcept;

std::optional<Span> confirm_ssn(std::string_view text, Span span, const RuleContext& ctx);
std::optional<Span> confirm_card(std::string_view text, Span span, const RuleContext& ctx);
std::optional<Span> confirm_phone(std::string_view text, Span span, const RuleContext& ctx);
// A number read out in groups joined by ", " ("07856, 214, 309"), each of two
// to five digits: a phone when the groups make a valid number dialled with the
// trunk prefix, or one a phone word names.
std::optional<Span> confirm_dictated_phone(std::string_view text, Span span, const RuleContext& ctx);
std::optional<Span> confirm_iban(std::string_view text, Span span, const RuleContext& ctx);
std::optional<Span> confirm_routing(std::string_view text, Span span, const RuleContext& ctx);
std::optional<Span> confirm_ipv4(std::string_view text, Span span, const RuleContext& ctx);
std::optional<Span> confirm_ipv6(std::string_view text, Span span, const RuleContext& ctx);
// `previous_dob_end`: where the last date of birth before `span` ends (npos if none).
std::optional<Span> confirm_dob(std::string_view text, Span span, const RuleContext& ctx,
                                std::size_t previous_dob_end);

}  // namespace insightd::governance::rules
