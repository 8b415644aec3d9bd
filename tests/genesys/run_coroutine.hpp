// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs one coroutine to completion on a local io_context and returns its
// value, rethrowing what it threw (ASSERT_* cannot live inside coroutines).
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <exception>
#include <optional>

namespace insightd::genesys::testing {

template <class T>
T run_to_completion(boost::asio::io_context& ctx, boost::asio::awaitable<T> coroutine) {
  std::optional<T> value;
  std::exception_ptr error;
  boost::asio::co_spawn(ctx, std::move(coroutine), [&](std::exception_ptr e, T v) {
    error = e;
    if (!e) value.emplace(std::move(v));
  });
  ctx.restart();
  ctx.run();
  if (error) std::rethrow_exception(error);
  return std::move(*value);
}

}  // namespace insightd::genesys::testing
