// SPDX-License-Identifier: Apache-2.0
#pragma once
// The operational log (spdlog), separate from audit records. Never log
// secrets or insight content.
#include <spdlog/common.h>

#include <optional>
#include <string>
#include <string_view>

namespace insightd::observability {

// "trace" | "debug" | "info" | "warn" | "warning" | "error" | "critical" | "off"; nullopt otherwise.
std::optional<spdlog::level::level_enum> parse_log_level(std::string_view name) noexcept;

// True when stderr is the journal stream systemd gave us ($JOURNAL_STREAM names
// stderr's device:inode), so log lines should carry journal priorities.
bool stderr_is_journal();

// Installs the default logger "insightd": under journald a systemd sink
// (priorities per level, SYSLOG_IDENTIFIER=insightd), otherwise a colour
// stderr sink with timestamps. Throws std::invalid_argument on an unknown
// level name (start-up; the config loader validates it first).
void setup_logging(const std::string& level, bool under_journald);

}  // namespace insightd::observability
