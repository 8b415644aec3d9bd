// SPDX-License-Identifier: Apache-2.0
#pragma once
// The console's logged-in sessions, in memory (a restart logs everyone out).
// A session id is 32 random bytes; the map holds only its SHA-256, so looking
// one up leaks nothing about valid ids through timing. The CSRF token of a
// session is an HMAC of its id under a key made at start, so it needs no
// storage and cannot be computed without the key (base64, safe in a header
// and an HTML attribute).
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace insightd::observability {

class ConsoleSessions {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  // More than max_sessions open: the one expiring first is dropped.
  explicit ConsoleSessions(std::chrono::seconds lifetime, std::size_t max_sessions = 32, Clock clock = {});

  std::chrono::seconds lifetime() const noexcept { return lifetime_; }
  std::string open();                     // a new session id (hex)
  bool valid(std::string_view id) const;  // open and not expired
  void close(std::string_view id);        // logout; unknown ids are ignored
  std::string csrf_token(std::string_view id) const;
  bool csrf_matches(std::string_view id, std::string_view presented) const;  // constant time

 private:
  std::chrono::steady_clock::time_point now() const;
  void drop_expired_locked(std::chrono::steady_clock::time_point now);

  const std::chrono::seconds lifetime_;
  const std::size_t max_sessions_;
  const Clock clock_;
  const std::string key_;  // CSRF HMAC key, per process
  mutable std::mutex mutex_;
  std::map<std::string, std::chrono::steady_clock::time_point> expiry_by_hash_;
};

}  // namespace insightd::observability
