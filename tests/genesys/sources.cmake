# The tests of test_genesys, relative to tests/genesys; a new test file is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(test_genesys_sources
  fetch_policy_test.cpp
  fetcher_test.cpp
  rate_limiter_test.cpp
  sources_test.cpp
  sta_simulator_shapes_test.cpp
  token_manager_test.cpp
)
