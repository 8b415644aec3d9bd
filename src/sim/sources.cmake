# The sources of insightd_sim, relative to src/sim; a new .cpp is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(insightd_sim_sources
  agentassist_endpoint.cpp
  api_gate.cpp
  crm_endpoint.cpp
  faults.cpp
  insight_data.cpp
  insight_query.cpp
  notifications_server.cpp
  oauth_endpoint.cpp
  platform.cpp
  platform_endpoints.cpp
  runtime_faults.cpp
  sim_service.cpp
  sim_state.cpp
  simulator.cpp
  stats.cpp
  summaries_endpoints.cpp
  token_bucket.cpp
  token_store.cpp
)
