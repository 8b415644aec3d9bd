// SPDX-License-Identifier: Apache-2.0
// The real client against the real server over plain HTTP on 127.0.0.1.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "http/loopback.hpp"

using namespace insightd;
using namespace insightd::test;

namespace {

asio::awaitable<void> get_and_post_round_trip(asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  auto server = http::make_server(ex, {}, echo_handler(probe));
  auto client = http::make_client(ex, {});

  auto got = co_await client->send(get(base_url(*server, false) + "/path/x?q=1&r=a%20b"));
  EXPECT_TRUE(got.has_value()) << got.error().message();
  if (got) {
    EXPECT_EQ(got->status, 200u);
    EXPECT_EQ(got->body, "GET /path/x?q=1&r=a%20b\n");
  }
  EXPECT_EQ(probe->last.headers.get("Host"), fmt::format("127.0.0.1:{}", server->port()));
  EXPECT_EQ(probe->last.headers.get("User-Agent"), "insightd/0.1");

  auto post = get(base_url(*server, false) + "/ingest");
  post.method = "POST";
  post.body = R"({"id":1})";
  post.headers.set("X-Test", "hello");
  post.headers.set("Content-Type", "application/json");
  auto posted = co_await client->send(post);
  EXPECT_TRUE(posted.has_value()) << posted.error().message();
  if (posted) {
    EXPECT_EQ(posted->status, 200u);
    EXPECT_EQ(posted->body, "POST /ingest\n{\"id\":1}");
    EXPECT_EQ(posted->headers.get("x-echo"), "hello");  // names are case-insensitive
  }
  EXPECT_EQ(probe->last.headers.get("Content-Length"), "8");
  EXPECT_EQ(probe->last.headers.get("Content-Type"), "application/json");
  server->stop();
}

asio::awaitable<void> sequential_requests_share_one_connection(asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  auto server = http::make_server(ex, {}, echo_handler(probe));
  auto client = http::make_client(ex, {});
  for (int i = 0; i < 5; ++i) {
    auto r = co_await client->send(get(base_url(*server, false) + "/n"));
    EXPECT_TRUE(r && r->status == 200u);
  }
  EXPECT_EQ(probe->requests, 5);
  EXPECT_EQ(probe->remotes.size(), 1u);
  server->stop();
}

asio::awaitable<void> idle_connection_closed_by_server_is_replaced(asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  http::ServerOptions options;
  options.request_timeout =
      250ms;  // drops connections idle this long (and must still allow a handshake under load)
  auto server = http::make_server(ex, options, echo_handler(probe));
  auto client = http::make_client(ex, {});

  auto first = co_await client->send(get(base_url(*server, false) + "/1"));
  EXPECT_TRUE(first && first->status == 200u);
  const bool reached1 = co_await connection_count_becomes(ex, server.get(), 0);
  EXPECT_TRUE(reached1);

  auto second = co_await client->send(get(base_url(*server, false) + "/2"));
  EXPECT_TRUE(second.has_value()) << second.error().message();
  EXPECT_EQ(probe->requests, 2);
  EXPECT_EQ(probe->remotes.size(), 2u);  // the pooled one was dead, a new one carried the request
  server->stop();
}

asio::awaitable<void> body_over_server_limit_is_413(asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  http::ServerOptions options;
  options.max_request_body = 1024;
  auto server = http::make_server(ex, options, echo_handler(probe));
  auto client = http::make_client(ex, {});

  auto post = get(base_url(*server, false) + "/ingest");
  post.method = "POST";
  post.body.assign(4096, 'b');
  auto r = co_await client->send(post);
  EXPECT_TRUE(r.has_value()) << r.error().message();
  if (r) {
    EXPECT_EQ(r->status, 413u);
  }
  EXPECT_EQ(probe->requests, 0);  // the handler never saw it

  post.body.assign(1024, 'b');  // exactly at the limit is fine
  auto ok = co_await client->send(post);
  EXPECT_TRUE(ok && ok->status == 200u);
  server->stop();
}

asio::awaitable<void> response_over_client_limit_is_body_too_large(asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  probe->reply_size = 1000;
  auto server = http::make_server(ex, {}, echo_handler(probe));
  http::ClientOptions options;
  options.max_response_body = 999;
  auto client = http::make_client(ex, options);

  auto r = co_await client->send(get(base_url(*server, false) + "/big"));
  EXPECT_FALSE(r.has_value());
  if (!r) {
    EXPECT_EQ(r.error(), make_error_code(errc::body_too_large));
  }

  probe->reply_size = 999;
  auto ok = co_await client->send(get(base_url(*server, false) + "/fits"));
  EXPECT_TRUE(ok && ok->body.size() == 999u);
  server->stop();
}

asio::awaitable<void> a_kept_prefix_takes_any_body_size(asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  probe->reply_size = 1u << 20;
  auto server = http::make_server(ex, {}, echo_handler(probe));
  http::ClientOptions options;
  options.max_response_body = 999;
  auto client = http::make_client(ex, options);

  auto big = get(base_url(*server, false) + "/big");
  big.keep_body_prefix = 64;
  auto r = co_await client->send(big);
  EXPECT_TRUE(r.has_value()) << r.error().message();
  if (r) {
    EXPECT_EQ(r->status, 200u);
    EXPECT_EQ(r->body, std::string(64, 'x'));
    EXPECT_EQ(r->headers.get("Content-Length"), std::to_string(1u << 20));
  }

  // A body within the prefix is read whole, and the connection is reused.
  probe->reply_size = 10;
  for (int i = 0; i < 2; ++i) {
    auto small = get(base_url(*server, false) + "/small");
    small.keep_body_prefix = 64;
    auto s = co_await client->send(small);
    EXPECT_TRUE(s && s->status == 200u && s->body == std::string(10, 'x'));
  }
  EXPECT_EQ(probe->requests, 3);
  EXPECT_EQ(probe->remotes.size(), 2u);  // the big answer's connection was dropped, not drained
  server->stop();
}

asio::awaitable<void> slow_handler_times_the_client_out(asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  probe->gate = std::make_shared<Gate>(ex);
  auto server = http::make_server(ex, {}, echo_handler(probe));
  auto client = http::make_client(ex, {});

  auto r = co_await client->send(get(base_url(*server, false) + "/slow", 50ms));
  EXPECT_FALSE(r.has_value());
  if (!r) {
    EXPECT_EQ(r.error(), make_error_code(errc::timeout)) << r.error().message();
  }
  EXPECT_EQ(probe->requests, 1);
  probe->gate->open();
  server->stop();
}

asio::awaitable<http::Response> throwing_handler(http::ServerRequest request) {
  if (request.target == "/boom") throw std::runtime_error("handler bug");
  co_return http::Response{200, {}, ""};
}

asio::awaitable<void> throwing_handler_answers_500(asio::any_io_executor ex) {
  auto server = http::make_server(ex, {}, throwing_handler);
  auto client = http::make_client(ex, {});
  auto r = co_await client->send(get(base_url(*server, false) + "/boom"));
  EXPECT_TRUE(r && r->status == 500u);
  auto again = co_await client->send(get(base_url(*server, false) + "/boom"));
  EXPECT_TRUE(again && again->status == 500u);  // the connection and server survived
  server->stop();
}

asio::awaitable<void> extra_connections_are_refused(asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  probe->gate = std::make_shared<Gate>(ex);
  http::ServerOptions options;
  options.max_connections = 1;
  auto server = http::make_server(ex, options, echo_handler(probe));
  auto first_client = http::make_client(ex, {});
  auto second_client = http::make_client(ex, {});

  auto first = std::make_shared<Outcome>();
  start_send(ex, *first_client, get(base_url(*server, false) + "/a"), first);
  const bool reached2 = co_await requests_reach(ex, probe.get(), 1);
  EXPECT_TRUE(reached2);

  auto second = co_await second_client->send(get(base_url(*server, false) + "/b"));
  EXPECT_FALSE(second.has_value());  // closed at once, never queued
  EXPECT_EQ(probe->requests, 1);

  probe->gate->open();
  const bool reached3 = co_await finished(ex, first.get());
  EXPECT_TRUE(reached3);
  EXPECT_TRUE(first->value && first->value->status == 200u);
  server->stop();
}

asio::awaitable<void> stop_ends_live_connections(asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  auto server = http::make_server(ex, {}, echo_handler(probe));
  auto idle_client = http::make_client(ex, {});
  auto busy_client = http::make_client(ex, {});

  auto r = co_await idle_client->send(get(base_url(*server, false) + "/idle"));  // stays open, idle
  EXPECT_TRUE(r && r->status == 200u);
  probe->gate = std::make_shared<Gate>(ex);  // never opened: only stop() can end this one
  auto busy = std::make_shared<Outcome>();
  start_send(ex, *busy_client, get(base_url(*server, false) + "/busy"), busy);
  const bool reached4 = co_await requests_reach(ex, probe.get(), 2);
  EXPECT_TRUE(reached4);
  EXPECT_EQ(server->connection_count(), 2u);

  server->stop();
  const bool reached5 = co_await finished(ex, busy.get());
  EXPECT_TRUE(reached5);
  EXPECT_FALSE(busy->value.has_value());  // the connection was closed under it
  const bool reached6 = co_await connection_count_becomes(ex, server.get(), 0);
  EXPECT_TRUE(reached6);
  auto after = co_await idle_client->send(get(base_url(*server, false) + "/after", 500ms));
  EXPECT_FALSE(after.has_value());  // nothing listens any more
}

asio::awaitable<void> head_has_length_but_no_body_and_keeps_framing(asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  auto server = http::make_server(ex, {}, echo_handler(probe));
  auto client = http::make_client(ex, {});
  auto head = get(base_url(*server, false) + "/h");
  head.method = "HEAD";
  auto r = co_await client->send(head);
  EXPECT_TRUE(r && r->status == 200u && r->body.empty());
  if (r) {
    EXPECT_EQ(r->headers.get("Content-Length"), "8");  // what a GET would return: "HEAD /h\n"
  }
  auto after = co_await client->send(get(base_url(*server, false) + "/g"));
  EXPECT_TRUE(after && after->body == "GET /g\n");  // the same connection still parses cleanly
  EXPECT_EQ(probe->remotes.size(), 1u);
  server->stop();
}

asio::awaitable<void> bad_url_is_invalid_url(asio::any_io_executor ex) {
  auto client = http::make_client(ex, {});
  auto r = co_await client->send(get("ftp://127.0.0.1/x"));
  EXPECT_FALSE(r.has_value());
  if (!r) {
    EXPECT_EQ(r.error(), make_error_code(errc::invalid_url));
  }
}

}  // namespace

