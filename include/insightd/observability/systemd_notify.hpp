// SPDX-License-Identifier: Apache-2.0
#pragma once
// sd_notify for Type=notify units. Every call is a no-op when NOTIFY_SOCKET is
// unset (not started by systemd), so callers need not check.
#include <chrono>
#include <optional>
#include <string>

namespace insightd::observability {

void notify_ready();                            // READY=1: listeners bound, queue open
void notify_stopping();                         // STOPPING=1
void notify_reloading();                        // RELOADING=1 (send notify_ready() when the reload is done)
void notify_watchdog();                         // WATCHDOG=1: call from the io_context loop
void notify_status(const std::string& status);  // STATUS=...: shown by systemctl status

// The WatchdogSec= interval when systemd expects pings from this process;
// ping at half of it.
std::optional<std::chrono::microseconds> watchdog_interval();

}  // namespace insightd::observability
