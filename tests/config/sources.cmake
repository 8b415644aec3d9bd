# The tests of test_config, relative to tests/config; a new test file is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(test_config_sources
  constraints_test.cpp
  diagnostics_test.cpp
  duration_test.cpp
  env_test.cpp
  intake_test.cpp
  load_valid_test.cpp
  region_test.cpp
  secrets_test.cpp
)
