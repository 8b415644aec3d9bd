// SPDX-License-Identifier: Apache-2.0
#pragma once
// OAuth client-credentials tokens for Genesys Cloud (docs/architecture.md): cached,
// refreshed once 90 % of the lifetime has passed or after a 401, and never
// more than one token request in flight however many callers wait.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "insightd/common/error.hpp"
#include "insightd/common/result_with_message.hpp"
#include "insightd/config/config.hpp"
#include "insightd/http/client.hpp"

namespace insightd::genesys {

class FetchObserver;
class RequestBudget;

struct AccessToken {
  using time_point = std::chrono::steady_clock::time_point;
  std::string value;
  std::string type = "bearer";
  std::chrono::seconds expires_in{0};
  time_point obtained_at{};

  // The instant at which 90 % of the lifetime has elapsed.
  time_point refresh_at() const;
  bool needs_refresh(time_point now) const { return now >= refresh_at(); }
};

// The token request: POST {login_base_url}/oauth/token, Basic auth,
// form body grant_type=client_credentials.
http::Request make_token_request(const GenesysConfig& cfg);

// Parses the token endpoint's answer. Errors: errc::token_request_failed (any
// refusal; the message says why, and for invalid_client that the region or
// login URL is the usual cause) or errc::malformed_response. The message
// never holds the secret.
result_with_message<AccessToken> parse_token_response(const http::Response& response,
                                                      std::string_view login_base_url,
                                                      AccessToken::time_point now);

class TokenManager {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  TokenManager(
      boost::asio::any_io_executor executor, http::Client& client, RequestBudget& limiter,
      const GenesysConfig& cfg, FetchObserver* observer = nullptr,
      Clock clock = [] { return std::chrono::steady_clock::now(); });
  ~TokenManager();
  TokenManager(const TokenManager&) = delete;
  TokenManager& operator=(const TokenManager&) = delete;

  // A valid access token, requesting one when none is cached or the cached
  // one is due for refresh (when that early refresh fails, the cached token
  // is used until it expires). Concurrent callers share one request. A
  // failure carries a loggable message.
  boost::asio::awaitable<result_with_message<std::string>> token();

  // Shutdown: callers waiting for a token request get operation_aborted at
  // once, the request is abandoned, and later calls that would need a new
  // request get the same (a cached token is still handed out).
  void cancel();

  // Upstream refused `token` with 401: drop it, unless it was already replaced.
  void invalidate(std::string_view token);

  // True once a token was obtained (for /readyz).
  bool has_token() const noexcept { return cached_.has_value(); }
  // Token requests sent so far.
  int requests_sent() const noexcept { return requests_sent_; }

 private:
  struct Flight;
  boost::asio::awaitable<void> run_flight(std::shared_ptr<Flight> flight);

  boost::asio::any_io_executor executor_;
  http::Client& client_;
  RequestBudget& limiter_;
  GenesysConfig cfg_;  // a copy: a config reload must not pull it away mid-request
  FetchObserver* observer_;
  Clock clock_;
  std::optional<AccessToken> cached_;
  std::shared_ptr<Flight> flight_;
  int requests_sent_ = 0;
  bool cancelled_ = false;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace insightd::genesys
