// SPDX-License-Identifier: Apache-2.0
#pragma once
// A queue backend opened in the test's own process (open_backend(), as the
// daemon and the commands open it) on a private io_context, each call run to
// completion: to fill a queue, or to hold leases as a daemon would, next to
// the real `insightd` commands under test.
#include <boost/asio/io_context.hpp>
#include <memory>

#include "insightd/queue/backend.hpp"
#include "redis/run_until.hpp"

namespace insightd::test {

class BackendSession {
 public:
  explicit BackendSession(const QueueConfig& cfg, queue::Backend::Clock clock = {},
                          queue::OpenedBy opened_by = queue::OpenedBy::command)
      : backend(run(queue::open_backend(io_.get_executor(), cfg, std::move(clock), opened_by))) {}

  template <class T>
  T run(queue::awaitable<T> op) {
    return run_until_done(io_, std::move(op));
  }
  void run(queue::awaitable<void> op) { run(finished(std::move(op))); }

 private:
  static queue::awaitable<bool> finished(queue::awaitable<void> op) {
    co_await std::move(op);
    co_return true;
  }

  boost::asio::io_context io_;  // before backend: opened on it, destroyed after it

 public:
  std::shared_ptr<queue::Backend> backend;
};

}  // namespace insightd::test
