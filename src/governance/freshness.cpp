// SPDX-License-Identifier: Apache-2.0
#include "insightd/governance/freshness.hpp"

#include "insightd/common/rfc3339.hpp"

namespace insightd::governance {

Freshness classify_freshness(std::string_view created_date, std::chrono::system_clock::time_point now,
                             std::chrono::milliseconds max_age) noexcept {
  const auto created = parse_rfc3339(created_date);
  if (!created) return Freshness::malformed;
  if (*created - now > kMaxClockSkew) return Freshness::malformed;
  if (now - *created > max_age) return Freshness::stale;
  return Freshness::fresh;
}

}  // namespace insightd::governance
