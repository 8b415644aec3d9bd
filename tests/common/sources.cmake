# The tests of test_common, relative to tests/common; a new test file is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(test_common_sources
  common_test.cpp
  enum_names_test.cpp
  interaction_id_test.cpp
  rfc3339_test.cpp
  task_group_test.cpp
  utf8_test.cpp
  with_timeout_test.cpp
)
