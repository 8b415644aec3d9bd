// SPDX-License-Identifier: Apache-2.0
#include "connect_check.hpp"

#include <fmt/format.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <exception>

#include "insightd/genesys/token_manager.hpp"
#include "insightd/http/client.hpp"
#include "insightd/redis/address.hpp"
#include "insightd/redis/connection.hpp"

namespace insightd::app {
namespace {

namespace asio = boost::asio;

ConnectCheck passed(std::string what, std::string result) {
  return {fmt::format("{}: ok, {}", what, result), true};
}

ConnectCheck failed(std::string what, std::string why) {
  return {fmt::format("{}: FAILED: {}", what, why), false};
}

// Not built inside a co_await expression: GCC 12 miscompiles the braced
// options there (a double free, seen here).
std::unique_ptr<http::Client> make_client(asio::any_io_executor executor, std::string ca_file) {
  return http::make_client(std::move(executor), {.ca_file = std::move(ca_file)});
}

asio::awaitable<ConnectCheck> check_genesys_login(GenesysConfig cfg) {
  auto request = genesys::make_token_request(cfg);
  const auto what = fmt::format("genesys login: POST {} for client '{}'", request.url, cfg.client_id);
  const auto executor = co_await asio::this_coro::executor;
  auto client = make_client(executor, cfg.ca_file);
  auto response = co_await client->send(std::move(request));
  if (!response) co_return failed(what, response.error().message());
  auto token = genesys::parse_token_response(*response, cfg.login_base_url, {});
  if (!token) co_return failed(what, token.error().message);
  co_return passed(what, fmt::format("an access token valid for {} s", token->expires_in.count()));
}

// HEAD, not a delivery: it shows DNS, TCP, TLS (certificate and host name)
// and an HTTP server at that URL. Any answer below 500 counts: a webhook
// endpoint often refuses HEAD (405) or an unsigned request (401).
asio::awaitable<ConnectCheck> check_crm(CrmConfig cfg) {
  http::Request request;
  request.method = "HEAD";
  request.url = cfg.url;
  request.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(cfg.timeout);
  const auto what = fmt::format("crm: HEAD {}", cfg.url);
  const bool tls = cfg.url.starts_with("https://");
  const auto executor = co_await asio::this_coro::executor;
  auto client = make_client(executor, cfg.ca_file);
  auto response = co_await client->send(std::move(request));
  if (!response) co_return failed(what, response.error().message());
  const auto answer = fmt::format("HTTP {}{}", response->status, tls ? " over TLS" : " (plain HTTP)");
  if (response->status >= 500) co_return failed(what, "the server answered " + answer);
  co_return passed(what, "answered " + answer);
}

asio::awaitable<ConnectCheck> check_redis(QueueConfig cfg) {
  const auto address = redis::parse_address(cfg.redis_url);
  std::string steps = address.tls ? "TLS connect" : "connect";
  if (!cfg.redis_password.empty())
    steps += address.user.empty() ? ", AUTH" : ", AUTH as '" + address.user + "'";
  if (address.db != 0) steps += fmt::format(", SELECT {}", address.db);
  const auto what = fmt::format("redis: {} to {}, PING", steps, address.host_port());
  auto options = redis::connection_options(cfg);
  options.name = "redis (check-config)";
  const auto executor = co_await asio::this_coro::executor;
  redis::Connection connection(executor, std::move(options));
  std::vector<std::string> ping{"PING"};
  auto reply = co_await connection.command(std::move(ping));
  connection.close();
  if (!reply) co_return failed(what, reply.error().message);
  if (reply->is_error()) co_return failed(what, "PING refused: " + reply->text());
  co_return passed(what, "answered " + reply->text());
}

asio::awaitable<std::vector<ConnectCheck>> run_checks(Config cfg) {
  // Each result named before it is stored: GCC 12 mishandles co_await inside expressions.
  std::vector<ConnectCheck> checks;
  auto login = co_await check_genesys_login(cfg.genesys);
  checks.push_back(std::move(login));
  auto crm = co_await check_crm(cfg.crm);
  checks.push_back(std::move(crm));
  if (cfg.queue.backend == QueueBackend::redis) {
    auto redis = co_await check_redis(cfg.queue);
    checks.push_back(std::move(redis));
  }
  co_return checks;
}

}  // namespace

std::vector<ConnectCheck> check_connections(const Config& cfg) {
  asio::io_context io(1);
  std::vector<ConnectCheck> checks;
  std::exception_ptr error;
  bool done = false;
  asio::co_spawn(io, run_checks(cfg), [&](std::exception_ptr e, std::vector<ConnectCheck> result) {
    error = e;
    checks = std::move(result);
    done = true;
  });
  // Not io.run(): idle pooled connections may still be waiting when the checks are done.
  while (!done) io.run_one();
  if (error) std::rethrow_exception(error);
  return checks;
}

}  // namespace insightd::app
