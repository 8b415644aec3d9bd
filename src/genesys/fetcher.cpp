// SPDX-License-Identifier: Apache-2.0
#include "insightd/genesys/fetcher.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/error.hpp>
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
  switch (outcome) {
    case Outcome::ok:
      return "ok";
    case Outcome::permanent_failure:
      return "permanent_failure";
    case Outcome::transient_failure:
      return "transient_failure";
    case Outcome::long_window_limited:
      return "long_window_limited";
    case Outcome::not_ready:
      return "not_ready";
  }
  return "ok";
}

namespace {
constexpr std::chrono::seconds kDefaultRetryAfter{1};  // a 429 without a usable Retry-After

// The upstream's own explanation (Genesys error bodies carry `message`; OAuth
// ones `description`), PII-masked and shortened: it goes into the error value.
std::string upstream_message(std::string_view body) {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  std::string message;
  if (!ec && value.is_object()) {
    for (std::string_view key : {"message", "description", "error"}) {
      if (auto* v = value.get_object().if_contains(key); v && v->is_string()) {
        message = std::string(v->get_string());
        break;
      }
    }
  }
  return governance::redact_upstream_text(message);
}

double seconds_since(steady::time_point start) {
  return std::chrono::duration<double>(steady::now() - start).count();
}

// Transport failures that fail the same way every time (an answer over our
// size limits, a URL we cannot use): retrying only spends the budget.
bool is_deterministic(const boost::system::error_code& ec) {
  return ec == errc::body_too_large || ec == errc::invalid_url ||
         ec == boost::beast::http::error::header_limit || ec == boost::beast::http::error::body_limit ||
         ec == boost::beast::http::error::buffer_overflow;
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
  const int max_attempts = std::max(1, cfg_.genesys.retry.max_attempts);
  const BackoffPolicy backoff{cfg_.genesys.retry.initial, cfg_.genesys.retry.max};
  int transient_failures = 0;  // 5xx and transport errors of this request
  int rate_limited = 0;        // 429s of this request
  bool token_refreshed = false;

  auto stop = [&](Outcome outcome) { return Attempt{false, {}, outcome}; };
  // A transport error or a 5xx: the backoff before the next try, or none once
  // the attempts are spent. Not a coroutine: the caller awaits the sleep.
  auto next_transient_delay = [&]() -> std::optional<std::chrono::milliseconds> {
    if (++transient_failures >= max_attempts) {
      spdlog::warn("genesys {}: {}; giving up after {} attempts", source, result.error, transient_failures);
      return std::nullopt;
    }
    spdlog::warn("genesys {}: {}; retrying", source, result.error);
    ++result.retries;
    return backoff.delay(transient_failures, rng_);
  };

  for (;;) {
    auto waited = co_await limiter_.acquire();
    result.rate_limited_ms += waited.count();
    if (waited.count() > 0) observer_->on_rate_limit_wait(std::chrono::duration<double>(waited).count());

    auto token = co_await tokens_.token();
    if (!token) {
      result.error =
          fmt::format("no access token for interaction {}: {}", interaction_id, token.error().message);
      result.token_unavailable = true;
      co_return stop(Outcome::transient_failure);
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

    if (!response) {
      result.http_status = 0;
      result.correlation_id.clear();
      result.error = fmt::format("{} request for interaction {} failed: {}", source, interaction_id,
                                 response.error().message());
      if (is_deterministic(response.error())) {
        spdlog::warn("genesys {}: {}; not retried (it would fail the same way)", source, result.error);
        co_return stop(Outcome::permanent_failure);
      }
      const auto delay = next_transient_delay();
      if (!delay) co_return stop(Outcome::transient_failure);
      co_await sleep(*delay);
      continue;
    }

    const auto status = static_cast<int>(response->status);
    result.http_status = status;
    result.correlation_id = governance::redact_upstream_text(response->headers.get("ININ-Correlation-Id"));
    if (status >= 200 && status < 300) co_return Attempt{true, std::move(response->body), Outcome::ok};

    auto message = upstream_message(response->body);
    result.error = fmt::format("HTTP {} from {} for interaction {}{}{} (correlation id {})", status, source,
                               interaction_id, message.empty() ? "" : ": ", message,
                               result.correlation_id.empty() ? "none" : result.correlation_id);

    if (status == 401) {
      if (token_refreshed) {
        spdlog::warn("genesys {}: {}; still refused with a fresh token", source, result.error);
        co_return stop(Outcome::transient_failure);
      }
      spdlog::info("genesys {}: {}; refreshing the token and retrying once", source, result.error);
      tokens_.invalidate(*token);
      token_refreshed = true;
      ++result.retries;
      continue;
    }

    if (status == 429) {
      auto retry_after =
          parse_retry_after(response->headers.get("Retry-After"), std::chrono::system_clock::now())
              .value_or(kDefaultRetryAfter);
      result.retry_after = retry_after;
      observer_->on_rate_limited(retry_after);
      if (retry_after > kLongWindowRetryAfter) {
        spdlog::error(
            "ALERT genesys {}: long-window rate limit (Retry-After {}s > {}s): parking interaction {}; {}",
            source, retry_after.count(), kLongWindowRetryAfter.count(), interaction_id, result.error);
        co_return stop(Outcome::long_window_limited);
      }
      // Every worker waits: the bucket is empty until Retry-After has passed.
      limiter_.on_rate_limited(retry_after);
      if (++rate_limited >= max_attempts) {
        spdlog::warn("genesys {}: {}; rate limited {} times, giving up for now", source, result.error,
                     rate_limited);
        co_return stop(Outcome::transient_failure);
      }
      spdlog::warn("genesys {}: {}; pausing all requests for {}s", source, result.error, retry_after.count());
      ++result.retries;
      continue;
    }

    if (status >= 500) {
      const auto delay = next_transient_delay();
      if (!delay) co_return stop(Outcome::transient_failure);
      co_await sleep(*delay);
      continue;
    }

    // 400/403/404 and any other answer: retrying cannot help this interaction.
    spdlog::warn("genesys {}: {}", source, result.error);
    co_return stop(Outcome::permanent_failure);
  }
}

}  // namespace insightd::genesys
