// SPDX-License-Identifier: Apache-2.0
#include "pii_dates.hpp"

#include <algorithm>
#include <array>

#include "ascii.hpp"

namespace insightd::governance::rules {

using ascii::is_digit;
using ascii::lower;
using ascii::to_int;

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"january",   "february", "march",    "april",
                                                      "may",       "june",     "july",     "august",
                                                      "september", "october",  "november", "december"};

constexpr std::string_view kOrdinals[] = {"st", "nd", "rd", "th"};

bool is_letter(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool in_range(std::string_view d, int max) noexcept {
  return d.size() <= 2 && !d.empty() && to_int(d) >= 1 && to_int(d) <= max;
}

// "jul", "july", "sept" -> 7 / 9; at least three letters of the full name.
int month_number(std::string_view word) noexcept {
  if (word.size() < 3) return 0;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    const auto name = kMonths[i];
    if (word.size() > name.size()) continue;
    bool prefix = true;
    for (std::size_t k = 0; k < word.size(); ++k) prefix = prefix && lower(word[k]) == name[k];
    if (prefix) return static_cast<int>(i) + 1;
  }
  return 0;
}

// The token's digit runs and its one month word, in order.
struct DateParts {
  std::array<std::string_view, 3> numbers{};
  std::size_t number_count = 0;
  int month = 0;
  std::size_t month_position = 0;  // how many numbers came before the month word
  bool ok = true;
};

DateParts split(std::string_view token) noexcept {
  DateParts parts;
  std::size_t i = 0;
  while (i < token.size() && parts.ok) {
    const std::size_t start = i;
    if (is_digit(token[i])) {
      while (i < token.size() && is_digit(token[i])) ++i;
      if (parts.number_count == parts.numbers.size())
        parts.ok = false;
      else
        parts.numbers[parts.number_count++] = token.substr(start, i - start);
      // Ordinal suffixes: 4th, 1st, 22nd, 3rd.
      if (i + 1 < token.size() && is_letter(token[i]) && is_letter(token[i + 1])) {
        const std::string_view suffix = token.substr(i, 2);
        const bool ordinal = std::any_of(std::begin(kOrdinals), std::end(kOrdinals), [&](std::string_view s) {
          return lower(suffix[0]) == s[0] && lower(suffix[1]) == s[1];
        });
        if (ordinal) i += 2;
      }
    } else if (is_letter(token[i])) {
      while (i < token.size() && is_letter(token[i])) ++i;
      const auto word = token.substr(start, i - start);
      if (word == "of" || word == "Of") continue;
      const int month = month_number(word);
      if (month == 0 || parts.month != 0) parts.ok = false;
      parts.month = month;
      parts.month_position = parts.number_count;
    } else {
      ++i;
    }
  }
  return parts;
}

bool plausible_year(std::string_view y) noexcept {
  if (y.size() == 2) return true;
  return y.size() == 4 && to_int(y) >= 1900 && to_int(y) <= 2099;
}

}  // namespace

std::optional<Date> numeric_date(std::string_view a, std::string_view b, std::string_view c) noexcept {
  if (a.size() == 4 && plausible_year(a) && in_range(b, 12) && in_range(c, 31))
    return Date{to_int(a), to_int(b), to_int(c)};
  if (!plausible_year(c) || !in_range(a, 31) || !in_range(b, 31)) return std::nullopt;
  if (in_range(b, 12)) return Date{to_int(c), to_int(b), to_int(a)};  // day first
  if (in_range(a, 12)) return Date{to_int(c), to_int(a), to_int(b)};  // month first (US)
  return std::nullopt;
}

std::optional<Date> parse_date(std::string_view token) noexcept {
  const DateParts parts = split(token);
  if (!parts.ok) return std::nullopt;
  if (parts.month == 0) {
    if (parts.number_count != 3) return std::nullopt;
    return numeric_date(parts.numbers[0], parts.numbers[1], parts.numbers[2]);
  }
  // "4 July 1979" (day before the month) or "July 4, 1979" (after it).
  if (parts.number_count != 2 || !plausible_year(parts.numbers[1]) || !in_range(parts.numbers[0], 31))
    return std::nullopt;
  if (parts.month_position > 1) return std::nullopt;
  return Date{to_int(parts.numbers[1]), parts.month, to_int(parts.numbers[0])};
}

}  // namespace insightd::governance::rules
