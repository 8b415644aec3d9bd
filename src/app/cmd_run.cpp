// `insightd run [-c FILE] [--drain]`
#include <malloc.h>
#include <spdlog/spdlog.h>

#include "config_or_exit.hpp"
#include "insightd/app/commands.hpp"
#include "insightd/app/daemon.hpp"
#include "insightd/observability/logging.hpp"

namespace insightd::app {
namespace {

// The daemon allocates and frees page bodies and webhook bodies (tens of KB)
// on two threads all the time. With glibc's default trim threshold each free
// that leaves a large top chunk gives the pages back (madvise), and the next
// allocation faults them in again: under load that cost 10 % of a core, mostly
// TLB shootdowns between the threads (bench/RESULTS.md). Keep up to 32 MiB
// cached instead; RSS stays far below the 64 MB target.
void keep_freed_memory_for_reuse() {
  mallopt(M_TRIM_THRESHOLD, 32 << 20);
  mallopt(M_MMAP_THRESHOLD, 4 << 20);  // setting the trim threshold fixes this one too: keep bodies off mmap
}

}  // namespace

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
