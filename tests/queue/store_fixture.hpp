#pragma once
// A SQLite backend on a fresh file in a temporary directory, a manual clock,
// and run(): drives one store operation to completion on a local io_context.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "insightd/queue/backend.hpp"

namespace insightd::queue::testing {

// Starts at a fixed instant and moves only when told; safe to read from the
// database thread. Remembers the thread that read it last.
class ManualClock {
 public:
  using time_point = std::chrono::system_clock::time_point;
  Backend::Clock function() const {
    return [state = state_] {
      state->reader = std::this_thread::get_id();
      return time_point(std::chrono::milliseconds(state->ms.load()));
    };
  }
  void advance(std::chrono::milliseconds d) { state_->ms += d.count(); }
  time_point now() const { return time_point(std::chrono::milliseconds(state_->ms.load())); }
  std::thread::id last_reader() const { return state_->reader; }

 private:
  struct State {
    std::atomic<std::int64_t> ms{1'700'000'000'000};
    std::thread::id reader;
  };
  std::shared_ptr<State> state_ = std::make_shared<State>();
};

inline std::filesystem::path unique_temp_dir() {
  const char* base = std::getenv("INSIGHTD_TEST_TMP");
  auto root = base ? std::filesystem::path(base) : std::filesystem::temp_directory_path();
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  auto dir = root / "queue" / (std::string(info->test_suite_name()) + "." + info->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = unique_temp_dir();
    cfg.sqlite_path = (dir / "state" / "queue.db").string();  // parent created by open()
    cfg.lease_timeout = std::chrono::minutes(5);
    store = open_store();
  }

  // Whatever a test did, the counts the triggers keep equal a full count.
  void TearDown() override {
    store.reset();
    EXPECT_EQ(counted_by_triggers(), counted_by_scan()) << cfg.sqlite_path;
  }

  std::map<std::string, std::int64_t> counted_by_triggers() {
    return query_counts("SELECT name, n FROM state_counts WHERE n <> 0");
  }
  std::map<std::string, std::int64_t> counted_by_scan() {
    return query_counts(
        "SELECT state, COUNT(*) FROM interactions GROUP BY state UNION ALL "
        "SELECT 'outbox_pending', COUNT(*) FROM outbox WHERE state = 'pending' HAVING COUNT(*) > 0");
  }

  std::map<std::string, std::int64_t> query_counts(const char* sql) {
    std::map<std::string, std::int64_t> counts;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(cfg.sqlite_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK) {  // no such table: not a queue file
        while (sqlite3_step(stmt) == SQLITE_ROW)
          counts[reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))] = sqlite3_column_int64(stmt, 1);
      }
      sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return counts;
  }

  std::shared_ptr<Backend> open_store() {
    return run(open_backend(io.get_executor(), cfg, clock.function()));
  }

  // Drops the store without returning anything, as a kill -9 would, and opens the file again.
  void reopen() {
    store.reset();
    store = open_store();
  }

  template <class T>
  T run(awaitable<T> op) {
    std::exception_ptr error;
    std::optional<T> value;
    boost::asio::co_spawn(io, std::move(op), [&](std::exception_ptr e, T v) {
      error = e;
      value = std::move(v);
    });
    drive();
    if (error) std::rethrow_exception(error);
    return std::move(*value);
  }

  void run(awaitable<void> op) {
    std::exception_ptr error;
    bool finished = false;
    boost::asio::co_spawn(io, std::move(op), [&](std::exception_ptr e) {
      error = e;
      finished = true;
    });
    drive();
    EXPECT_TRUE(finished);
    if (error) std::rethrow_exception(error);
  }

  void drive() {
    io.restart();
    io.run();  // returns once the operation has completed back on io
  }

  // Enqueue + lease one ID.
  Lease lease_one(const std::string& id) {
    run(store->enqueue({id}));
    auto leases = run(store->lease(1));
    EXPECT_EQ(leases.size(), 1u);
    EXPECT_EQ(leases.empty() ? "" : leases[0].interaction_id, id);
    return leases.empty() ? Lease{} : leases[0];
  }

  State state_of(const std::string& id) {
    auto info = run(store->interaction(id));
    EXPECT_TRUE(info.has_value()) << id;
    return info ? info->state : State::pending;
  }

  static OutboxMessage message(const std::string& id, int part, int parts, std::string body = "{}") {
    return OutboxMessage{"wh_" + id + "_" + std::to_string(part), id, part, parts, std::move(body)};
  }

  boost::asio::io_context io;
  ManualClock clock;
  QueueConfig cfg;
  std::filesystem::path dir;
  std::shared_ptr<Backend> store;
};

}  // namespace insightd::queue::testing
