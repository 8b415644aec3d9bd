// SPDX-License-Identifier: Apache-2.0
#pragma once
// Phone candidates confirmed by libphonenumber: its metadata knows every
// country's lengths and groupings, and its matcher (STRICT_GROUPING) checks
// national digits are grouped as that country writes them. Matching is slow (tens of microseconds with
// the ICU regex engine Debian builds it with) and the same number tends to
// recur across one interaction's insights, so verdicts are cached.
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace insightd::governance::rules {

enum class PhoneVerdict {
  invalid,
  valid,  // a valid number: "+CC" in any grouping, or national digits grouped as the region groups them
          // or dialled with its trunk prefix
  valid_digits,  // valid national digits in an unusual grouping ("2026-000123"): an identifier as often,
                 // or national digits in a block the metadata lists only in part
  local_only,    // only possible as a local number without an area code ("555-1234")
  possible_international,  // "+CC" and the right length for that country, in a range the
                           // library's metadata does not list (opened after it was made, or mistyped)
};

class PhoneValidator {
 public:
  // Throws std::invalid_argument when libphonenumber does not know `region`.
  explicit PhoneValidator(std::string region);

  // `candidate` as written: "+44 (0)20 7946 0958", "212-555-0100", "0049 30 1234567".
  PhoneVerdict check(std::string_view candidate) const;

 private:
  PhoneVerdict parse(const std::string& candidate) const;

  // Looked up by string_view: a cache hit allocates nothing.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };

  std::string region_;
  std::string trunk_prefix_;  // the region's national (trunk) prefix: "0" in most of Europe, "1" in the US
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, PhoneVerdict, Hash, std::equal_to<>> cache_;
};

}  // namespace insightd::governance::rules
