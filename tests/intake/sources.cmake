# The tests of test_intake, relative to tests/intake; a new test file is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(test_intake_sources
  analytics_test.cpp
  conversation_test.cpp
  intake_component_test.cpp
  notification_test.cpp
  redis_leadership_test.cpp
  status_test.cpp
  topics_test.cpp
  upstream_test.cpp
)
