// SPDX-License-Identifier: Apache-2.0
// The SQLite file: WAL, foreign keys, migrations from older schemas, bodies
// deleted with their rows, open failures naming the path.
#include <gmock/gmock.h>
#include <sqlite3.h>

#include <fstream>

#include "sqlite_factory.hpp"

using namespace insightd::queue;
using namespace std::chrono_literals;
using insightd::queue::testing::message;
using insightd::queue::testing::sql_exec;
using insightd::queue::testing::sql_int;

using SqliteSchemaTest = insightd::queue::testing::SqliteBackendTest;

TEST_F(SqliteSchemaTest, FileIsWalWithForeignKeysAndCurrentSchemaVersion) {
  EXPECT_EQ(sql_int(cfg.sqlite_path, "PRAGMA user_version"), 5);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(cfg.sqlite_path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);

  // The outbox references its interaction, a body its outbox row (the schema declares the keys).
  EXPECT_EQ(sql_int(cfg.sqlite_path, "SELECT COUNT(*) FROM pragma_foreign_key_list('outbox')"), 1);
  EXPECT_EQ(sql_int(cfg.sqlite_path, "SELECT COUNT(*) FROM pragma_foreign_key_list('outbox_bodies')"), 1);
}

TEST_F(SqliteSchemaTest, MigratesAVersionOneFileKeepingUndeliveredBodies) {
  store.reset();
  std::ifstream in(std::string(INSIGHTD_TEST_DATA_DIR) + "/queue/data/queue_v1.sql");
  ASSERT_TRUE(in) << "missing fixture";
  std::string v1((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  cfg.sqlite_path = (dir / "v1.db").string();
  sql_exec(cfg.sqlite_path, v1);
  ASSERT_EQ(sql_int(cfg.sqlite_path, "PRAGMA user_version"), 1);

  store = open_store();
  EXPECT_EQ(sql_int(cfg.sqlite_path, "PRAGMA user_version"), 5);
  EXPECT_EQ(sql_int(cfg.sqlite_path, "SELECT COUNT(*) FROM pragma_table_info('outbox') WHERE name = 'body'"),
            0);
  EXPECT_EQ(sql_int(cfg.sqlite_path, "SELECT COUNT(*) FROM outbox_bodies"), 1);  // "b" was delivered
  // Every cycle has a key from the migration on: webhook ids derive from it.
  EXPECT_EQ(sql_int(cfg.sqlite_path, "SELECT COUNT(*) FROM interactions WHERE length(cycle_key) = 32"),
            sql_int(cfg.sqlite_path, "SELECT COUNT(*) FROM interactions"));
  auto counts = run(store->counts());  // the counts table starts from the migrated rows
  EXPECT_EQ(counts.delivering, 1);
  EXPECT_EQ(counts.done, 1);
  EXPECT_EQ(counts.outbox, 1);

  auto deliveries = run(store->lease_deliveries(10));
  ASSERT_EQ(deliveries.size(), 1u);
  EXPECT_EQ(deliveries[0].message.webhook_id, "wh_a_1");
  EXPECT_EQ(deliveries[0].message.body, "body-a");
  EXPECT_EQ(deliveries[0].attempts, 2);
  auto finished = run(store->delivered(deliveries[0], 200));
  ASSERT_TRUE(finished);
  EXPECT_EQ(finished->audit_context, "ctx-a");
  EXPECT_EQ(sql_int(cfg.sqlite_path, "SELECT COUNT(*) FROM outbox_bodies"), 0);
}

TEST_F(SqliteSchemaTest, BodiesAreDeletedWithTheirDeliveryOrInteraction) {
  auto lease = lease_one("a");
  ASSERT_TRUE(run(store->complete(lease, {message("a", 1, 2, "one"), message("a", 2, 2, "two")}, "")));
  EXPECT_EQ(sql_int(cfg.sqlite_path, "SELECT COUNT(*) FROM outbox_bodies"), 2);
  auto deliveries = run(store->lease_deliveries(1));
  ASSERT_EQ(deliveries.size(), 1u);
  EXPECT_FALSE(run(store->delivered(deliveries[0], 200)));  // part 2 still undelivered
  EXPECT_EQ(sql_int(cfg.sqlite_path, "SELECT COUNT(*) FROM outbox_bodies"), 1);

  // A new cycle of the interaction drops the previous cycle's outbox, bodies included.
  run(store->dead_letter_delivery(run(store->lease_deliveries(1)).at(0), 500, "gave up"));
  EXPECT_EQ(sql_int(cfg.sqlite_path, "SELECT COUNT(*) FROM outbox_bodies"), 1);  // kept for replay
  EXPECT_EQ(run(store->enqueue({"a"})).added, 1u);
  EXPECT_EQ(sql_int(cfg.sqlite_path, "SELECT COUNT(*) FROM outbox_bodies"), 0);
}

TEST_F(SqliteSchemaTest, MigratesAFileAtUserVersionZero) {
  store.reset();
  auto path = (dir / "old.db").string();
  sql_exec(path, "CREATE TABLE unrelated (x); PRAGMA user_version = 0;");
  cfg.sqlite_path = path;
  store = open_store();
  EXPECT_EQ(sql_int(path, "PRAGMA user_version"), 5);
  EXPECT_EQ(sql_int(path, "SELECT COUNT(*) FROM unrelated"), 0);  // other tables untouched
  EXPECT_EQ(run(store->enqueue({"a"})).added, 1u);

  reopen();  // already current: nothing re-applied
  EXPECT_EQ(run(store->counts()).pending, 1);
}

TEST_F(SqliteSchemaTest, RefusesAFileFromANewerSchema) {
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

TEST_F(SqliteSchemaTest, OpenFailureNamesThePath) {
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
