# The sources of insightd_queue, relative to src/queue; a new .cpp is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(insightd_queue_sources
  interaction_id.cpp
  migration.cpp
  open_backend.cpp
  redis/redis_backend.cpp
  redis/replies.cpp
  redis/scripts.cpp
  redis/scripts_migration.cpp
  redis/scripts_outbox.cpp
  redis/scripts_queue.cpp
  redis/scripts_views.cpp
  report.cpp
  sqlite/group_commit.cpp
  sqlite/queue_db.cpp
  sqlite/schema.cpp
  sqlite/sqlite.cpp
  sqlite/sqlite_backend.cpp
  state.cpp
)
