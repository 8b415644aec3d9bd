// SPDX-License-Identifier: Apache-2.0
// insightd enqueue | status | dead-letters: the queue commands. They need only
// the queue.* settings and open the same queue backend as the daemon, next to it.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstdio>
#include <exception>
#include <iostream>
#include <optional>
#include <set>

#include "insightd/app/commands.hpp"
#include "insightd/delivery/endpoint.hpp"
#include "insightd/intake/intake.hpp"
#include "insightd/queue/backend.hpp"
#include "insightd/queue/interaction_id.hpp"
#include "insightd/queue/report.hpp"
#include "queue_session.hpp"

namespace insightd::app {

namespace {

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
    auto daemons = session->run(session->store().live_daemons());
    if (json) {
      std::printf("%s\n", boost::json::serialize(queue::status_json(counts, held, daemons)).c_str());
    } else {
      std::fputs(queue::format_counts(counts).c_str(), stdout);
      if (held)
        std::printf("deliveries held: %s (fix the endpoint, then: insightd resume-deliveries)\n",
                    held->c_str());
      const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
      std::fputs(queue::format_daemons(daemons, now_ms).c_str(), stdout);
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
        intake::recorded_status(session->run(session->store().setting(std::string(intake::kStatusKey))));
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
