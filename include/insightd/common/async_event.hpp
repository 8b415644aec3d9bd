// SPDX-License-Identifier: Apache-2.0
#pragma once
// A notify-all wake-up for coroutines on one io_context: wait() suspends until
// the next notify() or, when given one, until `timeout` passes, whichever is
// first. Built on a steady_timer whose cancellation is the notification (no
// strands: one thread).
// A waiter may wake early (another waiter moved the shared deadline), so
// callers re-check their condition in a loop, as with a condition variable.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>

namespace insightd {

class AsyncEvent {
 public:
  explicit AsyncEvent(const boost::asio::any_io_executor& executor) : timer_(executor) {}

  // Returns true when woken early (notify()), false on timeout.
  boost::asio::awaitable<bool> wait(std::chrono::steady_clock::duration timeout);
  // Until the next notify(): for a condition that only a notify() can change
  // (a task ended), so nothing polls. May also wake with another waiter's timeout.
  boost::asio::awaitable<void> wait();

  void notify() noexcept { timer_.cancel(); }

 private:
  boost::asio::awaitable<bool> wait_until(std::chrono::steady_clock::time_point deadline);

  boost::asio::steady_timer timer_;
};

}  // namespace insightd
