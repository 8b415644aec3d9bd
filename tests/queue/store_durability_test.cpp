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

TEST_F(QueueDurabilityTest, MigratesAVersionOneFileKeepingUndeliveredBodies) {
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

TEST_F(QueueDurabilityTest, BodiesAreDeletedWithTheirDeliveryOrInteraction) {
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

TEST_F(QueueDurabilityTest, MigratesAFileAtUserVersionZero) {
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
  auto op = [](std::shared_ptr<Backend> s, std::thread::id* where) -> awaitable<void> {
    co_await s->counts();
    *where = std::this_thread::get_id();
  };
  run(op(store, &resumed));
  EXPECT_EQ(resumed, caller);
  run(store->enqueue({"x"}));  // reads the clock
  EXPECT_NE(clock.last_reader(), std::thread::id());
  EXPECT_NE(clock.last_reader(), caller);
}

// Calls queued while the database thread waits share one transaction; one
// that throws is rolled back alone and the others still commit.
TEST_F(QueueDurabilityTest, ConcurrentCallsShareACommitAndAFailingOneLosesNothingElse) {
  run(store->enqueue({"a", "b", "c"}));
  auto leases = run(store->lease(3));
  ASSERT_EQ(leases.size(), 3u);

  // Another process holds the write lock, so the database thread waits (busy_timeout)
  // while all three calls are submitted.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(cfg.sqlite_path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  auto before = store->commit_stats();

  std::vector<std::exception_ptr> errors(3);
  std::vector<bool> results(3, false);
  int finished = 0;
  auto complete = [&](std::size_t i, std::vector<OutboxMessage> messages) {
    boost::asio::co_spawn(io, store->complete(leases[i], std::move(messages), "ctx"),
                          [&, i](std::exception_ptr e, bool ok) {
                            errors[i] = e;
                            results[i] = ok;
                            ++finished;
                          });
  };
  complete(0, {message("a", 1, 1, "body-a")});
  complete(1, {message("not-b", 1, 1, "wrong interaction")});  // throws std::invalid_argument
  complete(2, {message("c", 1, 1, "body-c")});
  io.restart();
  io.poll();  // every call is now with the database thread
  EXPECT_EQ(finished, 0);
  ASSERT_EQ(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(other);
  while (finished < 3) io.run_one();

  EXPECT_FALSE(errors[0]);
  EXPECT_TRUE(results[0]);
  ASSERT_TRUE(errors[1]);
  EXPECT_THROW(std::rethrow_exception(errors[1]), std::invalid_argument);
  EXPECT_FALSE(errors[2]);
  EXPECT_TRUE(results[2]);
  auto after = store->commit_stats();
  EXPECT_EQ(after.operations - before.operations, 3u);
  EXPECT_LE(after.transactions - before.transactions, 2u);  // b and c at least shared one

  reopen();  // what the callers were told is on disk
  EXPECT_EQ(state_of("a"), State::delivering);
  EXPECT_EQ(state_of("b"), State::in_flight);
  EXPECT_EQ(state_of("c"), State::delivering);
  EXPECT_EQ(sql_int(cfg.sqlite_path, "SELECT COUNT(*) FROM outbox_bodies"), 2);
}

// `insightd status` next to a daemon that is writing: reads alone take no
// write lock (waiting for it would fail with "database is locked" after busy_timeout).
TEST_F(QueueDurabilityTest, ReadsDoNotWaitForAnotherProcesssWriteLock) {
  run(store->enqueue({"a", "b"}));
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(cfg.sqlite_path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE; UPDATE interactions SET state = 'done' WHERE id = 'a'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_EQ(run(store->counts()).pending, 2);  // the last committed state
  EXPECT_EQ(run(store->outbox_depth()), 0);
  EXPECT_TRUE(run(store->interaction("b")).has_value());
  EXPECT_TRUE(run(store->dead_letters()).empty());
  ASSERT_EQ(sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(other);
}

TEST_F(QueueDurabilityTest, TenThousandIdsInOneEnqueue) {
  std::vector<std::string> ids;
  for (int i = 0; i < 10'000; ++i) ids.push_back("interaction-" + std::to_string(i));
  auto r = run(store->enqueue(ids));
  EXPECT_EQ(r.added, 10'000u);
  EXPECT_EQ(run(store->counts()).pending, 10'000);
  EXPECT_EQ(run(store->enqueue(std::move(ids))).duplicates, 10'000u);
}

TEST_F(QueueDurabilityTest, EnqueuesAndOperatorActionsAreSyncedTheCycleStepsAreNot) {
  // What a power cut may undo: the cycle's steps (redone with the same webhook
  // ids), never an acknowledged enqueue or an operator's action.
  auto synced = [&] { return store->commit_stats().synced; };
  auto before = synced();
  run(store->enqueue({"a", "b"}));
  EXPECT_EQ(synced(), before + 1);
  auto leases = run(store->lease(2));
  ASSERT_EQ(leases.size(), 2u);
  ASSERT_TRUE(run(store->complete(leases[0], {message("a", 1, 1)}, "")));
  ASSERT_TRUE(run(store->complete(leases[1], {}, "")));
  auto delivery = run(store->lease_deliveries(1));
  ASSERT_EQ(delivery.size(), 1u);
  run(store->retry_delivery(delivery[0], clock.now(), 503, "HTTP 503"));
  EXPECT_EQ(synced(), before + 1);

  run(store->hold_deliveries("CRM endpoint answered 410 Gone"));
  EXPECT_EQ(synced(), before + 2);
  run(store->release_held());
  EXPECT_EQ(synced(), before + 3);
  EXPECT_EQ(run(store->return_all_leases()), 0u);
  EXPECT_EQ(synced(), before + 4);
  run(store->counts());  // reads commit nothing
  EXPECT_EQ(synced(), before + 4);
}
