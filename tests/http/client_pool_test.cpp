// SPDX-License-Identifier: Apache-2.0
// Client behaviour beyond a single exchange: concurrency, pool bounds, logging.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <vector>

#include "http/loopback.hpp"

using namespace insightd;
using namespace insightd::test;

namespace {

asio::awaitable<void> concurrent_requests_use_separate_connections_and_pool_keeps_max_idle(
    asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  probe->gate = std::make_shared<Gate>(ex);
  auto server = http::make_server(ex, {}, echo_handler(probe));
  http::ClientOptions options;
  options.max_idle_per_host = 1;
  auto client = http::make_client(ex, options);

  std::vector<std::shared_ptr<Outcome>> outcomes;
  for (int i = 0; i < 3; ++i) {
    outcomes.push_back(std::make_shared<Outcome>());
    start_send(ex, *client, get(base_url(*server, false) + "/c"), outcomes.back());
  }
  const bool reached1 = co_await requests_reach(ex, probe.get(), 3);  // all three in flight
  EXPECT_TRUE(reached1);
  EXPECT_EQ(probe->remotes.size(), 3u);
  probe->gate->open();
  for (const auto& o : outcomes) {
    const bool done = co_await finished(ex, o.get());
    EXPECT_TRUE(done);
  }
  for (const auto& o : outcomes) EXPECT_TRUE(o->value && o->value->status == 200u);

  // Only one idle connection was kept; the client closed the other two.
  const bool reached2 = co_await connection_count_becomes(ex, server.get(), 1);
  EXPECT_TRUE(reached2);
  for (int i = 0; i < 3; ++i) {
    auto r = co_await client->send(get(base_url(*server, false) + "/s"));
    EXPECT_TRUE(r && r->status == 200u);
  }
  EXPECT_EQ(probe->remotes.size(), 3u);  // the sequential ones all reused the kept connection
  server->stop();
}

// Two requests to 127.0.0.1, then two through each of two clients to 0.0.0.0
// (not a loopback name, but Linux connects it to the local host).
asio::awaitable<void> plain_requests_to_loopback_and_other_host(asio::any_io_executor ex) {
  auto server = http::make_server(ex, {}, echo_handler(std::make_shared<Probe>()));
  for (const std::string host : {"127.0.0.1", "0.0.0.0", "0.0.0.0"}) {
    auto client = http::make_client(ex, {});
    for (int i = 0; i < 2; ++i) {
      auto r = co_await client->send(get(base_url(*server, false, host) + "/w"));
      EXPECT_TRUE(r && r->status == 200u) << host;
    }
  }
  server->stop();
}

asio::awaitable<void> caller_connection_close_is_honoured(asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  auto server = http::make_server(ex, {}, echo_handler(probe));
  auto client = http::make_client(ex, {});
  for (int i = 0; i < 2; ++i) {
    auto request = get(base_url(*server, false) + "/once");
    request.headers.set("Connection", "close");
    auto r = co_await client->send(request);
    EXPECT_TRUE(r && r->status == 200u);
  }
  EXPECT_EQ(probe->remotes.size(), 2u);
  const bool reached3 = co_await connection_count_becomes(ex, server.get(), 0);
  EXPECT_TRUE(reached3);
  server->stop();
}

asio::awaitable<void> refused_connection_is_an_error_not_a_timeout(asio::any_io_executor ex) {
  std::uint16_t port = 0;
  {
    auto server = http::make_server(ex, {}, echo_handler(std::make_shared<Probe>()));
    port = server->port();
  }  // closed again: nothing listens on port now
  auto client = http::make_client(ex, {});
  auto r = co_await client->send(get(fmt::format("http://127.0.0.1:{}/", port)));
  EXPECT_FALSE(r.has_value());
  if (!r) {
    EXPECT_EQ(r.error(), asio::error::connection_refused) << r.error().message();
  }
}

}  // namespace

TEST(HttpClient, ConcurrentRequestsUseSeparateConnectionsAndPoolKeepsMaxIdle) {
  run_loopback_test(concurrent_requests_use_separate_connections_and_pool_keeps_max_idle);
}

TEST(HttpClient, PlainHttpIsWarnedOncePerNonLoopbackHostPerProcess) {
  auto sink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(64);
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("capture", sink));
  run_loopback_test(plain_requests_to_loopback_and_other_host);
  spdlog::set_default_logger(previous);

  std::vector<std::string> warnings;
  for (const auto& line : sink->last_formatted())
    if (line.find("plain http") != std::string::npos) warnings.push_back(line);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("http://0.0.0.0:"), std::string::npos) << warnings[0];
}

TEST(HttpClient, CallerConnectionCloseIsHonoured) {
  run_loopback_test(caller_connection_close_is_honoured);
}
TEST(HttpClient, RefusedConnectionIsAnErrorNotATimeout) {
  run_loopback_test(refused_connection_is_an_error_not_a_timeout);
}
