// SPDX-License-Identifier: Apache-2.0
#include "insightd/observability/logging.hpp"

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace insightd::observability {
namespace {

TEST(LogLevel, ParsesTheConfigNames) {
  using spdlog::level::level_enum;
  EXPECT_EQ(parse_log_level("trace"), level_enum::trace);
  EXPECT_EQ(parse_log_level("debug"), level_enum::debug);
  EXPECT_EQ(parse_log_level("info"), level_enum::info);
  EXPECT_EQ(parse_log_level("warn"), level_enum::warn);
  EXPECT_EQ(parse_log_level("warning"), level_enum::warn);
  EXPECT_EQ(parse_log_level("error"), level_enum::err);
  EXPECT_EQ(parse_log_level("critical"), level_enum::critical);
  EXPECT_EQ(parse_log_level("off"), level_enum::off);
  EXPECT_EQ(parse_log_level("INFO"), std::nullopt);
  EXPECT_EQ(parse_log_level("verbose"), std::nullopt);
  EXPECT_EQ(parse_log_level(""), std::nullopt);
}

TEST(SetupLogging, InstallsTheInsightdLoggerAtTheGivenLevel) {
  setup_logging("debug", false);
  EXPECT_EQ(spdlog::default_logger()->name(), "insightd");
  EXPECT_EQ(spdlog::default_logger()->level(), spdlog::level::debug);
  setup_logging("warn", false);
  EXPECT_EQ(spdlog::default_logger()->level(), spdlog::level::warn);
}

TEST(SetupLogging, RejectsAnUnknownLevelAndKeepsTheCurrentLogger) {
  setup_logging("error", false);
  EXPECT_THROW(setup_logging("loud", false), std::invalid_argument);
  EXPECT_EQ(spdlog::default_logger()->level(), spdlog::level::err);
}

class JournalStreamEnv : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* v = std::getenv("JOURNAL_STREAM")) saved_ = v;
  }
  void TearDown() override {
    if (saved_)
      setenv("JOURNAL_STREAM", saved_->c_str(), 1);
    else
      unsetenv("JOURNAL_STREAM");
  }

 private:
  std::optional<std::string> saved_;
};

TEST_F(JournalStreamEnv, StderrIsTheJournalOnlyWhenItsDeviceAndInodeMatch) {
  unsetenv("JOURNAL_STREAM");
  EXPECT_FALSE(stderr_is_journal());

  struct stat st {};
  ASSERT_EQ(fstat(STDERR_FILENO, &st), 0);
  const std::string mine = std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
  setenv("JOURNAL_STREAM", mine.c_str(), 1);
  EXPECT_TRUE(stderr_is_journal());

  // Inherited by a child whose stderr was redirected elsewhere: not the journal.
  const std::string other = std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino + 1);
  setenv("JOURNAL_STREAM", other.c_str(), 1);
  EXPECT_FALSE(stderr_is_journal());
  setenv("JOURNAL_STREAM", "garbage", 1);
  EXPECT_FALSE(stderr_is_journal());
}

}  // namespace
}  // namespace insightd::observability
