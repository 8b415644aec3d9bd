// SPDX-License-Identifier: Apache-2.0
#include "insightd/sim/faults.hpp"

#include <algorithm>
#include <charconv>

namespace insightd::sim {
namespace {

bool has(std::string_view id, std::string_view marker) noexcept {
  return id.find(marker) != std::string_view::npos;
}

// The first "-n<digits>" in the ID.
std::optional<std::size_t> count_marker(std::string_view id) noexcept {
  for (auto pos = id.find("-n"); pos != std::string_view::npos; pos = id.find("-n", pos + 1)) {
    const char* first = id.data() + pos + 2;
    const char* last = id.data() + id.size();
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(first, last, n);
    if (ec == std::errc() && end != first) return std::min(n, kMaxInsightCount);
    if (ec == std::errc::result_out_of_range) return kMaxInsightCount;
  }
  return std::nullopt;
}

}  // namespace

Faults faults_for(std::string_view id) noexcept {
  Faults f;
  f.not_found = has(id, "notfound");
  f.forbidden = has(id, "forbidden");
  f.flaky = has(id, "flaky");
  f.outage = has(id, "outage");
  f.down = has(id, "alldown");
  f.malformed = has(id, "malformed");
  f.pii = has(id, "pii");
  f.stale = has(id, "stale");
  f.future = has(id, "future");
  f.slow = has(id, "slow");
  f.token_expiry = has(id, "tokenexpiry");
  f.not_ready = has(id, "notready");
  f.rate_limit = has(id, "ratelimit");
  f.long_limit = has(id, "longlimit");
  f.crm_reject = has(id, "crmreject");
  f.chatty_error = has(id, "chattyerror");
  f.crm_chatty = has(id, "crmchatty");
  f.crm_moved = has(id, "crmmoved");
  f.crm_big_body = has(id, "crmbigbody");
  f.insight_count = count_marker(id);
  return f;
}

}  // namespace insightd::sim
