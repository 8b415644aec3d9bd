// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs one test coroutine on an io_context that also runs a Connection (whose
// reconnect loop never runs out of work): returns as soon as the coroutine
// finishes, rethrows what it threw, fails after `limit`.
#include <chrono>

#include "support/run_coroutine.hpp"

namespace insightd::test {

template <class T>
T run_until_done(boost::asio::io_context& io, boost::asio::awaitable<T> body,
                 std::chrono::seconds limit = std::chrono::seconds(60)) {
  return run_bounded(io, std::move(body), Leftover::allowed, limit);
}

}  // namespace insightd::test
