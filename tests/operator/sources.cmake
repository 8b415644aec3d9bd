# The tests of test_operator, relative to tests/operator; a new test file is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(test_operator_sources
  alert_rules_test.cpp
  dashboard_test.cpp
  man_config_keys_test.cpp
)
