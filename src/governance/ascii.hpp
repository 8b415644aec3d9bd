// SPDX-License-Identifier: Apache-2.0
#pragma once
// ASCII byte tests shared by the PII rules, the scanner and the checksums:
// locale-free and never undefined for negative chars, unlike <cctype>.
#include <string_view>

namespace insightd::governance::ascii {

inline bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}
inline bool is_upper(char c) noexcept {
  return c >= 'A' && c <= 'Z';
}
inline bool is_lower(char c) noexcept {
  return c >= 'a' && c <= 'z';
}
inline char lower(char c) noexcept {
  return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
// The value of a run of digits the caller has checked (few enough not to overflow).
inline int to_int(std::string_view digits) noexcept {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

}  // namespace insightd::governance::ascii
