// SPDX-License-Identifier: Apache-2.0
// insightd enqueue | status | dead-letters: the queue commands. They need only
// the queue.* settings and open the same queue backend as the daemon, next to it.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdio>
#include <exception>
#include <iostream>
#include <optional>
#include <set>

#include "config_or_exit.hpp"
#include "insightd/app/commands.hpp"
#include "insightd/delivery/endpoint.hpp"
#include "insightd/intake/intake.hpp"
#include "insightd/queue/backend.hpp"
#include "insightd/queue/interaction_id.hpp"
#include "insightd/queue/report.hpp"

namespace insightd::app {

namespace {

// A queue backend on a private io_context, for one command.
class QueueSession {
 public:
  // nullopt (after printing why) when the config is invalid or the backend cannot be opened.
  static std::optional<QueueSession> open(const std::string& config_path, int& exit_code) {
    auto config = load_config_for_command(config_path);
    if (!config) {
      exit_code = 2;
      return std::nullopt;
    }
    QueueSession session;
    try {
      session.store_ = session.run(queue::open_backend(session.io_->get_executor(), config->queue));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s\n", e.what());
      exit_code = 1;
      return std::nullopt;
    }
    return session;
  }

  queue::Backend& store() { return *store_; }

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
  std::shared_ptr<queue::Backend> store_;
};

// Database errors after opening (disk full, locked past busy_timeout) end the command.
template <class F>
int guarded(const char* command, F f) {
  try {
    return f();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "insightd %s: %s\n", command, e.what());
    return 1;
  }
}

}  // namespace

int cmd_enqueue(const std::string& config_path, const std::vector<std::string>& ids) {
  auto list = queue::collect_interaction_ids(ids, std::cin);
  for (const auto& r : list.rejected)
    std::fprintf(stderr, "insightd enqueue: %s rejected: %s\n", r.where.c_str(), r.reason.c_str());
  int exit_code = 0;
  auto session = QueueSession::open(config_path, exit_code);
  if (!session) return exit_code;
  return guarded("enqueue", [&] {
    auto result = session->run(session->store().enqueue(std::move(list.ids)));
    std::printf("added %zu (%zu already queued)\n", result.added, result.duplicates);
    return list.rejected.empty() ? 0 : 2;
  });
}

int cmd_status(const std::string& config_path, bool json) {
  int exit_code = 0;
  auto session = QueueSession::open(config_path, exit_code);
  if (!session) return exit_code;
  return guarded("status", [&] {
    auto counts = session->run(session->store().counts());
    auto held = session->run(session->store().held_reason());
    if (json) {
      std::printf("%s\n", boost::json::serialize(queue::status_json(counts, held)).c_str());
    } else {
      std::fputs(queue::format_counts(counts).c_str(), stdout);
      if (held)
        std::printf("deliveries held: %s (fix the endpoint, then: insightd resume-deliveries)\n",
                    held->c_str());
    }
    return 0;
  });
}

int cmd_dead_letters_list(const std::string& config_path) {
  int exit_code = 0;
  auto session = QueueSession::open(config_path, exit_code);
  if (!session) return exit_code;
  return guarded("dead-letters list", [&] {
    std::fputs(queue::format_dead_letters(session->run(session->store().dead_letters())).c_str(), stdout);
    return 0;
  });
}

int cmd_dead_letters_replay(const std::string& config_path, const std::vector<std::string>& ids, bool all) {
  int exit_code = 0;
  auto session = QueueSession::open(config_path, exit_code);
  if (!session) return exit_code;
  return guarded("dead-letters replay", [&] {
    std::set<std::string> unique(ids.begin(), ids.end());
    auto replayed = session->run(session->store().replay({unique.begin(), unique.end()}, all));
    if (!all && replayed < unique.size())
      std::printf("re-queued %zu (%zu of the given IDs are not dead letters)\n", replayed,
                  unique.size() - replayed);
    else
      std::printf("re-queued %zu\n", replayed);
    return 0;
  });
}

int cmd_resume_deliveries(const std::string& config_path) {
  int exit_code = 0;
  auto session = QueueSession::open(config_path, exit_code);
  if (!session) return exit_code;
  return guarded("resume-deliveries", [&] {
    auto reason = session->run(delivery::resume_held_deliveries(session->store()));
    if (reason) {
      std::printf("deliveries resumed (they were held: %s)\n", reason->c_str());
    } else {
      std::printf("deliveries were not held\n");
    }
    return 0;
  });
}

// Reads what the leading daemon wrote to the queue backend.
int cmd_intake_status(const std::string& config_path, bool json) {
  int exit_code = 0;
  auto session = QueueSession::open(config_path, exit_code);
  if (!session) return exit_code;
  return guarded("intake status", [&] {
    const auto status =
        intake::recorded_status(session->run(session->store().setting(std::string(intake::status_key))));
    const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    if (json) {
      std::printf("%s\n", boost::json::serialize(intake::recorded_json(status)).c_str());
    } else if (!status) {
      std::printf("intake: no status recorded yet (no daemon has run the intake on this queue)\n");
    } else {
      std::fputs(intake::format_status(*status, now_ms).c_str(), stdout);
    }
    return 0;
  });
}

}  // namespace insightd::app
