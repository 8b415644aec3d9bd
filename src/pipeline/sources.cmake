# The sources of insightd_pipeline, relative to src/pipeline; a new .cpp is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(insightd_pipeline_sources
  audit_context.cpp
  interaction_processor.cpp
  scheduler.cpp
)
