// SPDX-License-Identifier: Apache-2.0
// Durations in the configuration: one non-negative integer and a unit.
#include <charconv>
#include <cstdint>
#include <limits>

#include "insightd/config/loader.hpp"

namespace insightd {

std::optional<Duration> parse_duration(std::string_view text) {
  std::int64_t count = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  auto [unit_begin, ec] = std::from_chars(first, last, count);
  if (ec != std::errc{} || unit_begin == first || count < 0) return std::nullopt;

  const std::string_view unit(unit_begin, static_cast<std::size_t>(last - unit_begin));
  std::int64_t millis_per_unit = 0;
  if (unit == "ms")
    millis_per_unit = 1;
  else if (unit == "s")
    millis_per_unit = 1000;
  else if (unit == "m")
    millis_per_unit = 60 * 1000;
  else if (unit == "h")
    millis_per_unit = 60 * 60 * 1000;
  else
    return std::nullopt;

  if (count > std::numeric_limits<Duration::rep>::max() / millis_per_unit) return std::nullopt;
  return Duration{count * millis_per_unit};
}

}  // namespace insightd
