// SPDX-License-Identifier: Apache-2.0
// redis::Connection against a real redis-server (tests/support/redis_server.hpp).
#include "insightd/redis/connection.hpp"

#include <gtest/gtest.h>

#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "redis/run_until.hpp"
#include "support/redis_server.hpp"

namespace asio = boost::asio;
using namespace std::chrono_literals;
using insightd::redis::Connection;
using insightd::redis::ConnectionOptions;
using insightd::redis::errc;
using insightd::redis::Reply;
using insightd::redis::Result;
using insightd::test::RedisServer;
using insightd::test::RedisServerOptions;
using insightd::test::run_until_done;
using Clock = std::chrono::steady_clock;

namespace {

ConnectionOptions options_for(const std::string& url, std::string password = {}) {
  ConnectionOptions options;
  options.url = url;
  options.password = std::move(password);
  options.timeout = 5s;
  options.reconnect = {10ms, 200ms};
  return options;
}

// One command on `connection`, run to completion.
Result<Reply> run_command(asio::io_context& io, Connection& connection, std::vector<std::string> args) {
  return run_until_done(io, connection.command(std::move(args)));
}

// Repeats PING until it gets PONG or `limit` passes (reconnects take a backoff).
asio::awaitable<bool> ping_until_pong(Connection* connection, std::chrono::milliseconds limit) {
  const auto deadline = Clock::now() + limit;
  asio::steady_timer pause(co_await asio::this_coro::executor);
  while (Clock::now() < deadline) {
    std::vector<std::string> ping{"PING"};  // not a braced list: GCC 12 cannot keep one across co_await
    auto reply = co_await connection->command(std::move(ping));
    if (reply && reply->text() == "PONG") co_return true;
    pause.expires_after(20ms);
    co_await pause.async_wait(asio::use_awaitable);
  }
  co_return false;
}

}  // namespace

TEST(RedisConnection, CommandsRepliesAndServerErrors) {
  RedisServer server;
  asio::io_context io(1);
  Connection connection(io.get_executor(), options_for(server.url()));

  EXPECT_TRUE(run_command(io, connection, {"SET", "greeting", std::string("hi\0there\r\n", 10)})->is_ok());
  auto value = run_command(io, connection, {"GET", "greeting"});
  ASSERT_TRUE(value) << value.error().message;
  EXPECT_EQ(value->text(), std::string("hi\0there\r\n", 10));
  EXPECT_TRUE(run_command(io, connection, {"GET", "missing"})->is_nil());
  EXPECT_EQ(run_command(io, connection, {"INCRBY", "n", "41"})->as_integer(), 41);
  auto wrong = run_command(io, connection, {"LPUSH", "greeting", "x"});
  ASSERT_TRUE(wrong);  // a server error is a reply, not a transport failure
  EXPECT_EQ(wrong->error_code(), "WRONGTYPE");
  EXPECT_TRUE(connection.connected());
  EXPECT_EQ(connection.describe(), "connected to Redis at 127.0.0.1:" + std::to_string(server.port()));
}

asio::awaitable<void> incr_into(Connection* connection, std::vector<std::int64_t>* replies,
                                std::size_t index) {
  std::vector<std::string> incr{"INCR", "counter"};
  auto reply = co_await connection->command(std::move(incr));
  (*replies)[index] = reply ? reply->as_integer() : -1;
}

TEST(RedisConnection, ThousandCommandsInFlightGetTheirRepliesInOrder) {
  RedisServer server;
  asio::io_context io(1);
  Connection connection(io.get_executor(), options_for(server.url()));
  EXPECT_TRUE(run_command(io, connection, {"PING"}));

  constexpr std::size_t kCount = 1000;
  std::vector<std::int64_t> replies(kCount, 0);
  for (std::size_t i = 0; i < kCount; ++i) {
    asio::co_spawn(io, incr_into(&connection, &replies, i), asio::detached);
  }
  // All 1,000 are queued before the first byte is written; INCR numbers them in the order the server ran
  // them.
  auto last = run_command(io, connection, {"GET", "counter"});
  ASSERT_TRUE(last);
  EXPECT_EQ(last->text(), "1000");
  for (std::size_t i = 0; i < kCount; ++i) ASSERT_EQ(replies[i], static_cast<std::int64_t>(i + 1)) << i;
}

