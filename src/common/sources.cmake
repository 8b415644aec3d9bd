# The sources of insightd_common, relative to src/common; a new .cpp is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(insightd_common_sources
  allocator.cpp
  async_event.cpp
  backoff.cpp
  crypto.cpp
  error.cpp
  insight.cpp
  interaction_id.cpp
  json_text.cpp
  plain_http.cpp
  rfc3339.cpp
  task_group.cpp
  utf8.cpp
  webhook_signature.cpp
)
