// SPDX-License-Identifier: Apache-2.0
#pragma once
// The composition root of `insightd run`: builds every service on one
// io_context in dependency order and runs the scheduler (insightd/pipeline/),
// the delivery workers and the admin endpoint until SIGTERM (or, with
// --drain, until nothing is left to do); reloads the services on SIGHUP.
#include <boost/asio/io_context.hpp>
#include <functional>
#include <memory>
#include <string>

#include "insightd/config/config.hpp"

namespace insightd::observability {
class AuditSink;
}
namespace insightd::queue {
struct Counts;
}

namespace insightd::app {

struct DaemonOptions {
  bool drain = false;                                     // exit 0 once everything is settled
  std::shared_ptr<observability::AuditSink> audit_sink;   // default: from config (audit.sink)
  std::function<void(const queue::Counts&)> on_progress;  // called about once a second (demo)
  bool handle_signals = true;                             // SIGTERM/SIGINT stop, SIGHUP reloads
};

class Daemon {
 public:
  Daemon(boost::asio::io_context& io, Config config, DaemonOptions options);
  ~Daemon();
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  // Runs the io_context until the daemon has shut down; returns the exit code.
  int run();
  // The bound admin port (after start; 0 before).
  std::uint16_t admin_port() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace insightd::app
