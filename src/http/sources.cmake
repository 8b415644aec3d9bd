# The sources of insightd_http, relative to src/http; a new .cpp is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(insightd_http_sources
  beast_fields.cpp
  client.cpp
  client_connection.cpp
  connection_pool.cpp
  endpoint.cpp
  message.cpp
  server.cpp
  server_connection.cpp
  stream_connect.cpp
  tls_client.cpp
)
