// SPDX-License-Identifier: Apache-2.0
#include "insightd/genesys/fetcher.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <unordered_set>

#include "insightd/common/backoff.hpp"
#include "insightd/genesys/request_budget.hpp"
#include "insightd/genesys/token_manager.hpp"
#include "insightd/governance/upstream_text.hpp"

namespace insightd::genesys {
namespace asio = boost::asio;
using steady = std::chrono::steady_clock;
using Outcome = FetchResult::Outcome;

std::string_view to_string(Outcome outcome) noexcept {
  return enum_to_string(outcome, "ok");
}

namespace {
// The outcome of a decision that ends the request, nullopt when it is tried again.
std::optional<Outcome> final_outcome(FetchAction action) {
  switch (action) {
    case FetchAction::park:
      return Outcome::long_window_limited;
    case FetchAction::fail_transient:
      return Outcome::transient_failure;
    case FetchAction::fail_permanent:
      return Outcome::permanent_failure;
    case FetchAction::use_body:
    case FetchAction::retry:
    case FetchAction::refresh_token:
    case FetchAction::pause_all:
      break;
  }
  return std::nullopt;
}

double seconds_since(steady::time_point start) {
  return std::chrono::duration<double>(steady::now() - start).count();
}

// Keeps the first insight of each id: a server that repeats entities across
// pages must not make us deliver one insight twice. Returns how many were dropped.
int drop_duplicate_ids(std::vector<Insight>& insights) {
  std::unordered_set<std::string> seen;
  seen.reserve(insights.size());
  const auto end = std::remove_if(insights.begin(), insights.end(), [&seen](const Insight& insight) {
    return !seen.insert(insight.id).second;
  });
  const auto dropped = static_cast<int>(insights.end() - end);
  insights.erase(end, insights.end());
  return dropped;
}
}  // namespace

// How one request ended after the retry policy: a 2xx body, or the interaction's outcome.
struct Fetcher::Attempt {
  bool ok = false;
  std::string body;
  Outcome outcome = Outcome::ok;
};

Fetcher::Fetcher(asio::any_io_executor executor, http::Client& client, TokenManager& tokens,
                 RequestBudget& limiter, const Config& cfg, FetchObserver* observer)
    : executor_(std::move(executor)),
      client_(client),
      tokens_(tokens),
      limiter_(limiter),
      cfg_(cfg),
      observer_(observer ? observer : &no_observer_),
      source_(make_source(cfg.genesys.source, cfg.genesys.api_base_url, cfg.retrieval)),
      policy_(FetchRetryPolicy::from_config(cfg.genesys.retry)),
      rng_(std::random_device{}()) {}

Fetcher::~Fetcher() = default;

std::string_view Fetcher::source_name() const noexcept {
  return source_->name();
}

asio::awaitable<void> Fetcher::sleep(std::chrono::milliseconds delay) {
  asio::steady_timer timer(executor_, delay);
  co_await timer.async_wait(asio::use_awaitable);
}

asio::awaitable<FetchResult> Fetcher::fetch(std::string interaction_id) {
  const auto started = steady::now();
  const auto source = source_->name();
  FetchResult result;
  auto session = source_->start(interaction_id);
  std::vector<Insight> collected;

  const int max_pages = std::max(1, cfg_.retrieval.max_pages);
  while (auto url = session->next_url()) {
    if (result.pages >= max_pages) {
      // A pagination that does not end (a server bug, or a hostile one) would
      // hold a fetch slot and spend the budget forever.
      result.outcome = Outcome::permanent_failure;
      result.error = fmt::format(
          "pagination stopped: more than {} pages (retrieval.max_pages) for interaction {} (correlation id "
          "{})",
          max_pages, interaction_id, result.correlation_id);
      spdlog::warn("genesys {}: {}", source, result.error);
      break;
    }
    auto attempt = co_await send_with_policy(*url, interaction_id, result);
    if (!attempt.ok) {
      result.outcome = attempt.outcome;
      break;
    }
    result.page_capacity += session->requested_capacity();
    auto page = session->read(attempt.body);
    if (!page) {
      result.outcome = page.error().code == errc::not_ready ? Outcome::not_ready : Outcome::permanent_failure;
      result.error = fmt::format("{} for interaction {} (correlation id {})", page.error().message,
                                 interaction_id, result.correlation_id);
      spdlog::warn("genesys {}: {}", source, result.error);
      break;
    }
    ++result.pages;
    result.entities_returned += page->entities;
    for (const auto& bad : page->malformed) {
      spdlog::warn("genesys {}: interaction {}: skipped malformed entity {} of response {}: {}", source,
                   interaction_id, bad.location, result.pages, bad.reason);
    }
    if (!page->malformed.empty()) {
      result.malformed_skipped += static_cast<int>(page->malformed.size());
      observer_->on_malformed(source, static_cast<int>(page->malformed.size()));
    }
    std::move(page->insights.begin(), page->insights.end(), std::back_inserter(collected));
  }

  // An interaction gets all of its insights or none.
  if (result.outcome == Outcome::ok) {
    result.duplicates_dropped = drop_duplicate_ids(collected);
    if (result.duplicates_dropped > 0)
      spdlog::warn("genesys {}: interaction {}: dropped {} insight(s) whose id an earlier one already had",
                   source, interaction_id, result.duplicates_dropped);
    result.insights = session->finish(std::move(collected));
  }
  if (result.page_capacity > 0)
    result.utilization_rate = static_cast<double>(result.entities_returned) / result.page_capacity;
  result.latency_ms = std::chrono::duration_cast<std::chrono::milliseconds>(steady::now() - started).count();
  co_return result;
}

asio::awaitable<Fetcher::Attempt> Fetcher::send_with_policy(const std::string& url,
                                                            const std::string& interaction_id,
                                                            FetchResult& result) {
  const auto source = source_->name();
  FetchAttempts attempts;
  for (;;) {
    auto waited = co_await limiter_.acquire();
    result.rate_limited_ms += waited.count();
    if (waited.count() > 0) observer_->on_rate_limit_wait(std::chrono::duration<double>(waited).count());

    auto token = co_await tokens_.token();
    if (!token) {
      result.error =
          fmt::format("no access token for interaction {}: {}", interaction_id, token.error().message);
      result.token_unavailable = true;
      co_return Attempt{false, {}, Outcome::transient_failure};
    }

    http::Request request;
    request.url = url;
    request.headers.set("Authorization", "Bearer " + *token);
    request.headers.set("Accept", "application/json");
    request.timeout = cfg_.genesys.request_timeout;
    const auto sent = steady::now();
    auto response = co_await client_.send(std::move(request));
    observer_->on_upstream_request(source, response ? static_cast<int>(response->status) : 0,
                                   seconds_since(sent));

    const auto answer = answer_of(response);
    const auto decision = policy_.decide(answer, attempts, std::chrono::system_clock::now(), rng_);
    if (decision.action == FetchAction::use_body) {
      result.http_status = answer.status;
      result.correlation_id = governance::redact_upstream_text(response->headers.get("ININ-Correlation-Id"));
      co_return Attempt{true, std::move(response->body), Outcome::ok};
    }
    describe_failure(response, interaction_id, result);
    report(decision, interaction_id, result);
    if (const auto outcome = final_outcome(decision.action)) co_return Attempt{false, {}, *outcome};

    ++result.retries;
    if (decision.action == FetchAction::refresh_token) tokens_.invalidate(*token);
    if (decision.action == FetchAction::retry) co_await sleep(decision.delay);
  }
}

void Fetcher::describe_failure(const result<http::Response>& response, const std::string& interaction_id,
                               FetchResult& result) const {
  const auto source = source_->name();
  if (!response) {
    result.http_status = 0;
    result.correlation_id.clear();
    result.error = fmt::format("{} request for interaction {} failed: {}", source, interaction_id,
                               response.error().message());
    return;
  }
  result.http_status = static_cast<int>(response->status);
  result.correlation_id = governance::redact_upstream_text(response->headers.get("ININ-Correlation-Id"));
  auto message = governance::upstream_error_message(response->body);
  result.error = fmt::format("HTTP {} from {} for interaction {}{}{} (correlation id {})", result.http_status,
                             source, interaction_id, message.empty() ? "" : ": ", message,
                             result.correlation_id.empty() ? "none" : result.correlation_id);
}

void Fetcher::report(const FetchDecision& decision, const std::string& interaction_id, FetchResult& result) {
  const auto source = source_->name();
  if (decision.retry_after) {
    result.retry_after = *decision.retry_after;
    observer_->on_rate_limited(*decision.retry_after);
  }
  if (decision.pauses_everyone()) limiter_.on_rate_limited(*decision.retry_after);
  if (decision.action == FetchAction::park) {
    spdlog::error("ALERT genesys {}: {}: parking interaction {}; {}", source, decision.note, interaction_id,
                  result.error);
    return;
  }
  const auto level =
      decision.action == FetchAction::refresh_token ? spdlog::level::info : spdlog::level::warn;
  if (decision.note.empty())
    spdlog::log(level, "genesys {}: {}", source, result.error);
  else
    spdlog::log(level, "genesys {}: {}; {}", source, result.error, decision.note);
}

}  // namespace insightd::genesys
