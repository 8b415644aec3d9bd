// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/async_event.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "insightd/common/backoff.hpp"

namespace insightd {

boost::asio::awaitable<bool> AsyncEvent::wait(std::chrono::steady_clock::duration timeout) {
  const bool notified = co_await wait_until(saturating_add(std::chrono::steady_clock::now(), timeout));
  co_return notified;
}

boost::asio::awaitable<void> AsyncEvent::wait() {
  co_await wait_until(std::chrono::steady_clock::time_point::max());  // the caller re-checks its condition
}

boost::asio::awaitable<bool> AsyncEvent::wait_until(std::chrono::steady_clock::time_point deadline) {
  // One waiter extends the shared timer only if it would expire later; the
  // earliest deadline wakes everybody, and each re-checks its own condition.
  if (timer_.expiry() < std::chrono::steady_clock::now() || timer_.expiry() > deadline) {
    timer_.expires_at(deadline);
  }
  boost::system::error_code ec;
  co_await timer_.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ec));
  co_return ec == boost::asio::error::operation_aborted;
}

}  // namespace insightd
