# The tests of test_integration, relative to tests/integration; a new test file is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(test_integration_sources
  admin_test.cpp
  check_config_connect_test.cpp
  check_config_test.cpp
  cli_help_test.cpp
  crm_answers_test.cpp
  daemon_drain_test.cpp
  delivery_test.cpp
  fetch_test.cpp
  governance_pipeline_test.cpp
  intake_failover_test.cpp
  intake_faults_test.cpp
  intake_test.cpp
  metrics_consumers_test.cpp
  migrate_test.cpp
  outage_test.cpp
  queue_backend_test.cpp
  redis_deployment_test.cpp
  reload_notify_test.cpp
  status_daemons_test.cpp
  upstream_pii_test.cpp
)
