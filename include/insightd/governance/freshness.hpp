// SPDX-License-Identifier: Apache-2.0
#pragma once
// Freshness of an insight's createdDate against an injected clock.
#include <chrono>
#include <string_view>

namespace insightd::governance {

// How far ahead of `now` a date may lie (clock skew) before it is invalid.
inline constexpr std::chrono::minutes kMaxClockSkew{5};

enum class Freshness { fresh, stale, malformed };

// stale: older than max_age (exactly max_age is still fresh); malformed:
// not an RFC 3339 date-time (insightd/common/rfc3339.hpp), or more than kMaxClockSkew in the future.
Freshness classify_freshness(std::string_view created_date, std::chrono::system_clock::time_point now,
                             std::chrono::milliseconds max_age) noexcept;

}  // namespace insightd::governance
