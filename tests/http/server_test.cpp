// SPDX-License-Identifier: Apache-2.0
// Server behaviour seen from a raw TCP socket: what a misbehaving client gets.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include "http/loopback.hpp"
#include "insightd/common/nothrow.hpp"

using namespace insightd;
using namespace insightd::test;
using tcp = asio::ip::tcp;

namespace {

asio::awaitable<tcp::socket> connect_raw(asio::any_io_executor ex, std::uint16_t port) {
  tcp::socket socket(ex);
  co_await socket.async_connect({asio::ip::make_address("127.0.0.1"), port}, asio::use_awaitable);
  co_return socket;
}

// Everything the server sends until it closes the connection.
asio::awaitable<std::string> read_until_closed(tcp::socket& socket) {
  std::string received;
  auto [ec, n] = co_await asio::async_read(socket, asio::dynamic_buffer(received), nothrow);
  EXPECT_EQ(ec, asio::error::eof) << ec.message();
  co_return received;
}

asio::awaitable<void> slow_client_is_dropped_and_stalls_nothing(asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  http::ServerOptions options;
  options.request_timeout = 250ms;  // short, yet room for a handshake on a loaded machine
  auto server = http::make_server(ex, options, echo_handler(probe));

  auto slow = co_await connect_raw(ex, server->port());
  co_await asio::async_write(slow, asio::buffer(std::string_view("GET / HTTP/1.1\r\nHost: x\r\n")),
                             asio::use_awaitable);  // headers never finished

  auto client = http::make_client(ex, {});
  auto r = co_await client->send(get(base_url(*server, false) + "/meanwhile"));
  EXPECT_TRUE(r && r->status == 200u);

  const auto answer = co_await read_until_closed(slow);

  EXPECT_EQ(answer, "");  // dropped without an answer
  EXPECT_EQ(probe->requests, 1);
  server->stop();
}

asio::awaitable<void> idle_connections_make_room_for_a_new_one(asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  http::ServerOptions options;
  options.max_connections = 4;
  options.header_timeout = 60s;  // only the limit is at work here
  options.request_timeout = 60s;
  auto server = http::make_server(ex, options, echo_handler(probe));

  std::vector<tcp::socket> idle;
  for (int i = 0; i < 4; ++i) {
    idle.push_back(co_await connect_raw(ex, server->port()));
    const bool accepted =
        co_await connection_count_becomes(ex, server.get(), static_cast<std::size_t>(i) + 1);
    EXPECT_TRUE(accepted);
  }
  auto client = http::make_client(ex, {});
  auto r = co_await client->send(get(base_url(*server, false) + "/healthz"));
  EXPECT_TRUE(r && r->status == 200u) << (r ? r->body : r.error().message());

  const auto answer = co_await read_until_closed(idle.front());  // the longest idle one made room
  EXPECT_EQ(answer, "");
  EXPECT_EQ(probe->requests, 1);
  server->stop();
}

asio::awaitable<void> a_silent_client_is_dropped_at_the_header_deadline(asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  http::ServerOptions options;
  options.header_timeout = 100ms;
  options.request_timeout = 60s;
  auto server = http::make_server(ex, options, echo_handler(probe));
  auto silent = co_await connect_raw(ex, server->port());
  const auto answer = co_await read_until_closed(silent);  // bounded by the header deadline, not 60 s
  EXPECT_EQ(answer, "");
  const bool gone = co_await connection_count_becomes(ex, server.get(), 0);
  EXPECT_TRUE(gone);
  server->stop();
}

asio::awaitable<void> malformed_request_is_400_and_closed(asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  auto server = http::make_server(ex, {}, echo_handler(probe));
  auto raw = co_await connect_raw(ex, server->port());
  co_await asio::async_write(raw, asio::buffer(std::string_view("NOT HTTP AT ALL\r\n\r\n")),
                             asio::use_awaitable);
  const auto answer = co_await read_until_closed(raw);
  EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0u) << answer;
  EXPECT_EQ(probe->requests, 0);
  server->stop();
}

asio::awaitable<void> declared_oversize_body_is_413_before_it_is_sent(asio::any_io_executor ex) {
  auto probe = std::make_shared<Probe>();
  http::ServerOptions options;
  options.max_request_body = 10;
  auto server = http::make_server(ex, options, echo_handler(probe));
  auto raw = co_await connect_raw(ex, server->port());
  co_await asio::async_write(
      raw, asio::buffer(std::string_view("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n")),
      asio::use_awaitable);
  raw.shutdown(tcp::socket::shutdown_send);  // the client gives up on sending the body
  const auto answer = co_await read_until_closed(raw);
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
  EXPECT_NE(answer.find("Connection: close"), std::string::npos) << answer;
  EXPECT_EQ(probe->requests, 0);
  server->stop();
}

}  // namespace

TEST(HttpServer, SlowClientIsDroppedAndStallsNothing) {
  run_loopback_test(slow_client_is_dropped_and_stalls_nothing);
}
TEST(HttpServer, IdleConnectionsMakeRoomForANewOne) {
  run_loopback_test(idle_connections_make_room_for_a_new_one);
}
TEST(HttpServer, ASilentClientIsDroppedAtTheHeaderDeadline) {
  run_loopback_test(a_silent_client_is_dropped_at_the_header_deadline);
}
TEST(HttpServer, MalformedRequestIs400AndClosed) {
  run_loopback_test(malformed_request_is_400_and_closed);
}
TEST(HttpServer, DeclaredOversizeBodyIs413BeforeItIsSent) {
  run_loopback_test(declared_oversize_body_is_413_before_it_is_sent);
}

TEST(HttpServer, BindFailureThrowsNamingTheAddress) {
  asio::io_context context(1);
  auto first = http::make_server(context.get_executor(), {}, echo_handler(std::make_shared<Probe>()));
  http::ServerOptions taken;
  taken.port = first->port();
  try {
    http::make_server(context.get_executor(), taken, echo_handler(std::make_shared<Probe>()));
    ADD_FAILURE() << "expected make_server to throw";
  } catch (const std::system_error& e) {
    EXPECT_NE(std::string(e.what()).find(fmt::format("127.0.0.1:{}", taken.port)), std::string::npos)
        << e.what();
  }
}
