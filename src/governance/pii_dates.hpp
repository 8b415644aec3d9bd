// SPDX-License-Identifier: Apache-2.0
#pragma once
// Calendar dates as people write them: numeric (24.11.2026, 11/24/2026,
// 2026-11-24, 3/4/85) and with an English month name (4 July 1979,
// July 4th, 1979, 4-Jul-1979). Used to find dates of birth and to keep dates
// from being read as phone numbers.
#include <optional>
#include <string_view>

namespace insightd::governance::rules {

struct Date {
  int year;  // as written: 2 or 4 digits
  int month;
  int day;
};

// d.m.y, m/d/y or y-m-d: three digit groups `a`, `b`, `c` (one separator
// between them) with plausible values; `c` or `a` carries the year.
std::optional<Date> numeric_date(std::string_view a, std::string_view b, std::string_view c) noexcept;

// A whole token such as "24.11.2026", "4 July 1979" or "July 4th, 1979".
std::optional<Date> parse_date(std::string_view token) noexcept;

}  // namespace insightd::governance::rules
