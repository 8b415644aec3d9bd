// SPDX-License-Identifier: Apache-2.0
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "insightd/observability/audit.hpp"

namespace insightd::observability {
AuditEnvironment current_audit_environment() {
  std::error_code ec;
  return {
      .started_by_systemd =
          std::getenv("JOURNAL_STREAM") != nullptr || std::getenv("INVOCATION_ID") != nullptr,
      .journal_socket_exists = std::filesystem::exists(kJournalSocketPath, ec),
  };
}

AuditSinkKind resolve_audit_sink_kind(AuditSinkKind requested, const AuditEnvironment& env) noexcept {
  if (requested != AuditSinkKind::automatic) return requested;
  return env.started_by_systemd && env.journal_socket_exists ? AuditSinkKind::journald
                                                             : AuditSinkKind::stdout_json;
}

std::unique_ptr<AuditSink> make_audit_sink(AuditSinkKind kind) {
  switch (resolve_audit_sink_kind(kind, current_audit_environment())) {
    case AuditSinkKind::journald:
      return make_journald_audit_sink();
    case AuditSinkKind::automatic:  // resolved above; not reached
    case AuditSinkKind::stdout_json:
      break;
  }
  return make_file_audit_sink(stdout);
}

}  // namespace insightd::observability
