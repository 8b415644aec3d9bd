# The sources of insightd_redis, relative to src/redis; a new .cpp is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(insightd_redis_sources
  address.cpp
  budget.cpp
  budget_script.cpp
  codec.cpp
  connection.cpp
  error.cpp
  leader_lease.cpp
  reply.cpp
  transport.cpp
)
