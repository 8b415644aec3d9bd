// SPDX-License-Identifier: Apache-2.0
#include "sqlite.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <stdexcept>

namespace insightd::queue::sqlite {

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                              &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(rc, "prepare");
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

bool is_disk_full(int rc, int system_errno) noexcept {
  return (rc & 0xff) == SQLITE_FULL || system_errno == ENOSPC || system_errno == EDQUOT;
}

std::string disk_full_message(std::string_view path, std::string_view what, std::string_view sqlite_message) {
  return fmt::format(
      "{}: disk full: the queue database cannot grow; free space on its file system (sqlite {}: {})", path,
      what, sqlite_message);
}

void Statement::fail(int rc, const char* what) const {
  const char* path = sqlite3_db_filename(db_, "main");
  if (is_disk_full(rc, sqlite3_system_errno(db_)))
    throw std::runtime_error(disk_full_message(path, what, sqlite3_errmsg(db_)));
  throw std::runtime_error(
      fmt::format("{}: sqlite {} failed: {} ({})", path, what, sqlite3_errmsg(db_), sqlite3_errstr(rc)));
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) fail(rc, "bind");
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  if (int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      rc != SQLITE_OK)
    fail(rc, "bind");
  return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
  if (int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) fail(rc, "bind");
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  fail(rc, "step");
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::int64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string Statement::text(int column) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Connection::Connection(const std::string& path) : path_(path) {
  int rc = sqlite3_open_v2(path.c_str(), &db_,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    const int system_errno = db_ ? sqlite3_system_errno(db_) : 0;
    sqlite3_close(db_);
    if (is_disk_full(rc, system_errno)) throw std::runtime_error(disk_full_message(path, "open", msg));
    throw std::runtime_error(fmt::format("{}: cannot open the queue database: {}", path, msg));
  }
  sqlite3_extended_result_codes(db_, 1);
}

Connection::~Connection() {
  cache_.clear();  // statements must be finalized before the connection closes
  sqlite3_close(db_);
}

void Connection::exec(const char* sql) {
  char* err = nullptr;
  if (const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err); rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    if (is_disk_full(rc, sqlite3_system_errno(db_)))
      throw std::runtime_error(disk_full_message(path_, sql, msg));
    throw std::runtime_error(fmt::format("{}: {}", path_, msg));
  }
}

Query Connection::query(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it == cache_.end()) it = cache_.emplace(std::string(sql), std::make_unique<Statement>(db_, sql)).first;
  return Query(*it->second);
}

Transaction::Transaction(Connection& db) : db_(db), nested_(db.in_transaction()) {
  db_.exec(nested_ ? "SAVEPOINT tx" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    db_.exec(nested_ ? "ROLLBACK TO tx; RELEASE tx" : "ROLLBACK");
  } catch (...) {
    // A failed statement may already have rolled the transaction back.
  }
}

void Transaction::commit() {
  db_.exec(nested_ ? "RELEASE tx" : "COMMIT");
  open_ = false;
}

}  // namespace insightd::queue::sqlite
