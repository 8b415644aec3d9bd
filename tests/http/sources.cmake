# The tests of test_http, relative to tests/http; a new test file is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(test_http_sources
  client_pool_test.cpp
  client_server_test.cpp
  endpoint_test.cpp
  server_test.cpp
  tls_test.cpp
)
