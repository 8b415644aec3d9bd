// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs one coroutine to completion on a local io_context and returns its
// value, rethrowing what it threw (ASSERT_* cannot live inside coroutines);
// the shared bounded runner fails the test on a hang or on leftover work.
#include "support/run_coroutine.hpp"

namespace insightd::genesys::testing {

template <class T>
T run_to_completion(boost::asio::io_context& ctx, boost::asio::awaitable<T> coroutine) {
  return test::run_bounded(ctx, std::move(coroutine));
}

}  // namespace insightd::genesys::testing
