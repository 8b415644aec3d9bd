// SPDX-License-Identifier: Apache-2.0
#pragma once
// The SQLite backend for the contract suite (backend_contract_fixture.hpp):
// a new file per test, opened through open_backend(), and after every test
// the state counts its triggers keep checked against a full count. Also the
// fixture and raw-SQL helpers of the SQLite-only tests (sqlite_*_test.cpp).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <boost/asio/any_io_executor.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "backend_contract_fixture.hpp"
#include "insightd/queue/backend.hpp"

namespace insightd::queue::testing {

// The file outlives the dropped backend, whose database thread is joined
// before the file is opened again.
struct SqliteFactory : OpenedByOpenBackend {
  static constexpr const char* kName = "sqlite";

  static void configure(QueueConfig& cfg, const std::filesystem::path& dir) {
    cfg.backend = QueueBackend::sqlite;
    cfg.sqlite_path = (dir / "state" / "queue.db").string();  // parent created by open
  }

  // Whatever a test did, the counts the triggers keep equal a full count.
  static void after_test(const QueueConfig& cfg) {
    EXPECT_EQ(counted_by_triggers(cfg.sqlite_path), counted_by_scan(cfg.sqlite_path)) << cfg.sqlite_path;
  }

  static std::map<std::string, std::int64_t> counted_by_triggers(const std::string& path) {
    return query_counts(path, "SELECT name, n FROM state_counts WHERE n <> 0");
  }
  static std::map<std::string, std::int64_t> counted_by_scan(const std::string& path) {
    return query_counts(
        path,
        "SELECT state, COUNT(*) FROM interactions GROUP BY state UNION ALL "
        "SELECT 'outbox_pending', COUNT(*) FROM outbox WHERE state = 'pending' HAVING COUNT(*) > 0");
  }

  static std::map<std::string, std::int64_t> query_counts(const std::string& path, const char* sql) {
    std::map<std::string, std::int64_t> counts;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
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
};

// The contract fixture on SQLite, for tests of what only SQLite does.
using SqliteBackendTest = BackendTest<SqliteFactory>;

// Runs one statement on the file with the raw SQLite API, outside the backend.
inline std::int64_t sql_int(const std::string& path, const std::string& sql) {
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

inline void sql_exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
}

}  // namespace insightd::queue::testing