TEST(RedisConnection, AuthWithPasswordAndWithAnAclUser) {
  RedisServer server(
      RedisServerOptions{.requirepass = "s3cret", .acl_user = "insightd", .acl_password = "pw2"});
  asio::io_context io(1);
  Connection as_default(io.get_executor(), options_for(server.url(), "s3cret"));
  auto who = run_command(io, as_default, {"ACL", "WHOAMI"});
  ASSERT_TRUE(who) << who.error().message;
  EXPECT_EQ(who->text(), "default");

  Connection as_user(io.get_executor(), options_for(server.url(0, "insightd"), "pw2"));
  who = run_command(io, as_user, {"ACL", "WHOAMI"});
  ASSERT_TRUE(who) << who.error().message;
  EXPECT_EQ(who->text(), "insightd");

  Connection without(io.get_executor(), options_for(server.url()));
  auto refused = run_command(io, without, {"GET", "k"});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->error_code(), "NOAUTH");
}

TEST(RedisConnection, WrongPasswordIsAClearErrorWithoutThePassword) {
  RedisServer server(RedisServerOptions{.requirepass = "s3cret"});
  asio::io_context io(1);
  Connection connection(io.get_executor(), options_for(server.url(), "not-the-password"));
  auto reply = run_command(io, connection, {"PING"});
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().code, make_error_code(errc::unreachable));
  const auto& message = reply.error().message;
  EXPECT_NE(message.find("Redis at 127.0.0.1:" + std::to_string(server.port()) + " refused AUTH"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("WRONGPASS"), std::string::npos) << message;
  EXPECT_EQ(message.find("not-the-password"), std::string::npos) << message;
  EXPECT_FALSE(connection.connected());
}

TEST(RedisConnection, SelectsTheDatabaseOfTheUrl) {
  RedisServer server;
  asio::io_context io(1);
  Connection db3(io.get_executor(), options_for(server.url(3)));
  Connection db0(io.get_executor(), options_for(server.url(0)));
  Connection db3_again(io.get_executor(), options_for(server.url(3)));
  EXPECT_TRUE(run_command(io, db3, {"SET", "where", "three"})->is_ok());
  EXPECT_TRUE(run_command(io, db0, {"GET", "where"})->is_nil());
  EXPECT_EQ(run_command(io, db3_again, {"GET", "where"})->text(), "three");
}

TEST(RedisConnection, ScriptsAreLoadedAtConnectAndReloadedAfterNoscript) {
  RedisServer server;
  asio::io_context io(1);
  Connection connection(io.get_executor(), options_for(server.url()));
  const std::string source = "return redis.call('INCRBY', KEYS[1], ARGV[1])";
  connection.register_script("add", source);

  auto first = run_until_done(io, connection.eval("add", {"total"}, {"5"}));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->as_integer(), 5);

  EXPECT_TRUE(run_command(io, connection, {"SCRIPT", "FLUSH"})->is_ok());
  auto second = run_until_done(io, connection.eval("add", {"total"}, {"2"}));  // NOSCRIPT, load, again
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->as_integer(), 7);

  // A script that does not compile: the caller gets the server's words.
  connection.register_script("broken", "return (");
  auto broken = run_until_done(io, connection.eval("broken", {}, {}));
  ASSERT_TRUE(broken);
  EXPECT_TRUE(broken->is_error());
  EXPECT_NE(broken->text().find("compiling"), std::string::npos) << broken->text();
}

