// SPDX-License-Identifier: Apache-2.0
// A full disk is named as such, with the database's path: SQLite's own words
// for it ("database or disk is full", or only "disk I/O error") do not say
// which file or what to do. The disk is filled with PRAGMA max_page_count.
#include <gtest/gtest.h>

#include <cerrno>
#include <functional>
#include <stdexcept>
#include <string>

#include "../../src/queue/sqlite/sqlite.hpp"
#include "support/temp_dir.hpp"

namespace insightd::queue::sqlite {
namespace {

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "(no error)";
}

class FullDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("CREATE TABLE t(x BLOB)");
    db.exec("PRAGMA max_page_count = 3");  // room for the schema and hardly anything else
  }

  test::TempDir dir;
  std::string path = (dir.path() / "queue.db").string();
  Connection db{path};
};

TEST_F(FullDatabase, AStatementSaysDiskFullAndNamesThePath) {
  const auto message =
      error_of([&] { db.query("INSERT INTO t(x) VALUES (?)")->with(std::string(64u << 10, 'x')).run(); });
  EXPECT_EQ(message.rfind(path + ": disk full: ", 0), 0u) << message;
  EXPECT_NE(message.find("free space"), std::string::npos) << message;
}

TEST_F(FullDatabase, ExecSaysDiskFullAndNamesThePath) {
  const auto message = error_of([&] { db.exec("INSERT INTO t(x) VALUES (zeroblob(65536))"); });
  EXPECT_EQ(message.rfind(path + ": disk full: ", 0), 0u) << message;
}

TEST(DiskFull, IsRecognisedByTheSystemErrorBehindADiskIoError) {
  EXPECT_TRUE(is_disk_full(SQLITE_FULL, 0));
  EXPECT_TRUE(is_disk_full(SQLITE_IOERR_WRITE, ENOSPC));
  EXPECT_TRUE(is_disk_full(SQLITE_IOERR_FSYNC, EDQUOT));
  EXPECT_FALSE(is_disk_full(SQLITE_IOERR_WRITE, EIO));
  EXPECT_FALSE(is_disk_full(SQLITE_BUSY, 0));
  EXPECT_FALSE(is_disk_full(SQLITE_CONSTRAINT_UNIQUE, 0));
}

}  // namespace
}  // namespace insightd::queue::sqlite
