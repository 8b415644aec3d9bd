# The tests of test_redis, relative to tests/redis; a new test file is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(test_redis_sources
  address_test.cpp
  budget_reserve_test.cpp
  budget_test.cpp
  codec_test.cpp
  connection_test.cpp
  leader_lease_test.cpp
)
