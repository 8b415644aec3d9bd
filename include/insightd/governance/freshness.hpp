#pragma once
// Freshness of an insight's createdDate against an injected clock.
#include <chrono>
#include <optional>
#include <string_view>

namespace insightd::governance {

// RFC 3339 date-time: `YYYY-MM-DD` `T`/`t`/space `hh:mm:ss[.frac]` then `Z`/`z`
// or an offset `+hh:mm` (also `+hhmm`, `+hh`). A leap second (`:60`) reads as
// `:59`. The calendar date must exist. A time without an offset is rejected:
// its zone is unknown, so its age cannot be judged.
std::optional<std::chrono::system_clock::time_point> parse_rfc3339(std::string_view text) noexcept;

// How far ahead of `now` a date may lie (clock skew) before it is invalid.
inline constexpr std::chrono::minutes kMaxClockSkew{5};

enum class Freshness { fresh, stale, malformed };

// stale: older than max_age (exactly max_age is still fresh); malformed:
// unparsable, or more than kMaxClockSkew in the future.
Freshness classify_freshness(std::string_view created_date, std::chrono::system_clock::time_point now,
                             std::chrono::milliseconds max_age) noexcept;

}  // namespace insightd::governance
