// What survives a crash and a restart, schema migration, threading, bulk.
#include <gmock/gmock.h>
#include <sqlite3.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <fstream>

#include "store_fixture.hpp"

using namespace insightd::queue;
using namespace std::chrono_literals;
using insightd::queue::testing::StoreTest;

namespace {

// Runs one statement on the file with the raw SQLite API, outside the Store.
std::int64_t sql_int(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  std::int64_t value = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

void sql_exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
}

}  // namespace

using QueueDurabilityTest = StoreTest;

TEST_F(QueueDurabilityTest, StateSurvivesACrashAndExpiredLeasesComeBack) {
  run(store->enqueue({"a", "b", "c", "d"}));
  auto leases = run(store->lease(3));  // a, b, c
  ASSERT_EQ(leases.size(), 3u);
  ASSERT_TRUE(run(store->complete(leases[0], {message("a", 1, 1, "body-a")}, "ctx-a")));
  ASSERT_TRUE(run(store->fail(leases[1], "404")));
  auto deliveries = run(store->lease_deliveries(10));
  ASSERT_EQ(deliveries.size(), 1u);

  reopen();  // no return_all_leases: as after kill -9
  auto c = run(store->counts());
  EXPECT_EQ(c.pending, 1);
  EXPECT_EQ(c.in_flight, 1);
  EXPECT_EQ(c.delivering, 1);
  EXPECT_EQ(c.failed, 1);
  EXPECT_EQ(c.outbox, 1);

  clock.advance(1min);
  EXPECT_EQ(run(store->lease(10)).size(), 1u);  // d; c's lease is still held by the dead process
  clock.advance(cfg.lease_timeout - 1min);
  auto back = run(store->lease(10));
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].interaction_id, "c");
  auto redelivery = run(store->lease_deliveries(10));
  ASSERT_EQ(redelivery.size(), 1u);
  EXPECT_EQ(redelivery[0].message.webhook_id, deliveries[0].message.webhook_id);
  EXPECT_EQ(redelivery[0].message.body, "body-a");
  auto finished = run(store->delivered(redelivery[0], 200));
  ASSERT_TRUE(finished);
  EXPECT_EQ(finished->audit_context, "ctx-a");
}

TEST_F(QueueDurabilityTest, FileIsWalWithForeignKeysAndCurrentSchemaVersion) {
  EXPECT_EQ(sql_int(cfg.sqlite_path, "PRAGMA user_version"), 1);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(cfg.sqlite_path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);

  // The outbox references its interaction (the schema declares the key).
  EXPECT_EQ(sql_int(cfg.sqlite_path, "SELECT COUNT(*) FROM pragma_foreign_key_list('outbox')"), 1);
}

TEST_F(QueueDurabilityTest, MigratesAFileAtUserVersionZero) {
  store.reset();
  auto path = (dir / "old.db").string();
  sql_exec(path, "CREATE TABLE unrelated (x); PRAGMA user_version = 0;");
  cfg.sqlite_path = path;
  store = open_store();
  EXPECT_EQ(sql_int(path, "PRAGMA user_version"), 1);
  EXPECT_EQ(sql_int(path, "SELECT COUNT(*) FROM unrelated"), 0);  // other tables untouched
  EXPECT_EQ(run(store->enqueue({"a"})).added, 1u);

  reopen();  // already current: nothing re-applied
  EXPECT_EQ(run(store->counts()).pending, 1);
}

TEST_F(QueueDurabilityTest, RefusesAFileFromANewerSchema) {
  store.reset();
  sql_exec(cfg.sqlite_path, "PRAGMA user_version = 99;");
  try {
    open_store();
    FAIL() << "expected open to throw";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr(cfg.sqlite_path));
    EXPECT_THAT(e.what(), ::testing::HasSubstr("99"));
  }
}

TEST_F(QueueDurabilityTest, OpenFailureNamesThePath) {
  auto blocker = dir / "not-a-dir";
  std::ofstream(blocker) << "x";
  cfg.sqlite_path = (blocker / "queue.db").string();
  try {
    open_store();
    FAIL() << "expected open to throw";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr(cfg.sqlite_path));
  }
}

TEST_F(QueueDurabilityTest, RunsOnTheDatabaseThreadAndResumesOnTheCallersExecutor) {
  auto caller = std::this_thread::get_id();
  std::thread::id resumed;
  auto op = [](std::shared_ptr<Store> s, std::thread::id* where) -> awaitable<void> {
    co_await s->counts();
    *where = std::this_thread::get_id();
  };
  run(op(store, &resumed));
  EXPECT_EQ(resumed, caller);
  run(store->enqueue({"x"}));  // reads the clock
  EXPECT_NE(clock.last_reader(), std::thread::id());
  EXPECT_NE(clock.last_reader(), caller);
}

TEST_F(QueueDurabilityTest, TenThousandIdsInOneEnqueue) {
  std::vector<std::string> ids;
  for (int i = 0; i < 10'000; ++i) ids.push_back("interaction-" + std::to_string(i));
  auto r = run(store->enqueue(ids));
  EXPECT_EQ(r.added, 10'000u);
  EXPECT_EQ(run(store->counts()).pending, 10'000);
  EXPECT_EQ(run(store->enqueue(std::move(ids))).duplicates, 10'000u);
}
