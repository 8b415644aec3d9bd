// SPDX-License-Identifier: Apache-2.0
#pragma once
// Bounds one Asio operation by a timer, for operations without a deadline of
// their own (resolve, connect, TLS handshake on a plain socket): when the timer
// fires first it emits a terminal cancellation to the operation, and the
// operation's error becomes errc::timeout. The operation finishing first
// returns at once (unlike `operator||`, which waits for the timer when the
// operation fails; asio#900).
//
//   auto [ec, endpoint] = co_await with_timeout(5s, [&](auto token) {
//     return asio::async_connect(socket, endpoints, token);
//   });
//
// `op(token)` must start the operation with the given completion token; its
// result is the operation's std::tuple<error_code, ...>. The bound operation
// listens to this timer instead of the caller's cancellation slot, so caller
// cancellation reaches it only through its object (closing the socket).
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <memory>
#include <tuple>
#include <utility>

#include "insightd/common/error.hpp"

namespace insightd {

namespace with_timeout_detail {

using Token = decltype(boost::asio::bind_cancellation_slot(
    std::declval<boost::asio::cancellation_slot>(), boost::asio::as_tuple(boost::asio::use_awaitable)));

// Shared with the timer's handler, which may run after the coroutine returned.
struct Deadline {
  explicit Deadline(const boost::asio::any_io_executor& executor) : timer(executor) {}
  boost::asio::steady_timer timer;
  boost::asio::cancellation_signal signal;
  bool fired = false;
};

}  // namespace with_timeout_detail

template <class Op>
auto with_timeout(std::chrono::steady_clock::duration timeout, Op op)
    -> decltype(op(std::declval<with_timeout_detail::Token>())) {
  const auto executor = co_await boost::asio::this_coro::executor;
  auto deadline = std::make_shared<with_timeout_detail::Deadline>(executor);
  deadline->timer.expires_after(timeout);
  deadline->timer.async_wait([deadline](const boost::system::error_code& ec) {
    if (ec) return;  // the operation finished first and cancelled the timer
    deadline->fired = true;
    deadline->signal.emit(boost::asio::cancellation_type::terminal);
  });
  auto result = co_await op(boost::asio::bind_cancellation_slot(
      deadline->signal.slot(), boost::asio::as_tuple(boost::asio::use_awaitable)));
  deadline->timer.cancel();
  // A timeout that raced with the operation's own completion keeps the real outcome.
  if (deadline->fired && std::get<0>(result) == boost::asio::error::operation_aborted) {
    std::get<0>(result) = make_error_code(errc::timeout);
  }
  co_return result;
}

}  // namespace insightd
