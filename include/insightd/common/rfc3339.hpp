// SPDX-License-Identifier: Apache-2.0
#pragma once
// RFC 3339 date-times: the one parser and the one formatter of the project.
//
// The parser is strict: exactly the RFC's `date-time` grammar, so every
// component that reads a time (the source parsers, freshness, the simulator)
// accepts and rejects the same strings.
// - `YYYY-MM-DDThh:mm:ss[.frac](Z|+hh:mm|-hh:mm)`; `t` and `z` may be lower
//   case (the RFC allows it). A space instead of `T` is rejected: the RFC only
//   lets applications choose it, and the upstream never sends it.
// - The calendar date must exist (2024-02-31 does not; 02-29 only in leap years).
// - hour 00-23, minute 00-59, offset `+hh:mm` with hh 00-23 and mm 00-59
//   (`+0200` and `+02` are not RFC 3339). `-00:00` (offset unknown) is UTC.
// - Fractions of any length (at least one digit), kept to the nanosecond.
// - Second 60 only where a leap second can be: 23:59:60 UTC on the last day of
//   a month, in any offset. It reads as second 59 (system_clock has no leap
//   seconds).
// - A time without an offset is rejected: its instant is unknown.
// - So is one outside what system_clock holds (about the years 1678 to 2261).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace insightd {

std::optional<std::chrono::system_clock::time_point> parse_rfc3339(std::string_view text) noexcept;

// UTC with milliseconds (truncated toward the past): "2026-11-24T01:02:03.456Z".
// Strings of this form sort like the instants they name.
std::string format_rfc3339(std::chrono::system_clock::time_point t);
// The same for milliseconds since the Unix epoch (what the queue stores).
std::string format_rfc3339_unix_ms(std::int64_t ms_since_epoch);

}  // namespace insightd
