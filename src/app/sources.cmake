# The sources of insightd_app, relative to src/app; a new .cpp is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(insightd_app_sources
  cmd_check_config.cpp
  cmd_demo.cpp
  cmd_fetch.cpp
  cmd_migrate.cpp
  cmd_queue.cpp
  cmd_run.cpp
  config_or_exit.cpp
  connect_check.cpp
  console_data.cpp
  daemon.cpp
  genesys_stack.cpp
  demo_cluster.cpp
  demo_report.cpp
  help_text.cpp
  intake_hook.cpp
  request_budget.cpp
  telemetry.cpp
)
