// SPDX-License-Identifier: Apache-2.0
#pragma once
// Faults switched on and off while the simulator runs (POST /sim/faults), for
// soak runs that need an outage in the middle of steady work rather than per
// interaction ID. Each fault lasts `for_ms` from when it was set (0 ends it),
// so a driver that dies never leaves the simulator broken. The body is a JSON
// object with any of:
//
//   {"token_down": {"for_ms": N, "revoke_tokens": true},  // /oauth/token answers 503;
//                                                          // revoke: every issued token is invalid (401)
//    "api_errors": {"for_ms": N, "share": 0.3},            // that share of insight fetches: 500 / 503
//    "api_429":    {"for_ms": N, "retry_after_s": 60},     // every /api/v2 request: 429 + Retry-After
//    "crm_down":   {"for_ms": N},                          // every CRM delivery: 503
//    "crm_hang":   {"for_ms": N},                          // CRM deliveries get no answer until it ends
//    "normal": true}                                       // end every fault first
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <cstdint>
#include <string>

namespace insightd::sim {

class RuntimeFaults {
 public:
  using time_point = std::chrono::steady_clock::time_point;

  // Applies a request body; returns "" or what is wrong with it (then nothing changed).
  // Sets `revoke_tokens` when the body asked for it: the caller owns the tokens.
  std::string apply(const boost::json::value& body, time_point now, bool& revoke_tokens);
  void clear() { *this = RuntimeFaults{}; }

  bool token_down(time_point now) const { return now < token_down_until_; }
  bool crm_down(time_point now) const { return now < crm_down_until_; }
  // How long a CRM delivery stays unanswered now (zero: not hanging).
  std::chrono::milliseconds crm_hang_left(time_point now) const;
  // The Retry-After of the 429 every API request gets now, or 0 when no storm.
  std::int64_t api_429_retry_after_s(time_point now) const {
    return now < api_429_until_ ? api_429_retry_after_s_ : 0;
  }
  // 0 when this insight fetch goes on, else 500 or 503. Exactly `share` of the
  // fetches during the storm fail, spread evenly (no randomness to seed).
  unsigned next_api_error(time_point now);

  // What is active, with the milliseconds left: GET /sim/faults.
  boost::json::object to_json(time_point now) const;

 private:
  time_point token_down_until_{}, api_errors_until_{}, api_429_until_{}, crm_down_until_{}, crm_hang_until_{};
  double api_error_share_ = 0;
  double api_error_credit_ = 0;
  std::uint64_t api_errors_served_ = 0;
  std::int64_t api_429_retry_after_s_ = 0;
};

}  // namespace insightd::sim
