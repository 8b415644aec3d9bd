// SPDX-License-Identifier: Apache-2.0
#pragma once
// What to do after one CRM delivery attempt (docs/architecture.md): pure, no I/O.
//   2xx                      -> delivered
//   408, 429, 5xx, network   -> retry after full-jitter backoff, honouring Retry-After
//                               (capped at backoff.max); dead letter once max_attempts are used
//   410                      -> endpoint disabled (deliveries are held, not dropped)
//   anything else            -> dead letter at once (other 4xx, and 1xx/3xx: the CRM
//                               answered, and repeating the same request will not change that;
//                               a 3xx names its Location in the reason)
#include <chrono>
#include <random>
#include <string>
#include <string_view>

#include "insightd/common/backoff.hpp"
#include "insightd/config/config.hpp"

namespace insightd::delivery {

enum class StatusClass { success, retryable, gone, permanent };

// status 0 stands for a transport failure (DNS, connect, TLS, timeout).
StatusClass classify_status(int status) noexcept;

// The facts of one attempt that the decision depends on.
struct AttemptResult {
  int status = 0;                    // HTTP status; 0 when no response arrived
  std::string_view retry_after;      // the Retry-After header, "" when absent
  std::string_view body;             // the response body (never stored or logged whole)
  std::string_view transport_error;  // the client's error message when status == 0
  std::string_view location;         // the Location header, "" when absent (3xx)
};

enum class Verdict { delivered, retry, endpoint_disabled, dead_letter };

struct Decision {
  Verdict verdict = Verdict::delivered;
  std::chrono::milliseconds delay{0};  // for Verdict::retry: wait this long before the next attempt
  std::string error;                   // short and PII-free, for the store and the logs
};

// "HTTP 422", or "HTTP 422 (code: invalid_payload)" when the body is JSON with a
// short token-like "code" or "error" member. Never free text from the body: the
// CRM may echo insight text (PII) back; even the code is PII-masked. A 3xx names
// its (masked) Location: redirects are not followed, crm.url should be that URL.
std::string describe_response(int status, std::string_view body, std::string_view location = {});

class RetryPolicy {
 public:
  RetryPolicy(BackoffPolicy backoff, int max_attempts) : backoff_(backoff), max_attempts_(max_attempts) {}
  static RetryPolicy from_config(const CrmConfig& crm) {
    return RetryPolicy({crm.backoff.initial, crm.backoff.max}, crm.max_attempts);
  }

  // `attempt` is the 1-based number of the attempt just made.
  Decision decide(const AttemptResult& result, int attempt, std::chrono::system_clock::time_point now,
                  std::mt19937_64& rng) const;

  const BackoffPolicy& backoff() const noexcept { return backoff_; }
  int max_attempts() const noexcept { return max_attempts_; }

 private:
  BackoffPolicy backoff_;
  int max_attempts_;
};

}  // namespace insightd::delivery
