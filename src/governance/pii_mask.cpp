// SPDX-License-Identifier: Apache-2.0
#include <algorithm>

#include "insightd/governance/pii.hpp"

namespace insightd::governance {

namespace {

struct KindPlaceholder {
  PiiKind kind;
  std::string_view placeholder;
};

constexpr KindPlaceholder kPlaceholders[] = {
    {PiiKind::email, "[EMAIL]"},     {PiiKind::phone, "[PHONE]"}, {PiiKind::card, "[CARD]"},
    {PiiKind::ssn, "[SSN]"},         {PiiKind::iban, "[IBAN]"},   {PiiKind::dob, "[DOB]"},
    {PiiKind::routing, "[ROUTING]"}, {PiiKind::ip, "[IP]"},
};

}  // namespace

std::string_view to_string(PiiKind kind) noexcept {
  return enum_to_string(kind);
}

std::optional<PiiKind> parse_pii_kind(std::string_view name) noexcept {
  return enum_from_string<PiiKind>(name);
}

std::string_view placeholder(PiiKind kind) noexcept {
  for (const auto& k : kPlaceholders)
    if (k.kind == kind) return k.placeholder;
  return "[PII]";
}

std::string mask(std::string_view text, const std::vector<Finding>& findings) {
  std::vector<Finding> ordered(findings);
  std::sort(ordered.begin(), ordered.end(),
            [](const Finding& a, const Finding& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;  // text before this offset is already in `out`
  for (const auto& f : ordered) {
    if (f.begin >= f.end || f.end > text.size()) continue;
    if (f.begin < copied) {  // overlaps the previous placeholder: widen it, leave no byte of it behind
      copied = std::max(copied, f.end);
      continue;
    }
    out.append(text.substr(copied, f.begin - copied));
    out.append(placeholder(f.kind));
    copied = f.end;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace insightd::governance
