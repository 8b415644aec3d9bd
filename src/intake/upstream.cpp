// SPDX-License-Identifier: Apache-2.0
#include "upstream.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "insightd/genesys/fetch_policy.hpp"
#include "insightd/genesys/request_budget.hpp"
#include "insightd/genesys/token_manager.hpp"
#include "insightd/governance/upstream_text.hpp"
#include "insightd/http/client.hpp"

namespace insightd::intake::detail {
namespace asio = boost::asio;

namespace {
// Why a request failed, for the log and the status: the method and path
// (never the query), the status, Genesys's own message and the correlation id
// (both redacted: upstreams echo what they were sent).
std::string failure(std::string_view what, const result<http::Response>& response) {
  if (!response) return fmt::format("intake {} failed: {}", what, response.error().message());
  const auto message = governance::upstream_error_message(response->body);
  const auto correlation = governance::redact_upstream_text(response->headers.get("ININ-Correlation-Id"));
  return fmt::format("intake {}: HTTP {}{}{} (correlation id {})", what, response->status,
                     message.empty() ? "" : ": ", message, correlation.empty() ? "none" : correlation);
}

}  // namespace

// The fetcher's retry policy (genesys/fetch_policy.hpp) decides every answer,
// so the intake and the fetch treat 401, 429, 5xx and transport errors alike;
// only a long-window 429 ends differently: the intake has nothing to park and
// waits for its next run.
asio::awaitable<UpstreamReply> Upstream::call(std::string method, std::string path, std::string body) {
  const std::string url = path.starts_with("/") ? genesys->api_base_url + path : path;
  const std::string what = fmt::format("{} {}", method, path.substr(0, path.find('?')));
  const auto policy = genesys::FetchRetryPolicy::from_config(genesys->retry);
  genesys::FetchAttempts attempts;
  UpstreamReply reply;

  for (;;) {
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

    const auto answer = genesys::answer_of(response);
    const auto decision = policy.decide(answer, attempts, std::chrono::system_clock::now(), rng);
    using genesys::FetchAction;
    if (decision.action == FetchAction::use_body) {
      reply.ok = true;
      reply.response = std::move(*response);
      co_return reply;
    }
    reply.error = failure(what, response);
    if (decision.action == FetchAction::refresh_token) {
      deps.tokens->invalidate(*token);
    } else if (decision.action == FetchAction::pause_all) {
      spdlog::warn("{}; {}", reply.error, decision.note);
      deps.limiter->on_rate_limited(*decision.retry_after);  // every request waits, fetches too
    } else if (decision.action == FetchAction::retry) {
      spdlog::warn("{}; {}", reply.error, decision.note);
      const bool go_on = co_await sleep(decision.delay);
      if (!go_on) co_return reply;
    } else {
      if (decision.action == FetchAction::park)
        spdlog::error("ALERT {}; {}: the intake waits for its next run", reply.error, decision.note);
      co_return reply;
    }
  }
}

}  // namespace insightd::intake::detail
