// SPDX-License-Identifier: Apache-2.0
#pragma once
// Queue backends on a private io_context, for one command (status, enqueue,
// migrate...). The command opens them as a command: on Redis it does not
// announce itself as a daemon of the deployment.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config_or_exit.hpp"
#include "insightd/queue/backend.hpp"

namespace insightd::app {

class QueueSession {
 public:
  // The configured backend; nullopt (after printing why) when the config is
  // invalid (exit_code 2) or the backend cannot be opened (1).
  static std::optional<QueueSession> open(const std::string& config_path, int& exit_code) {
    auto config = load_config_for_command(config_path);
    if (!config) {
      exit_code = 2;
      return std::nullopt;
    }
    return open(config->queue, {config->queue.backend}, exit_code);
  }
  // The queue settings opened as each of `backends` in turn (insightd migrate).
  static std::optional<QueueSession> open(const QueueConfig& queue_settings,
                                          std::vector<QueueBackend> backends, int& exit_code) {
    QueueSession session;
    try {
      for (auto backend : backends) {
        auto settings = queue_settings;
        settings.backend = backend;
        session.stores_.push_back(session.run(
            queue::open_backend(session.io_->get_executor(), settings, {}, queue::OpenedBy::command)));
      }
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s\n", e.what());
      exit_code = 1;
      return std::nullopt;
    }
    return session;
  }

  queue::Backend& store() { return *stores_.front(); }
  std::shared_ptr<queue::Backend> backend(std::size_t i) const { return stores_.at(i); }

  // Runs one store operation to completion; database failures are thrown.
  template <class T>
  T run(queue::awaitable<T> op) {
    std::exception_ptr error;
    std::optional<T> value;
    bool finished = false;
    boost::asio::co_spawn(*io_, std::move(op), [&](std::exception_ptr e, T v) {
      error = e;
      value = std::move(v);
      finished = true;
    });
    // Until it completes, not until io is idle: a Redis connection never is.
    io_->restart();
    while (!finished && io_->run_one() > 0) {
    }
    if (error) std::rethrow_exception(error);
    return std::move(*value);
  }

 private:
  QueueSession() = default;
  std::unique_ptr<boost::asio::io_context> io_ = std::make_unique<boost::asio::io_context>(1);
  std::vector<std::shared_ptr<queue::Backend>> stores_;
};

}  // namespace insightd::app
