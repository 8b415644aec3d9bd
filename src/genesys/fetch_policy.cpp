// SPDX-License-Identifier: Apache-2.0
#include "insightd/genesys/fetch_policy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/beast/http/error.hpp>

#include "insightd/common/error.hpp"

namespace insightd::genesys {
namespace {
// Transport failures that fail the same way every time (an answer over our
// size limits, a URL we cannot use): retrying only spends the budget.
bool is_deterministic(const boost::system::error_code& ec) {
  return ec == errc::body_too_large || ec == errc::invalid_url ||
         ec == boost::beast::http::error::header_limit || ec == boost::beast::http::error::body_limit ||
         ec == boost::beast::http::error::buffer_overflow;
}
}  // namespace

FetchAnswer answer_of(const result<http::Response>& response) {
  FetchAnswer answer;
  if (response) {
    answer.status = static_cast<int>(response->status);
    answer.retry_after = response->headers.get("Retry-After");
  } else {
    answer.transport = response.error();
  }
  return answer;
}

FetchRetryPolicy FetchRetryPolicy::from_config(const RetryConfig& retry) {
  return FetchRetryPolicy({retry.initial, retry.max}, retry.max_attempts);
}

FetchDecision FetchRetryPolicy::decide(const FetchAnswer& answer, FetchAttempts& attempts,
                                       std::chrono::system_clock::time_point now,
                                       std::mt19937_64& rng) const {
  const int status = answer.status;
  if (status == 0) {
    if (is_deterministic(answer.transport))
      return {FetchAction::fail_permanent, {}, {}, "not retried (it would fail the same way)"};
    return transient(attempts, rng);
  }
  if (status >= 200 && status < 300) return {};

  if (status == 401) {
    if (attempts.token_refreshed)
      return {FetchAction::fail_transient, {}, {}, "still refused with a fresh token"};
    attempts.token_refreshed = true;
    return {FetchAction::refresh_token, {}, {}, "refreshing the token and retrying once"};
  }

  if (status == 429) {
    const auto retry_after = parse_retry_after(answer.retry_after, now).value_or(kDefaultRetryAfter);
    if (retry_after > kLongWindowRetryAfter)
      return {FetchAction::park,
              {},
              retry_after,
              fmt::format("long-window rate limit (Retry-After {}s > {}s)", retry_after.count(),
                          kLongWindowRetryAfter.count())};
    if (++attempts.rate_limited >= max_attempts_)
      return {FetchAction::fail_transient,
              {},
              retry_after,
              fmt::format("rate limited {} times, giving up for now", attempts.rate_limited)};
    return {FetchAction::pause_all,
            {},
            retry_after,
            fmt::format("pausing all requests for {}s", retry_after.count())};
  }

  if (status >= 500) return transient(attempts, rng);
  // 400/403/404 and any other answer: retrying cannot help this interaction.
  return {FetchAction::fail_permanent, {}, {}, {}};
}

// A transport error or a 5xx: backoff before the next try, or none once the attempts are spent.
FetchDecision FetchRetryPolicy::transient(FetchAttempts& attempts, std::mt19937_64& rng) const {
  if (++attempts.transient_failures >= max_attempts_)
    return {FetchAction::fail_transient,
            {},
            {},
            fmt::format("giving up after {} attempts", attempts.transient_failures)};
  return {FetchAction::retry, backoff_.delay(attempts.transient_failures, rng), {}, "retrying"};
}

}  // namespace insightd::genesys
