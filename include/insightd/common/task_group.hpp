// SPDX-License-Identifier: Apache-2.0
#pragma once
// A small structured-concurrency group for coroutines on one io_context (no
// strands): spawn() starts a child with its own cancellation signal, cancel()
// emits a terminal cancellation to every child still running, and wait()
// completes once none is left. A child's exception is logged with its name
// (never swallowed, as bare `detached` would); a child that ends with
// operation_aborted after cancel() has simply been stopped.
//
// The group's state is shared with the children's completion handlers, so a
// group destroyed with children still pending (a last-resort shutdown) leaves
// no dangling reference behind.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/cancellation_type.hpp>
#include <chrono>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace insightd {

class TaskGroup {
 public:
  // Told how a child ended (null when it returned or was cancelled), after it was logged.
  using OnExit = std::function<void(std::exception_ptr)>;

  explicit TaskGroup(const boost::asio::any_io_executor& executor);
  ~TaskGroup();
  TaskGroup(const TaskGroup&) = delete;
  TaskGroup& operator=(const TaskGroup&) = delete;

  void spawn(std::string name, boost::asio::awaitable<void> task, OnExit on_exit = {});

  // Emits `type` to every running child; children spawned later are not affected.
  void cancel(boost::asio::cancellation_type type = boost::asio::cancellation_type::terminal);

  // Completes when no child is running (at once when none is).
  boost::asio::awaitable<void> wait();
  // The same, bounded: false when children were still running after `limit`.
  boost::asio::awaitable<bool> wait_for(std::chrono::steady_clock::duration limit);

  std::size_t size() const noexcept;
  // The names of the children still running, for a shutdown that gives up on them.
  std::vector<std::string> running() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace insightd
