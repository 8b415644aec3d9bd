// SPDX-License-Identifier: Apache-2.0
#pragma once
// Bearer tokens the simulator issued, with their server-side expiry.
#include <chrono>
#include <string>
#include <string_view>
#include <unordered_map>

namespace insightd::sim {

class TokenStore {
 public:
  using time_point = std::chrono::steady_clock::time_point;

  std::string issue(time_point now, std::chrono::seconds ttl);
  bool valid(std::string_view token, time_point now) const;
  void revoke(std::string_view token);
  void revoke_all() { expiry_.clear(); }

 private:
  std::unordered_map<std::string, time_point> expiry_;
};

}  // namespace insightd::sim
