// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/with_timeout.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include "support/run_coroutine.hpp"

namespace asio = boost::asio;
using namespace std::chrono_literals;
using insightd::with_timeout;
using Clock = std::chrono::steady_clock;

namespace {

struct Outcome {
  boost::system::error_code ec;
  Clock::duration elapsed{};
};

// Waits on a timer of `work` under a bound of `limit`.
asio::awaitable<Outcome> timed_wait(Clock::duration work, Clock::duration limit) {
  asio::steady_timer timer(co_await asio::this_coro::executor, work);
  const auto start = Clock::now();
  auto [ec] = co_await with_timeout(limit, [&timer](auto token) { return timer.async_wait(token); });
  co_return Outcome{ec, Clock::now() - start};
}

// Connects to a port nobody listens on: refused at once.
asio::awaitable<Outcome> refused_connect(Clock::duration limit) {
  asio::ip::tcp::acceptor acceptor(co_await asio::this_coro::executor,
                                   {asio::ip::make_address("127.0.0.1"), 0});
  const auto closed = acceptor.local_endpoint();
  acceptor.close();
  asio::ip::tcp::socket socket(co_await asio::this_coro::executor);
  const auto start = Clock::now();
  auto [ec] = co_await with_timeout(
      limit, [&socket, closed](auto token) { return socket.async_connect(closed, token); });
  co_return Outcome{ec, Clock::now() - start};
}

// Fails the test when a timer or handler is left behind.
Outcome run(asio::awaitable<Outcome> body) {
  asio::io_context io(1);
  return insightd::test::run_bounded(io, std::move(body));
}

}  // namespace

TEST(WithTimeout, OperationThatOutlivesTheBoundFailsWithTimeout) {
  auto out = run(timed_wait(1h, 50ms));
  EXPECT_EQ(out.ec, insightd::make_error_code(insightd::errc::timeout));
  EXPECT_GE(out.elapsed, 50ms);
  EXPECT_LT(out.elapsed, 30s);  // cancelled, not waited out
}

TEST(WithTimeout, OperationThatFinishesFirstKeepsItsResult) {
  auto out = run(timed_wait(10ms, 1h));
  EXPECT_FALSE(out.ec) << out.ec.message();
}

TEST(WithTimeout, FailingOperationReturnsAtOnceWithItsOwnError) {
  auto out = run(refused_connect(1h));
  EXPECT_EQ(out.ec, asio::error::connection_refused);
  EXPECT_LT(out.elapsed, 30s);  // the 1 h timer was not waited for
}
