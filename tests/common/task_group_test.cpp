// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/task_group.hpp"

#include <gtest/gtest.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <stdexcept>

#include "insightd/common/async_event.hpp"

namespace asio = boost::asio;
using namespace std::chrono_literals;
using insightd::AsyncEvent;
using insightd::TaskGroup;

namespace {

// For the test's own coroutines: a failure surfaces from io.run().
void rethrow(std::exception_ptr e) {
  if (e) std::rethrow_exception(e);
}

// What a child saw when its wait ended.
struct Seen {
  int timer_aborted = 0;
  int event_returned = 0;
};

// Waits on a timer far longer than any test runs: only a cancellation ends it.
asio::awaitable<void> wait_on_timer(Seen* seen) {
  asio::steady_timer timer(co_await asio::this_coro::executor, 1h);
  boost::system::error_code ec;
  co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  if (ec == asio::error::operation_aborted) ++seen->timer_aborted;
}

// Waits on an event nobody notifies.
asio::awaitable<void> wait_on_event(AsyncEvent* event, Seen* seen) {
  co_await event->wait();
  ++seen->event_returned;
  co_await event->wait();  // a cancelled coroutine throws operation_aborted here
  ADD_FAILURE() << "a cancelled child went on waiting";
}

asio::awaitable<void> fail_with(std::string what) {
  const auto ex = co_await asio::this_coro::executor;
  co_await asio::post(ex, asio::use_awaitable);
  throw std::runtime_error(what);
}

asio::awaitable<void> cancel_then_wait(TaskGroup* group, bool* waited) {
  const auto ex = co_await asio::this_coro::executor;
  co_await asio::post(ex, asio::use_awaitable);  // the children are waiting
  group->cancel();
  co_await group->wait();
  *waited = true;
}

asio::awaitable<void> give_up_at_once(TaskGroup* group, bool* ended, std::vector<std::string>* left) {
  *ended = co_await group->wait_for(0ms);
  *left = group->running();
  group->cancel();
}

// Cancels its own group while running, then awaits: the await throws operation_aborted.
asio::awaitable<void> cancel_own_group_then_wait(TaskGroup* group, Seen* seen) {
  group->cancel();
  co_await wait_on_timer(seen);
}

asio::awaitable<void> wait_once(AsyncEvent* event, bool* woke) {
  co_await event->wait();
  *woke = true;
}

// Logs of one test, from the default logger.
class CapturedLog {
 public:
  CapturedLog()
      : sink_(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(64)), previous_(spdlog::default_logger()) {
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("capture", sink_));
  }
  ~CapturedLog() { spdlog::set_default_logger(previous_); }
  std::vector<std::string> lines() const { return sink_->last_formatted(); }

 private:
  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> sink_;
  std::shared_ptr<spdlog::logger> previous_;
};

}  // namespace

TEST(TaskGroup, CancelEndsChildrenWaitingOnTimersAndEventsAndTheWaitCompletes) {
  asio::io_context io(1);
  Seen seen;
  AsyncEvent event(io.get_executor());
  TaskGroup group(io.get_executor());
  int exits = 0;
  std::exception_ptr last_error;
  const auto count_exit = [&exits, &last_error](std::exception_ptr e) {
    ++exits;
    last_error = e;
  };
  group.spawn("timer 1", wait_on_timer(&seen), count_exit);
  group.spawn("timer 2", wait_on_timer(&seen), count_exit);
  group.spawn("event", wait_on_event(&event, &seen), count_exit);
  EXPECT_EQ(group.size(), 3u);
  bool waited = false;
  asio::co_spawn(io, cancel_then_wait(&group, &waited), rethrow);
  io.run();  // returns only when nothing is left: the hour-long timers were cancelled
  EXPECT_TRUE(waited);
  EXPECT_EQ(seen.timer_aborted, 2);
  EXPECT_EQ(seen.event_returned, 1);
  EXPECT_EQ(exits, 3);
  EXPECT_EQ(last_error, nullptr) << "a cancelled child is a stop, not a failure";
  EXPECT_EQ(group.size(), 0u);
}

TEST(TaskGroup, AChildThatCancelsItsGroupBeforeItsFirstSuspensionEndsQuietly) {
  asio::io_context io(1);
  TaskGroup group(io.get_executor());
  Seen seen;
  std::exception_ptr error;
  group.spawn("self-cancelling", cancel_own_group_then_wait(&group, &seen),
              [&error](std::exception_ptr e) { error = e; });
  EXPECT_NO_THROW(io.run());  // nothing escapes the io_context
  EXPECT_EQ(error, nullptr);
  EXPECT_EQ(seen.timer_aborted, 0) << "the timer wait threw before it started";
  EXPECT_EQ(group.size(), 0u);
}

TEST(TaskGroup, WaitWithoutChildrenCompletesAtOnce) {
  asio::io_context io(1);
  TaskGroup group(io.get_executor());
  bool waited = false;
  asio::co_spawn(io, cancel_then_wait(&group, &waited), rethrow);
  io.run();
  EXPECT_TRUE(waited);
}

TEST(TaskGroup, AChildsExceptionIsLoggedWithItsNameAndHandedToItsExitHandler) {
  CapturedLog log;
  asio::io_context io(1);
  TaskGroup group(io.get_executor());
  std::exception_ptr error;
  group.spawn("delivery workers", fail_with("outbox gone"), [&error](std::exception_ptr e) { error = e; });
  io.run();
  ASSERT_NE(error, nullptr);
  EXPECT_THROW(std::rethrow_exception(error), std::runtime_error);
  const auto lines = log.lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find("delivery workers: unexpected exception: outbox gone"), std::string::npos)
      << lines[0];
}

TEST(TaskGroup, ABoundedWaitNamesTheChildrenThatDidNotEnd) {
  asio::io_context io(1);
  Seen seen;
  TaskGroup group(io.get_executor());
  group.spawn("watchdog", wait_on_timer(&seen));
  bool ended_in_time = true;
  std::vector<std::string> left;
  asio::co_spawn(io, give_up_at_once(&group, &ended_in_time, &left), rethrow);
  io.run();
  EXPECT_FALSE(ended_in_time);
  EXPECT_EQ(left, std::vector<std::string>{"watchdog"});
  EXPECT_EQ(seen.timer_aborted, 1);
}

TEST(TaskGroup, AGroupDestroyedWithAChildRunningDoesNotCallItsOwnerBack) {
  asio::io_context io(1);
  AsyncEvent event(io.get_executor());
  bool woke = false;
  bool called = false;
  {
    TaskGroup group(io.get_executor());
    group.spawn("straggler", wait_once(&event, &woke), [&called](std::exception_ptr) { called = true; });
    io.poll();  // the child waits on the event
  }
  event.notify();  // the child outlives its group and ends now
  io.run();
  EXPECT_TRUE(woke);
  EXPECT_FALSE(called);
}
