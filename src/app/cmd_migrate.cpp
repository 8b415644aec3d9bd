// SPDX-License-Identifier: Apache-2.0
// insightd migrate --from sqlite --to redis: the SQLite queue file named by
// queue.sqlite.path copied to the Redis of queue.redis.* (docs/redis.md).
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

#include "insightd/app/commands.hpp"
#include "insightd/delivery/endpoint.hpp"
#include "insightd/intake/intake.hpp"
#include "insightd/queue/migration.hpp"
#include "queue_session.hpp"

namespace insightd::app {

int cmd_migrate(const std::string& config_path, const std::string& from, const std::string& to) {
  if (from != "sqlite" || to != "redis") {
    std::fprintf(stderr,
                 "insightd migrate: --from %s --to %s is not supported (only --from sqlite --to redis)\n",
                 from.c_str(), to.c_str());
    return 2;
  }
  auto config = load_config_for_command(config_path);
  if (!config) return 2;
  // Opening a SQLite path that does not exist would create an empty queue and copy nothing.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(config->queue.sqlite_path, ec)) {
    std::fprintf(stderr, "insightd migrate: %s: queue.sqlite.path %s is not a file\n", config_path.c_str(),
                 config->queue.sqlite_path.c_str());
    return 2;
  }
  int exit_code = 0;
  auto session = QueueSession::open(config->queue, {QueueBackend::sqlite, QueueBackend::redis}, exit_code);
  if (!session) return exit_code;
  try {
    auto source = session->backend(0);
    auto target = session->backend(1);
    if (auto refusal = session->run(queue::migration_refusal(source, target))) {
      std::fprintf(stderr, "insightd migrate: refused, nothing copied: %s\n", refusal->c_str());
      return 2;
    }
    // The held endpoint's URL before the hold itself (as delivery::disable_endpoint writes them),
    // and where the intake's reconciliation continues.
    std::vector<std::string> settings{std::string(delivery::kDisabledUrlSetting),
                                      std::string(queue::kDeliveriesHeldKey),
                                      std::string(intake::kWatermarkKey)};
    auto report = session->run(queue::migrate(source, target, std::move(settings)));
    std::printf("from %s\nto   %s\n%s", source->describe().c_str(), target->describe().c_str(),
                queue::format_report(report).c_str());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "insightd migrate: %s\n", e.what());
    return 1;
  }
}

}  // namespace insightd::app
