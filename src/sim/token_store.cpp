// SPDX-License-Identifier: Apache-2.0
#include "insightd/sim/token_store.hpp"

#include "insightd/common/crypto.hpp"

namespace insightd::sim {

std::string TokenStore::issue(time_point now, std::chrono::seconds ttl) {
  // Forget expired tokens so a long-running simulator does not grow without bound.
  std::erase_if(expiry_, [now](const auto& entry) { return entry.second <= now; });
  std::string token = crypto::random_hex(24);
  expiry_.emplace(token, now + ttl);
  return token;
}

bool TokenStore::valid(std::string_view token, time_point now) const {
  auto it = expiry_.find(std::string(token));
  return it != expiry_.end() && now < it->second;
}

void TokenStore::revoke(std::string_view token) {
  expiry_.erase(std::string(token));
}

}  // namespace insightd::sim
