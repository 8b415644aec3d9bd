// SPDX-License-Identifier: Apache-2.0
#include "insightd/observability/console_sessions.hpp"

#include <algorithm>

#include "insightd/common/crypto.hpp"

namespace insightd::observability {

ConsoleSessions::ConsoleSessions(std::chrono::seconds lifetime, std::size_t max_sessions, Clock clock)
    : lifetime_(lifetime),
      max_sessions_(std::max<std::size_t>(max_sessions, 1)),
      clock_(std::move(clock)),
      key_(crypto::random_hex(32)) {}

std::chrono::steady_clock::time_point ConsoleSessions::now() const {
  return clock_ ? clock_() : std::chrono::steady_clock::now();
}

void ConsoleSessions::drop_expired_locked(std::chrono::steady_clock::time_point now) {
  std::erase_if(expiry_by_hash_, [now](const auto& entry) { return entry.second <= now; });
}

std::string ConsoleSessions::open() {
  std::string id = crypto::random_hex(32);
  const auto t = now();
  std::lock_guard lock(mutex_);
  drop_expired_locked(t);
  if (expiry_by_hash_.size() >= max_sessions_) {
    auto first_to_expire = std::min_element(expiry_by_hash_.begin(), expiry_by_hash_.end(),
                                            [](const auto& a, const auto& b) { return a.second < b.second; });
    expiry_by_hash_.erase(first_to_expire);
  }
  expiry_by_hash_[crypto::sha256_hex(id)] = t + lifetime_;
  return id;
}

bool ConsoleSessions::valid(std::string_view id) const {
  if (id.empty()) return false;
  const auto hash = crypto::sha256_hex(id);
  const auto t = now();
  std::lock_guard lock(mutex_);
  auto it = expiry_by_hash_.find(hash);
  return it != expiry_by_hash_.end() && t < it->second;
}

void ConsoleSessions::close(std::string_view id) {
  const auto hash = crypto::sha256_hex(id);
  std::lock_guard lock(mutex_);
  expiry_by_hash_.erase(hash);
}

std::string ConsoleSessions::csrf_token(std::string_view id) const {
  return crypto::base64_encode(crypto::hmac_sha256(key_, {"console-csrf:", id}));
}

bool ConsoleSessions::csrf_matches(std::string_view id, std::string_view presented) const {
  return !presented.empty() && crypto::constant_time_equal(presented, csrf_token(id));
}

}  // namespace insightd::observability
