// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one way unit tests run coroutines: on the test's io_context, with a
// bound that only a hung test reaches, failing the test when the coroutine
// does not finish or when work is left behind afterwards (a timer, a socket,
// a spawned coroutine nobody waits for). ASSERT_* cannot live inside
// coroutines, so what the coroutine returns or throws comes back here.
#include <gtest/gtest.h>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <optional>
#include <stdexcept>
#include <type_traits>

namespace insightd::test {

// Bounds only fail a hung test; INSIGHTD_TEST_TIME_SCALE stretches them for
// slow runs (valgrind, sanitizers).
inline int time_scale() {
  const char* scale = std::getenv("INSIGHTD_TEST_TIME_SCALE");
  return scale && std::atoi(scale) > 0 ? std::atoi(scale) : 1;
}

inline constexpr std::chrono::seconds kTestBound{10};

enum class Leftover {
  fail,     // the io_context must run out of work once the coroutine is done
  allowed,  // it hosts a service that never runs out (a Redis connection's reconnect loop)
};

// Runs the io_context until it runs out of work; fails the test when work is
// still there after `bound`. For tests that spawn several coroutines.
inline void run_until_idle(boost::asio::io_context& io, std::chrono::milliseconds bound = kTestBound) {
  io.restart();
  io.run_for(bound * time_scale());
  EXPECT_TRUE(io.stopped()) << "work was left on the io_context after " << bound.count() << " ms";
}

// Runs `body` to completion and returns its value, rethrowing what it threw.
// Throws (failing the test) when it does not finish within `bound`.
template <class T>
T run_bounded(boost::asio::io_context& io, boost::asio::awaitable<T> body, Leftover leftover = Leftover::fail,
              std::chrono::milliseconds bound = kTestBound) {
  struct Outcome {
    bool done = false;
    std::exception_ptr error;
    std::conditional_t<std::is_void_v<T>, bool, std::optional<T>> value{};
  };
  auto outcome = std::make_shared<Outcome>();
  if constexpr (std::is_void_v<T>) {
    boost::asio::co_spawn(io, std::move(body), [outcome](std::exception_ptr e) {
      outcome->error = e;
      outcome->done = true;
    });
  } else {
    boost::asio::co_spawn(io, std::move(body), [outcome](std::exception_ptr e, T v) {
      outcome->error = e;
      if (!e) outcome->value.emplace(std::move(v));
      outcome->done = true;
    });
  }
  io.restart();
  if (leftover == Leftover::fail) {
    io.run_for(bound * time_scale());
  } else {
    const auto deadline = std::chrono::steady_clock::now() + bound * time_scale();
    while (!outcome->done && std::chrono::steady_clock::now() < deadline)
      io.run_one_for(std::chrono::milliseconds(100));
  }
  if (!outcome->done) {
    ADD_FAILURE() << "the test coroutine did not finish within " << bound.count() << " ms";
    throw std::runtime_error("test coroutine did not finish in time");
  }
  if (leftover == Leftover::fail) {
    EXPECT_TRUE(io.stopped()) << "work was left on the io_context";
  }
  if (outcome->error) std::rethrow_exception(outcome->error);
  if constexpr (!std::is_void_v<T>) return std::move(*outcome->value);
}

}  // namespace insightd::test