TEST(HttpLoopback, GetAndPostRoundTrip) {
  run_loopback_test(get_and_post_round_trip);
}
TEST(HttpLoopback, SequentialRequestsShareOneConnection) {
  run_loopback_test(sequential_requests_share_one_connection);
}
TEST(HttpLoopback, IdleConnectionClosedByServerIsReplaced) {
  run_loopback_test(idle_connection_closed_by_server_is_replaced);
}
TEST(HttpLoopback, BodyOverServerLimitIs413) {
  run_loopback_test(body_over_server_limit_is_413);
}
TEST(HttpLoopback, ResponseOverClientLimitIsBodyTooLarge) {
  run_loopback_test(response_over_client_limit_is_body_too_large);
}
TEST(HttpLoopback, AKeptPrefixTakesAnyBodySize) {
  run_loopback_test(a_kept_prefix_takes_any_body_size);
}
TEST(HttpLoopback, SlowHandlerTimesTheClientOut) {
  run_loopback_test(slow_handler_times_the_client_out);
}
TEST(HttpLoopback, ThrowingHandlerAnswers500) {
  run_loopback_test(throwing_handler_answers_500);
}
TEST(HttpLoopback, ExtraConnectionsAreRefused) {
  run_loopback_test(extra_connections_are_refused);
}
TEST(HttpLoopback, StopEndsLiveConnections) {
  run_loopback_test(stop_ends_live_connections);
}
TEST(HttpLoopback, HeadHasLengthButNoBodyAndKeepsFraming) {
  run_loopback_test(head_has_length_but_no_body_and_keeps_framing);
}
TEST(HttpLoopback, BadUrlIsInvalidUrl) {
  run_loopback_test(bad_url_is_invalid_url);
}
