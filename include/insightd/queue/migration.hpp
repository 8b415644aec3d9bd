// SPDX-License-Identifier: Apache-2.0
#pragma once
// `insightd migrate`: one deployment's queue copied to another backend
// (today SQLite -> Redis), through the Backend interface: the source's
// export_interactions(), the target's import_interaction(). docs/redis.md
// says when and how to run it.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "insightd/queue/backend.hpp"

namespace insightd::queue {

struct MigrationReport {
  std::map<State, std::int64_t> copied;  // interactions copied, by state
  std::int64_t parts = 0;                // outbox rows copied (undelivered, dead and delivered ones)
  std::int64_t undelivered = 0;          // of which still to deliver
  std::int64_t skipped = 0;              // interactions the target already knew: left as they are there
  std::vector<std::string> settings;     // the settings copied (the target had none of that name)
};

// Why copying from `from` to `to` must not start now, or nullopt: a lease on
// either side not expired yet (a daemon is working on it: its outcome would
// be lost, or the interaction done twice), or a daemon announced on the target.
awaitable<std::optional<std::string>> migration_refusal(std::shared_ptr<Backend> from,
                                                        std::shared_ptr<Backend> to);

// Copies every interaction in queue order, `batch` at a time, then each of
// `setting_keys` (in that order) that the source has and the target lacks.
// Safe to run again: an interaction the target knows is skipped, not doubled.
awaitable<MigrationReport> migrate(std::shared_ptr<Backend> from, std::shared_ptr<Backend> to,
                                   std::vector<std::string> setting_keys, std::size_t batch = 500);

// "copied 12 interactions (pending 3, ...) and 5 outbox rows (2 undelivered)", skipped, settings.
std::string format_report(const MigrationReport& report);

}  // namespace insightd::queue
