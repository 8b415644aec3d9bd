// SPDX-License-Identifier: Apache-2.0
#include "upstream.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/json/parse.hpp>

#include "insightd/common/backoff.hpp"
#include "insightd/genesys/fetcher.hpp"
#include "insightd/genesys/request_budget.hpp"
#include "insightd/genesys/token_manager.hpp"
#include "insightd/http/client.hpp"

namespace insightd::intake::detail {
namespace asio = boost::asio;

namespace {
std::string upstream_message(std::string_view body) {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  if (ec || !value.is_object()) return {};
  const auto* message = value.get_object().if_contains("message");
  if (!message || !message->is_string()) return {};
  std::string text(message->get_string());
  if (text.size() > 300) text = text.substr(0, 300) + "...";
  return text;
}
}  // namespace

asio::awaitable<UpstreamReply> Upstream::call(std::string method, std::string path, std::string body) {
  const std::string url = path.starts_with("/") ? genesys->api_base_url + path : path;
  const std::string what = fmt::format("{} {}", method, path.substr(0, path.find('?')));
  const BackoffPolicy backoff{genesys->retry.initial, genesys->retry.max};
  const int max_attempts = std::max(1, genesys->retry.max_attempts);
  int failures = 0;
  bool token_refreshed = false;
  UpstreamReply reply;

  while (failures < max_attempts) {
    co_await deps.limiter->acquire();
    auto token = co_await deps.tokens->token();
    if (!token) {
      reply.error = fmt::format("intake {}: no access token: {}", what, token.error().message);
      co_return reply;
    }
    http::Request request;
    request.method = method;
    request.url = url;
    request.headers.set("Authorization", "Bearer " + *token);
    request.headers.set("Accept", "application/json");
    if (!body.empty()) request.headers.set("Content-Type", "application/json");
    request.body = body;
    request.timeout = genesys->request_timeout;
    auto response = co_await deps.client->send(std::move(request));

    if (!response) {
      reply.error = fmt::format("intake {} failed: {}", what, response.error().message());
    } else if (response->status >= 200 && response->status < 300) {
      reply.ok = true;
      reply.response = std::move(*response);
      co_return reply;
    } else {
      const auto status = response->status;
      const auto message = upstream_message(response->body);
      const auto correlation = response->headers.get("ININ-Correlation-Id");
      reply.error =
          fmt::format("intake {}: HTTP {}{}{} (correlation id {})", what, status, message.empty() ? "" : ": ",
                      message, correlation.empty() ? "none" : correlation);
      if (status == 401 && !token_refreshed) {
        deps.tokens->invalidate(*token);
        token_refreshed = true;
        continue;
      }
      if (status == 429) {
        const auto retry_after =
            parse_retry_after(response->headers.get("Retry-After"), std::chrono::system_clock::now())
                .value_or(genesys::kDefaultRetryAfter);
        if (retry_after > genesys::kLongWindowRetryAfter) {
          spdlog::error("ALERT {}; long-window rate limit (Retry-After {}s): the intake waits", reply.error,
                        retry_after.count());
          co_return reply;
        }
        deps.limiter->on_rate_limited(retry_after);  // every request waits, fetches too
        ++failures;
        continue;
      }
      if (status < 500) co_return reply;  // 400/403/404: retrying cannot help
    }
    if (++failures >= max_attempts) break;
    spdlog::warn("{}; retrying", reply.error);
    const bool go_on = co_await sleep(backoff.delay(failures, rng));
    if (!go_on) break;
  }
  co_return reply;
}

}  // namespace insightd::intake::detail
