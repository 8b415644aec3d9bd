// SPDX-License-Identifier: Apache-2.0
// `insightd run [-c FILE] [--drain]`
#include <spdlog/spdlog.h>

#include "config_or_exit.hpp"
#include "insightd/app/commands.hpp"
#include "insightd/app/daemon.hpp"
#include "insightd/common/allocator.hpp"
#include "insightd/observability/logging.hpp"

namespace insightd::app {

int cmd_run(const std::string& config_path, bool drain) {
  auto config = load_config_for_command(config_path);
  if (!config) return 2;
  observability::setup_logging(config->log.level, observability::stderr_is_journal());
  keep_freed_memory_for_reuse();
  try {
    boost::asio::io_context io(1);
    DaemonOptions options;
    options.drain = drain;
    Daemon daemon(io, std::move(*config), std::move(options));
    return daemon.run();
  } catch (const std::exception& e) {
    spdlog::error("insightd: {}", e.what());
    return 1;
  }
}

}  // namespace insightd::app
