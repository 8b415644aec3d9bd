// SPDX-License-Identifier: Apache-2.0
#include "insightd/observability/systemd_notify.hpp"

#include <systemd/sd-daemon.h>

#include <algorithm>

namespace insightd::observability {
namespace {
// Failures are ignored on purpose: the notification socket going away must not
// take the daemon down, and systemd's own timeouts report a missing READY=1.
void send(const std::string& state) {
  (void)sd_notify(0, state.c_str());
}
}  // namespace

void notify_ready() {
  send("READY=1");
}
void notify_stopping() {
  send("STOPPING=1");
}
void notify_reloading() {
  send("RELOADING=1");
}
void notify_watchdog() {
  send("WATCHDOG=1");
}

void notify_status(const std::string& status) {
  std::string one_line = status;  // a newline would start a new assignment
  std::replace(one_line.begin(), one_line.end(), '\n', ' ');
  send("STATUS=" + one_line);
}

std::optional<std::chrono::microseconds> watchdog_interval() {
  uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) return std::chrono::microseconds(usec);
  return std::nullopt;
}

}  // namespace insightd::observability
