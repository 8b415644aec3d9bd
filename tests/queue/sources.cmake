# The tests of test_queue, relative to tests/queue; a new test file is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(test_queue_sources
  backend_console_views_test.cpp
  backend_durability_test.cpp
  backend_outbox_test.cpp
  backend_queue_test.cpp
  interaction_id_test.cpp
  redis_backend_test.cpp
  report_test.cpp
  sqlite_disk_full_test.cpp
  sqlite_group_commit_test.cpp
  sqlite_schema_test.cpp
)
