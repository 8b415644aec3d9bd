#pragma once
// Confirmation rules for PII candidates found by the RE2 shapes in
// pii_scanner.cpp: checksums, value ranges, the text around the candidate.
// Each rule takes the whole text and the candidate span [begin, end) and
// returns the confirmed span (possibly narrowed) or nullopt.
#include <cstddef>
#include <optional>
#include <string_view>

namespace insightd::governance::rules {

struct Span {
  std::size_t begin;
  std::size_t end;
};

// The candidate is a whole token: not glued to letters or digits, nor to an
// identifier through `-`, `_`, `/` (`INC-123-45-6789`), nor part of a dotted
// or comma-grouped number (`1.555-123-4567`).
bool stands_alone(std::string_view text, Span span) noexcept;

std::optional<Span> confirm_ssn(std::string_view text, Span span);
std::optional<Span> confirm_card(std::string_view text, Span span);
std::optional<Span> confirm_phone(std::string_view text, Span span);
std::optional<Span> confirm_iban(std::string_view text, Span span);

}  // namespace insightd::governance::rules
