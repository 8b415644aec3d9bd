// SPDX-License-Identifier: Apache-2.0
#pragma once
// A thin RAII layer over the SQLite C API for the queue: a connection with a
// prepared-statement cache, statements with typed binds and columns, and an
// IMMEDIATE transaction that rolls back unless committed. Errors throw
// std::runtime_error with SQLite's message and the database path.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace insightd::queue::sqlite {

// A full disk: SQLITE_FULL, or any failure whose system error is ENOSPC or
// EDQUOT (SQLite reports some of those only as "disk I/O error").
bool is_disk_full(int rc, int system_errno) noexcept;
// "PATH: disk full: ..." for the failed call `what`.
std::string disk_full_message(std::string_view path, std::string_view what, std::string_view sqlite_message);

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, std::nullopt_t);
  // Binds the arguments to parameters 1..N in order.
  template <class... Args>
  Statement& with(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }

  bool step();  // true: a row is available
  void run();   // step to completion, expecting no rows
  void reset();

  std::int64_t int64(int column) const;
  int int32(int column) const { return static_cast<int>(int64(column)); }
  std::string text(int column) const;
  bool is_null(int column) const;

 private:
  [[noreturn]] void fail(int rc, const char* what) const;
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// A borrowed cached statement; resets it when it goes out of scope, so an
// unfinished SELECT never keeps a read snapshot open between calls.
class Query {
 public:
  explicit Query(Statement& s) : s_(&s) {}
  ~Query() { s_->reset(); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  Statement* operator->() const { return s_; }
  Statement& operator*() const { return *s_; }

 private:
  Statement* s_;
};

class Connection {
 public:
  explicit Connection(const std::string& path);  // opens or creates
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void exec(const char* sql);  // statements without results (PRAGMA, DDL)
  // The cached statement for sql, with no bindings.
  Query query(std::string_view sql);
  int changes() const { return sqlite3_changes(db_); }
  std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// BEGIN IMMEDIATE: takes the write lock up front, so a concurrent writer (the
// CLI next to the daemon) waits in busy_timeout instead of failing to upgrade.
// Inside an open transaction (a group commit) it is a SAVEPOINT instead: its
// rollback undoes only its own changes, and the outer COMMIT makes them durable.
class Transaction {
 public:
  explicit Transaction(Connection& db);
  ~Transaction();  // rolls back unless committed
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& db_;
  bool nested_;
  bool open_ = true;
};

}  // namespace insightd::queue::sqlite
