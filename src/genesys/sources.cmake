# The sources of insightd_genesys, relative to src/genesys; a new .cpp is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(insightd_genesys_sources
  agentassist_page.cpp
  entity_fields.cpp
  fetch_policy.cpp
  fetcher.cpp
  rate_limiter.cpp
  source.cpp
  source_agentassist.cpp
  source_copilot.cpp
  source_sta.cpp
  token_bucket.cpp
  token_manager.cpp
  url_builder.cpp
)
