# The tests of test_app, relative to tests/app; a new test file is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(test_app_sources
  console_data_test.cpp
)
