# The sources of insightd_observability, relative to src/observability; a new .cpp is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(insightd_observability_sources
  admin.cpp
  audit_record.cpp
  audit_sink_choice.cpp
  console.cpp
  console_assets.cpp
  console_sessions.cpp
  journald_audit_sink.cpp
  json_lines_audit_sink.cpp
  logging.cpp
  metrics.cpp
  metrics_registry.cpp
  prometheus_text.cpp
  systemd_notify.cpp
)
