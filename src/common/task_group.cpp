// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/task_group.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/system/system_error.hpp>
#include <list>

#include "insightd/common/async_event.hpp"
#include "insightd/common/backoff.hpp"
#include "insightd/common/log_exceptions.hpp"

namespace insightd {
namespace asio = boost::asio;

namespace {

struct Child {
  Child(std::string child_name, TaskGroup::OnExit exit_handler)
      : name(std::move(child_name)), on_exit(std::move(exit_handler)) {}

  std::string name;
  asio::cancellation_signal signal;
  TaskGroup::OnExit on_exit;
  bool cancelled = false;
  bool finished = false;  // its coroutine returned; erased by a posted handler
};

// operation_aborted after cancel() is how a cancelled coroutine ends (Asio
// throws it from the next co_await): a stop, not a failure.
bool ended_by_cancel(const Child& child, std::exception_ptr error) {
  if (!error || !child.cancelled) return false;
  try {
    std::rethrow_exception(error);
  } catch (const boost::system::system_error& e) {
    return e.code() == asio::error::operation_aborted;
  } catch (...) {
    return false;
  }
}

// Runs one child. Asio 1.81's co_spawn awaits once more after the child
// returns when the child never suspended, and that await throws outside any
// handler when the child was cancelled (a child that cancels its own group
// before its first suspension): past the child, cancellation must not throw.
asio::awaitable<void> run_child(asio::awaitable<void> task) {
  std::exception_ptr error;
  try {
    co_await std::move(task);
  } catch (...) {
    error = std::current_exception();
  }
  co_await asio::this_coro::throw_if_cancelled(false);
  if (error) std::rethrow_exception(error);
}

}  // namespace

struct TaskGroup::State {
  explicit State(const asio::any_io_executor& ex) : executor(ex), empty(ex) {}

  asio::any_io_executor executor;
  std::list<Child> children;  // stable addresses: each child's signal is bound to its operation
  AsyncEvent empty;           // notified when the last child has ended
};

TaskGroup::TaskGroup(const asio::any_io_executor& executor) : state_(std::make_shared<State>(executor)) {}

TaskGroup::~TaskGroup() {
  // Children left running keep the state alive; they must not call back into an owner that is gone.
  for (auto& child : state_->children) child.on_exit = nullptr;
}

void TaskGroup::spawn(std::string name, asio::awaitable<void> task, OnExit on_exit) {
  auto& children = state_->children;
  children.emplace_back(std::move(name), std::move(on_exit));
  const auto child = std::prev(children.end());
  auto on_done = [state = state_, child](std::exception_ptr error) {
    child->finished = true;
    if (ended_by_cancel(*child, error)) {
      spdlog::debug("{}: cancelled", child->name);
      error = nullptr;
    }
    LogExceptions{child->name}(error);
    // Erased once the coroutine has fully unwound: Asio calls this handler
    // from inside the child's frame, which still uses the bound signal.
    asio::post(state->executor, [state, child, error] {
      auto on_exit = std::move(child->on_exit);
      state->children.erase(child);
      if (state->children.empty()) state->empty.notify();
      if (on_exit) on_exit(error);
    });
  };
  asio::co_spawn(state_->executor, run_child(std::move(task)),
                 asio::bind_cancellation_slot(child->signal.slot(), std::move(on_done)));
}

void TaskGroup::cancel(asio::cancellation_type type) {
  for (auto& child : state_->children) {
    if (child.finished) continue;  // its operation is gone: nothing listens to the signal
    child.cancelled = true;
    child.signal.emit(type);
  }
}

asio::awaitable<void> TaskGroup::wait() {
  const auto state = state_;  // the group may be destroyed by whoever this wait resumes
  while (!state->children.empty()) co_await state->empty.wait();
}

asio::awaitable<bool> TaskGroup::wait_for(std::chrono::steady_clock::duration limit) {
  const auto state = state_;
  const auto deadline = saturating_add(std::chrono::steady_clock::now(), limit);
  while (!state->children.empty() && std::chrono::steady_clock::now() < deadline) {
    co_await state->empty.wait(deadline - std::chrono::steady_clock::now());
  }
  co_return state->children.empty();
}

std::size_t TaskGroup::size() const noexcept {
  return state_->children.size();
}

std::vector<std::string> TaskGroup::running() const {
  std::vector<std::string> names;
  for (const auto& child : state_->children) {
    if (!child.finished) names.push_back(child.name);
  }
  return names;
}

}  // namespace insightd
