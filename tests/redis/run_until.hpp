// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs one test coroutine on an io_context that also runs a Connection (whose
// reconnect loop never runs out of work): returns as soon as the coroutine
// finishes, rethrows what it threw, fails after `limit`.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <exception>
#include <optional>
#include <stdexcept>

namespace insightd::test {

template <class T>
T run_until_done(boost::asio::io_context& io, boost::asio::awaitable<T> body,
                 std::chrono::seconds limit = std::chrono::seconds(60)) {
  std::optional<T> value;
  std::exception_ptr error;
  bool done = false;
  boost::asio::co_spawn(io, std::move(body), [&](std::exception_ptr e, T v) {
    error = e;
    if (!e) value.emplace(std::move(v));
    done = true;
  });
  io.restart();
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done && std::chrono::steady_clock::now() < deadline) io.run_one_for(std::chrono::milliseconds(100));
  if (!done) throw std::runtime_error("test coroutine did not finish in time");
  if (error) std::rethrow_exception(error);
  return std::move(*value);
}

}  // namespace insightd::test
