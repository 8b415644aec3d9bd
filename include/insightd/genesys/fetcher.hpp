// SPDX-License-Identifier: Apache-2.0
#pragma once
// Fetches every insight of one interaction from the configured source: a
// limiter token and an access token per request, and what follows each
// answer as FetchRetryPolicy decides (fetch_policy.hpp).
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "insightd/common/insight.hpp"
#include "insightd/config/config.hpp"
#include "insightd/genesys/fetch_policy.hpp"
#include "insightd/genesys/observer.hpp"
#include "insightd/genesys/source.hpp"
#include "insightd/http/client.hpp"

namespace insightd::genesys {

class RequestBudget;
class TokenManager;

struct FetchResult {
  enum class Outcome { ok, permanent_failure, transient_failure, long_window_limited, not_ready };
  BOOST_DESCRIBE_NESTED_ENUM(Outcome, ok, permanent_failure, transient_failure, long_window_limited,
                             not_ready)

  Outcome outcome = Outcome::ok;
  std::vector<Insight> insights;  // after the retrieval filters
  int pages = 0;                  // successful responses read
  int entities_returned = 0;
  int page_capacity = 0;          // sum of the limits requested
  double utilization_rate = 0.0;  // entities_returned / page_capacity
  int malformed_skipped = 0;
  int duplicates_dropped = 0;        // insights whose id an earlier one of the interaction had
  int retries = 0;                   // requests sent again (401, 429, 5xx, transport)
  std::int64_t rate_limited_ms = 0;  // time spent waiting for the limiter
  std::int64_t latency_ms = 0;
  int http_status = 0;                  // last upstream status (0: none / transport failure)
  std::string correlation_id;           // ININ-Correlation-Id of the last response
  std::string error;                    // status, upstream message, correlation id; no PII
  std::chrono::seconds retry_after{0};  // long_window_limited / transient 429: when to try again
  bool token_unavailable = false;       // transient because no access token could be obtained
};

std::string_view to_string(FetchResult::Outcome outcome) noexcept;  // "ok", "permanent_failure", ...

class Fetcher {
 public:
  // The references must outlive the Fetcher; `cfg` is copied.
  Fetcher(boost::asio::any_io_executor executor, http::Client& client, TokenManager& tokens,
          RequestBudget& limiter, const Config& cfg, FetchObserver* observer = nullptr);
  ~Fetcher();

  // Fetches all pages in order. Never throws for upstream problems: they are
  // the outcome.
  boost::asio::awaitable<FetchResult> fetch(std::string interaction_id);

  std::string_view source_name() const noexcept;

 private:
  struct Attempt;
  boost::asio::awaitable<Attempt> send_with_policy(const std::string& url, const std::string& interaction_id,
                                                   FetchResult& result);
  boost::asio::awaitable<void> sleep(std::chrono::milliseconds delay);
  // Sets the status, correlation id and error of a request that was not used.
  void describe_failure(const result<http::Response>& response, const std::string& interaction_id,
                        FetchResult& result) const;
  // Carries out a decision's side effects: rate-limit report and pause, the log line.
  void report(const FetchDecision& decision, const std::string& interaction_id, FetchResult& result);

  boost::asio::any_io_executor executor_;
  http::Client& client_;
  TokenManager& tokens_;
  RequestBudget& limiter_;
  Config cfg_;
  FetchObserver* observer_;
  FetchObserver no_observer_;
  std::unique_ptr<Source> source_;
  FetchRetryPolicy policy_;
  std::mt19937_64 rng_;
};

}  // namespace insightd::genesys
