// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/async_event.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace insightd {

boost::asio::awaitable<bool> AsyncEvent::wait(std::chrono::steady_clock::duration timeout) {
  // One waiter extends the shared timer only if it would expire later; the
  // earliest deadline wakes everybody, and each re-checks its own condition.
  auto deadline = std::chrono::steady_clock::now() + timeout;
  if (timer_.expiry() < std::chrono::steady_clock::now() || timer_.expiry() > deadline) {
    timer_.expires_at(deadline);
  }
  boost::system::error_code ec;
  co_await timer_.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ec));
  co_return ec == boost::asio::error::operation_aborted;
}

}  // namespace insightd
