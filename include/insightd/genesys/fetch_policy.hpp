// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the Fetcher does after one upstream request (docs/architecture.md):
// pure, no I/O, so every branch is tested without HTTP.
//   2xx                               -> use the body
//   401                               -> refresh the token and retry once; a second 401 fails (transient)
//   429, Retry-After up to 180 s      -> pause every worker for Retry-After (1 s when absent or
//                                        unusable) and retry; the max_attempts-th 429 gives up (transient)
//   429, Retry-After above 180 s      -> park the interaction (a long-window limit); nobody pauses
//   5xx, transport errors             -> full-jitter backoff, retry; transient once max_attempts are spent
//   an answer over our limits, a URL  -> fail permanently: it would fail the same way again
//   we cannot use
//   anything else (400, 403, 404, 408, 1xx, 3xx) -> fail permanently
#include <algorithm>
#include <boost/system/error_code.hpp>
#include <chrono>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "insightd/common/backoff.hpp"
#include "insightd/common/error.hpp"
#include "insightd/config/config.hpp"
#include "insightd/http/message.hpp"

namespace insightd::genesys {

// Retry-After above this is a long-window (daily) limit: park, alert, do not retry.
inline constexpr std::chrono::seconds kLongWindowRetryAfter{180};
// The pause for a 429 without a usable Retry-After.
inline constexpr std::chrono::seconds kDefaultRetryAfter{1};

// The facts of one request that the decision depends on.
struct FetchAnswer {
  int status = 0;                       // HTTP status; 0 when no response arrived
  boost::system::error_code transport;  // why no response arrived (status 0)
  std::string_view retry_after;         // the Retry-After header, "" when absent
};

// The facts of `response` (an answer or why none came); they point into it.
FetchAnswer answer_of(const result<http::Response>& response);

// What the requests for one URL have met so far; decide() counts into it.
struct FetchAttempts {
  int transient_failures = 0;  // 5xx and transport errors
  int rate_limited = 0;        // 429s
  bool token_refreshed = false;
};

enum class FetchAction { use_body, retry, refresh_token, pause_all, park, fail_transient, fail_permanent };

struct FetchDecision {
  FetchAction action = FetchAction::use_body;
  std::chrono::milliseconds delay{0};               // retry: wait this long first
  std::optional<std::chrono::seconds> retry_after;  // any 429: the Retry-After honoured
  std::string note;                                 // for the log line, after the error: "retrying", ...

  // A 429 holds every worker for retry_after, unless it parks the interaction.
  bool pauses_everyone() const noexcept { return retry_after && action != FetchAction::park; }
};

class FetchRetryPolicy {
 public:
  constexpr FetchRetryPolicy(BackoffPolicy backoff, int max_attempts)
      : backoff_(backoff), max_attempts_(std::max(1, max_attempts)) {}
  static FetchRetryPolicy from_config(const RetryConfig& retry);

  // `now` reads a Retry-After given as an HTTP-date; `rng` draws the jitter.
  FetchDecision decide(const FetchAnswer& answer, FetchAttempts& attempts,
                       std::chrono::system_clock::time_point now, std::mt19937_64& rng) const;

  int max_attempts() const noexcept { return max_attempts_; }

 private:
  FetchDecision transient(FetchAttempts& attempts, std::mt19937_64& rng) const;

  BackoffPolicy backoff_;
  int max_attempts_;
};

}  // namespace insightd::genesys
