# The tests of test_sim, relative to tests/sim; a new test file is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(test_sim_sources
  agentassist_endpoint_test.cpp
  auth_test.cpp
  crm_receiver_test.cpp
  faults_endpoint_test.cpp
  insight_data_test.cpp
  platform_endpoints_test.cpp
  rate_limit_test.cpp
  runtime_faults_test.cpp
  stats_test.cpp
  summaries_endpoints_test.cpp
  token_bucket_test.cpp
)
