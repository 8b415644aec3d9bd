// SPDX-License-Identifier: Apache-2.0
#include "insightd/genesys/token_manager.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <cmath>

#include "entity_fields.hpp"
#include "insightd/common/backoff.hpp"
#include "insightd/common/crypto.hpp"
#include "insightd/common/log_exceptions.hpp"
#include "insightd/genesys/observer.hpp"
#include "insightd/genesys/request_budget.hpp"
#include "insightd/governance/upstream_text.hpp"

namespace insightd::genesys {
namespace asio = boost::asio;
namespace json = boost::json;
using steady = std::chrono::steady_clock;

namespace {
constexpr std::chrono::seconds kDefaultLifetime{86400};  // the org default (docs/architecture.md)

std::string trim_slash(std::string_view url) {
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return std::string(url);
}

}  // namespace

AccessToken::time_point AccessToken::refresh_at() const {
  // 90 % of the lifetime, rounded down so a refresh is never late.
  return obtained_at + std::chrono::duration_cast<steady::duration>(expires_in * 9) / 10;
}

http::Request make_token_request(const GenesysConfig& cfg) {
  http::Request request;
  request.method = "POST";
  request.url = trim_slash(cfg.login_base_url) + "/oauth/token";
  request.headers.set("Content-Type", "application/x-www-form-urlencoded");
  request.headers.set("Accept", "application/json");
  request.headers.set("Authorization",
                      "Basic " + crypto::base64_encode(cfg.client_id + ":" + cfg.client_secret));
  request.body = "grant_type=client_credentials";
  request.timeout = cfg.request_timeout;
  return request;
}

result_with_message<AccessToken> parse_token_response(const http::Response& response,
                                                      std::string_view login_base_url,
                                                      AccessToken::time_point now) {
  const auto endpoint = trim_slash(login_base_url) + "/oauth/token";
  const auto correlation = governance::redact_upstream_text(response.headers.get("ININ-Correlation-Id"));
  const auto where =
      correlation.empty() ? endpoint : fmt::format("{} (correlation id {})", endpoint, correlation);

  boost::system::error_code ec;
  auto body = json::parse(response.body, ec);
  const json::object* object = (!ec && body.is_object()) ? &body.get_object() : nullptr;

  if (response.status < 200 || response.status >= 300) {
    // The token endpoint may echo what it was sent: masked before it is logged or stored.
    const std::string error =
        governance::redact_upstream_text(object ? detail::string_field(*object, "error").value_or("") : "");
    std::string description = object ? detail::string_field(*object, "description").value_or("") : "";
    if (description.empty() && object)
      description = detail::string_field(*object, "error_description").value_or("");
    description = governance::redact_upstream_text(description);
    std::string message = fmt::format("token request to {} refused with HTTP {}", where, response.status);
    if (!error.empty()) message += ": " + error;
    if (!description.empty()) message += " (" + description + ")";
    if (error == "invalid_client" || response.status == 401) {
      message +=
          "; the usual cause is the wrong region: the client exists in one region only, check "
          "genesys.region / genesys.login_base_url and the client id/secret";
    }
    return ErrorWithMessage{errc::token_request_failed, std::move(message)};
  }

  if (!object) {
    return ErrorWithMessage{errc::malformed_response,
                              fmt::format("token response from {} is not a JSON object", where)};
  }
  AccessToken token;
  token.obtained_at = now;
  token.value = detail::string_field(*object, "access_token").value_or("");
  if (token.value.empty()) {
    return ErrorWithMessage{errc::malformed_response,
                              fmt::format("token response from {} has no access_token", where)};
  }
  if (auto type = detail::string_field(*object, "token_type").value_or(""); !type.empty()) token.type = type;
  token.expires_in = kDefaultLifetime;
  if (auto* v = object->if_contains("expires_in")) {
    auto seconds = v->if_int64()    ? static_cast<double>(*v->if_int64())
                   : v->if_uint64() ? static_cast<double>(*v->if_uint64())
                   : v->if_double() ? *v->if_double()
                                    : -1.0;
    if (!(seconds > 0)) {
      return ErrorWithMessage{errc::malformed_response,
                                fmt::format("token response from {} has an invalid expires_in", where)};
    }
    token.expires_in = std::chrono::seconds(static_cast<std::int64_t>(std::floor(seconds)));
  }
  return token;
}

// One token request shared by every caller that arrives while it runs. The
// timer never expires by itself: cancelling it wakes the waiters.
struct TokenManager::Flight {
  explicit Flight(const asio::any_io_executor& ex) : done(ex, steady::time_point::max()) {}
  asio::steady_timer done;
  asio::cancellation_signal stop;  // cancel() abandons the request
  bool finished = false;
  result<std::string> outcome{errc::token_request_failed};
  std::string detail;
};

TokenManager::TokenManager(asio::any_io_executor executor, http::Client& client, RequestBudget& limiter,
                           const GenesysConfig& cfg, FetchObserver* observer, Clock clock)
    : executor_(std::move(executor)),
      client_(client),
      limiter_(limiter),
      cfg_(cfg),
      observer_(observer),
      clock_(std::move(clock)) {}

TokenManager::~TokenManager() {
  *alive_ = false;
}

asio::awaitable<result_with_message<std::string>> TokenManager::token() {
  if (cached_ && !cached_->needs_refresh(clock_())) co_return cached_->value;
  if (cancelled_) {
    co_return ErrorWithMessage{asio::error::operation_aborted,
                                 "token requests cancelled: the daemon is stopping"};
  }

  auto flight = flight_;
  if (!flight) {
    flight = std::make_shared<Flight>(executor_);
    flight_ = flight;
    asio::co_spawn(
        executor_, run_flight(flight),
        asio::bind_cancellation_slot(flight->stop.slot(), LogExceptions{"token manager: token request"}));
  }
  while (!flight->finished) co_await flight->done.async_wait(asio::as_tuple(asio::use_awaitable));
  if (!flight->outcome) {
    // An early refresh failed: the old token is still good until it expires.
    if (cached_ && clock_() < cached_->obtained_at + cached_->expires_in) co_return cached_->value;
    co_return ErrorWithMessage{flight->outcome.error(), flight->detail};
  }
  co_return *flight->outcome;
}

void TokenManager::cancel() {
  cancelled_ = true;
  const auto flight = std::exchange(flight_, nullptr);
  if (!flight) return;
  flight->outcome = asio::error::operation_aborted;
  flight->detail = "token request cancelled: the daemon is stopping";
  flight->finished = true;
  flight->done.cancel();
  flight->stop.emit(asio::cancellation_type::terminal);
}

void TokenManager::invalidate(std::string_view token) {
  if (cached_ && cached_->value == token) cached_.reset();
}

asio::awaitable<void> TokenManager::run_flight(std::shared_ptr<Flight> flight) {
  auto alive = alive_;
  try {
    auto waited = co_await limiter_.acquire();
    if (observer_ && waited.count() > 0)
      observer_->on_rate_limit_wait(std::chrono::duration<double>(waited).count());
    ++requests_sent_;
    auto started = steady::now();
    auto response = co_await client_.send(make_token_request(cfg_));
    if (!*alive || flight->finished) co_return;  // destroyed, or cancel() answered the callers
    double seconds = std::chrono::duration<double>(steady::now() - started).count();
    if (observer_)
      observer_->on_upstream_request("login", response ? static_cast<int>(response->status) : 0, seconds);

    if (!response) {
      flight->outcome = response.error();
      flight->detail = fmt::format("token request to {}/oauth/token failed: {}",
                                   trim_slash(cfg_.login_base_url), response.error().message());
    } else {
      if (response->status == 429) {
        auto retry_after =
            parse_retry_after(response->headers.get("Retry-After"), std::chrono::system_clock::now());
        limiter_.on_rate_limited(retry_after.value_or(std::chrono::seconds(1)));
      }
      auto parsed = parse_token_response(*response, cfg_.login_base_url, clock_());
      if (parsed) {
        cached_ = *parsed;
        flight->outcome = parsed->value;
        spdlog::info("genesys: obtained an access token from {}, valid for {}s", cfg_.login_base_url,
                     parsed->expires_in.count());
      } else {
        flight->outcome = parsed.error().code;
        flight->detail = std::move(parsed.error().message);
      }
    }
  } catch (const std::exception& e) {
    if (!*alive || flight->finished) co_return;  // destroyed, or cancel() answered the callers
    flight->outcome = errc::token_request_failed;
    flight->detail =
        fmt::format("token request to {}/oauth/token failed: {}", trim_slash(cfg_.login_base_url), e.what());
  }
  if (!*alive || flight->finished) co_return;
  if (!flight->outcome) spdlog::error("genesys: {}", flight->detail);
  if (observer_) observer_->on_token_refresh(flight->outcome.has_value());
  flight->finished = true;
  flight->done.cancel();
  if (flight_ == flight) flight_.reset();
}

}  // namespace insightd::genesys
