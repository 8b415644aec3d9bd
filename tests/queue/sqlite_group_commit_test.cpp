// SPDX-License-Identifier: Apache-2.0
// The SQLite database thread: calls resume on the caller's executor, share
// transactions (group commit), reads take no write lock, and what is synced.
#include <gmock/gmock.h>
#include <sqlite3.h>

#include <boost/asio/co_spawn.hpp>
#include <thread>
#include <vector>

#include "sqlite_factory.hpp"

using namespace insightd::queue;
using namespace std::chrono_literals;
using insightd::queue::testing::message;
using insightd::queue::testing::sql_int;

using SqliteGroupCommitTest = insightd::queue::testing::SqliteBackendTest;

TEST_F(SqliteGroupCommitTest, RunsOnTheDatabaseThreadAndResumesOnTheCallersExecutor) {
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
TEST_F(SqliteGroupCommitTest, ConcurrentCallsShareACommitAndAFailingOneLosesNothingElse) {
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
TEST_F(SqliteGroupCommitTest, ReadsDoNotWaitForAnotherProcesssWriteLock) {
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

TEST_F(SqliteGroupCommitTest, EnqueuesAndOperatorActionsAreSyncedTheCycleStepsAreNot) {
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
