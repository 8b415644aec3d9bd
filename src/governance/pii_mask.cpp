// SPDX-License-Identifier: Apache-2.0
#include <algorithm>

#include "insightd/governance/pii.hpp"

namespace insightd::governance {

namespace {

struct KindNames {
  PiiKind kind;
  std::string_view name;
  std::string_view placeholder;
};

constexpr KindNames kKindNames[] = {
    {PiiKind::email, "email", "[EMAIL]"},       {PiiKind::phone, "phone", "[PHONE]"},
    {PiiKind::card, "card", "[CARD]"},          {PiiKind::ssn, "ssn", "[SSN]"},
    {PiiKind::iban, "iban", "[IBAN]"},          {PiiKind::dob, "dob", "[DOB]"},
    {PiiKind::routing, "routing", "[ROUTING]"}, {PiiKind::ip, "ip", "[IP]"},
};

const KindNames* names_of(PiiKind kind) noexcept {
  for (const auto& k : kKindNames) {
    if (k.kind == kind) return &k;
  }
  return nullptr;
}

}  // namespace

std::string_view to_string(PiiKind kind) noexcept {
  const auto* k = names_of(kind);
  return k ? k->name : "unknown";
}

std::optional<PiiKind> parse_pii_kind(std::string_view name) noexcept {
  for (const auto& k : kKindNames) {
    if (k.name == name) return k.kind;
  }
  return std::nullopt;
}

std::string_view placeholder(PiiKind kind) noexcept {
  const auto* k = names_of(kind);
  return k ? k->placeholder : "[PII]";
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