TEST(RedisConnection, RegisteredScriptsAreOnTheServerOnceConnected) {
  RedisServer server;
  asio::io_context io(1);
  Connection connection(io.get_executor(), options_for(server.url()));
  connection.register_script("one", "return 1");
  auto exists = run_command(io, connection, {"SCRIPT", "EXISTS", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db"});
  ASSERT_TRUE(exists);
  EXPECT_EQ(*exists, Reply::array({Reply::integer(1)}));  // sha1("return 1"), loaded before any eval
}

TEST(RedisConnection, TimeoutFailsTheCommandAndTheConnectionRecovers) {
  RedisServer server;
  asio::io_context io(1);
  auto options = options_for(server.url());
  options.timeout = 300ms;
  Connection connection(io.get_executor(), options);
  EXPECT_TRUE(run_command(io, connection, {"PING"}));

  const auto start = Clock::now();
  auto slept = run_command(io, connection, {"DEBUG", "SLEEP", "3"});
  const auto waited = Clock::now() - start;
  ASSERT_FALSE(slept);
  EXPECT_EQ(slept.error().code, make_error_code(errc::timeout));
  EXPECT_NE(slept.error().message.find("did not reply within 300 ms"), std::string::npos)
      << slept.error().message;
  EXPECT_LT(waited, 2500ms);  // failed on its own timeout, not when the server woke up

  EXPECT_TRUE(run_until_done(io, ping_until_pong(&connection, 20s)));
  EXPECT_EQ(run_command(io, connection, {"ECHO", "after"})->text(), "after");
}

TEST(RedisConnection, LongerTimeoutForOneCommand) {
  RedisServer server;
  asio::io_context io(1);
  auto options = options_for(server.url());
  options.timeout = 200ms;
  Connection connection(io.get_executor(), options);
  auto slept = run_until_done(io, connection.command({"DEBUG", "SLEEP", "0.5"}, 10s));
  ASSERT_TRUE(slept) << slept.error().message;
  EXPECT_TRUE(slept->is_ok());
}

TEST(RedisConnection, ServerRestartedMidUseFailsClearlyThenRecovers) {
  RedisServer server;
  asio::io_context io(1);
  Connection connection(io.get_executor(), options_for(server.url()));
  EXPECT_TRUE(run_command(io, connection, {"SET", "k", "v"})->is_ok());

  server.stop();
  // Once the loss is noticed, commands fail at once with where Redis was expected.
  Result<Reply> down = Reply();
  ASSERT_TRUE(insightd::test::eventually([&] {
    down = run_command(io, connection, {"PING"});
    return !down && down.error().code == errc::unreachable;
  }));
  EXPECT_NE(down.error().message.find("Redis unreachable at 127.0.0.1:" + std::to_string(server.port())),
            std::string::npos)
      << down.error().message;
  EXPECT_FALSE(connection.connected());

  server.start();
  EXPECT_TRUE(run_until_done(io, ping_until_pong(&connection, 20s)));
  EXPECT_TRUE(connection.connected());
}

TEST(RedisConnection, UnreachableFromTheStart) {
  std::uint16_t port = 0;
  {
    RedisServer gone;
    port = gone.port();
  }
  asio::io_context io(1);
  Connection connection(io.get_executor(), options_for("redis://127.0.0.1:" + std::to_string(port)));
  auto reply = run_command(io, connection, {"PING"});
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().code, make_error_code(errc::unreachable));
  EXPECT_NE(reply.error().message.find("Redis unreachable at 127.0.0.1:" + std::to_string(port) + ": "),
            std::string::npos)
      << reply.error().message;
}

TEST(RedisConnection, CloseFailsWaitingCommandsAndLeavesNoWorkBehind) {
  RedisServer server;
  asio::io_context io(1);
  auto connection = std::make_unique<Connection>(io.get_executor(), options_for(server.url()));
  EXPECT_TRUE(run_command(io, *connection, {"PING"}));
  std::optional<Result<Reply>> blocked;
  asio::co_spawn(io, connection->command({"BLPOP", "nothing", "0"}, 60s),
                 [&blocked](std::exception_ptr, Result<Reply> r) { blocked = std::move(r); });
  io.run_for(50ms);
  connection->close();
  io.restart();
  io.run();  // returns: no timer, socket or loop left
  ASSERT_TRUE(blocked);
  ASSERT_FALSE(*blocked);
  EXPECT_EQ(blocked->error().code, make_error_code(errc::cancelled));
}

TEST(RedisConnection, TlsWithVerifiedCertificate) {
  RedisServer server(RedisServerOptions{.tls = true});
  asio::io_context io(1);
  auto options = options_for(server.url());
  options.ca_file = insightd::test::TestCa::shared().ca_cert;
  Connection connection(io.get_executor(), options);
  auto pong = run_command(io, connection, {"PING"});
  ASSERT_TRUE(pong) << pong.error().message;
  EXPECT_EQ(pong->text(), "PONG");
  EXPECT_TRUE(connection.connected());
}

TEST(RedisConnection, TlsRefusesAnUntrustedCertificate) {
  RedisServer server(RedisServerOptions{.tls = true});
  asio::io_context io(1);
  auto options = options_for(server.url());
  options.ca_file = insightd::test::TestCa::shared().other_ca_cert;
  Connection connection(io.get_executor(), options);
  auto reply = run_command(io, connection, {"PING"});
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().code, make_error_code(errc::unreachable));
  EXPECT_NE(reply.error().message.find("TLS handshake failed"), std::string::npos) << reply.error().message;
  EXPECT_NE(reply.error().message.find("certificate"), std::string::npos) << reply.error().message;
}

TEST(RedisConnection, TlsRefusesACertificateForAnotherName) {
  RedisServer server(RedisServerOptions{.tls = true});
  asio::io_context io(1);
  // The certificate names localhost and 127.0.0.1; "127.0.0.2" is the same server under a name it lacks.
  auto options = options_for("rediss://127.0.0.2:" + std::to_string(server.tls_port()));
  options.ca_file = insightd::test::TestCa::shared().ca_cert;
  Connection connection(io.get_executor(), options);
  auto reply = run_command(io, connection, {"PING"});
  ASSERT_FALSE(reply);
  EXPECT_NE(reply.error().message.find("TLS handshake failed"), std::string::npos) << reply.error().message;
}
