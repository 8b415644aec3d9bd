# The tests of test_delivery, relative to tests/delivery; a new test file is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(test_delivery_sources
  circuit_breaker_test.cpp
  deliverer_store_test.cpp
  deliverer_test.cpp
  payload_test.cpp
  retry_policy_test.cpp
  webhook_request_test.cpp
)
