# The tests of test_observability, relative to tests/observability; a new test file is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(test_observability_sources
  admin_test.cpp
  audit_test.cpp
  console_test.cpp
  journald_audit_sink_test.cpp
  logging_test.cpp
  metrics_exposition_test.cpp
  metrics_registry_test.cpp
  systemd_notify_test.cpp
)
