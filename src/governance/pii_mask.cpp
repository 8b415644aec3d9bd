#include <algorithm>

#include "insightd/governance/pii.hpp"

namespace insightd::governance {

std::string_view to_string(PiiKind kind) noexcept {
  switch (kind) {
    case PiiKind::email:
      return "email";
    case PiiKind::phone:
      return "phone";
    case PiiKind::card:
      return "card";
    case PiiKind::ssn:
      return "ssn";
    case PiiKind::iban:
      return "iban";
  }
  return "unknown";
}

std::string_view placeholder(PiiKind kind) noexcept {
  switch (kind) {
    case PiiKind::email:
      return "[EMAIL]";
    case PiiKind::phone:
      return "[PHONE]";
    case PiiKind::card:
      return "[CARD]";
    case PiiKind::ssn:
      return "[SSN]";
    case PiiKind::iban:
      return "[IBAN]";
  }
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
