# The sources of insightd_delivery, relative to src/delivery; a new .cpp is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(insightd_delivery_sources
  circuit_breaker.cpp
  deliverer.cpp
  endpoint.cpp
  payload.cpp
  retry_policy.cpp
  webhook_request.cpp
)
