# The tests of test_pipeline, relative to tests/pipeline; a new test file is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(test_pipeline_sources
  interaction_processor_test.cpp
  scheduler_test.cpp
)
