// SPDX-License-Identifier: Apache-2.0
// The optional `intake` section.
#include <gtest/gtest.h>

#include <fstream>

#include "config/config_builder.hpp"

namespace insightd {
namespace {
using test::ConfigBuilder;

TEST(IntakeConfig, AbsentMeansNoIntake) {
  auto r = test::load_text(ConfigBuilder().yaml());
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_FALSE(r.config->intake.enabled);
}

TEST(IntakeConfig, QueueListWithDefaults) {
  auto r = test::load_text(ConfigBuilder().add("intake", "queues: [q-1, q-2]").yaml());
  ASSERT_TRUE(r.config) << test::all_messages(r);
  const auto& intake = r.config->intake;
  EXPECT_TRUE(intake.enabled);
  EXPECT_FALSE(intake.assisted);
  EXPECT_EQ(intake.queues, (std::vector<std::string>{"q-1", "q-2"}));
  EXPECT_EQ(intake.enqueue_delay, 60s);
  EXPECT_TRUE(intake.notifications_enabled);
  EXPECT_EQ(intake.heartbeat_timeout, 90s);
  EXPECT_EQ(intake.reconcile_interval, 5min);
  EXPECT_EQ(intake.reconcile_overlap, 15min);
  EXPECT_EQ(intake.reconcile_lookback, 24h);
}

TEST(IntakeConfig, EveryKey) {
  auto r = test::load_text(ConfigBuilder()
                               .add("intake", "queues: assisted")
                               .add("intake", "enqueue_delay: 0s")
                               .add("intake", "notifications: {enabled: false, heartbeat_timeout: 5s}")
                               .add("intake", "reconcile: {interval: 30s, overlap: 1m, lookback: 2h}")
                               .yaml());
  ASSERT_TRUE(r.config) << test::all_messages(r);
  const auto& intake = r.config->intake;
  EXPECT_TRUE(intake.assisted);
  EXPECT_TRUE(intake.queues.empty());
  EXPECT_EQ(intake.enqueue_delay, 0s);
  EXPECT_FALSE(intake.notifications_enabled);
  EXPECT_EQ(intake.heartbeat_timeout, 5s);
  EXPECT_EQ(intake.reconcile_interval, 30s);
  EXPECT_EQ(intake.reconcile_overlap, 1min);
  EXPECT_EQ(intake.reconcile_lookback, 2h);
}

struct BadIntake {
  std::string line;
  std::string expected;
};

class IntakeConstraint : public testing::TestWithParam<BadIntake> {};

TEST_P(IntakeConstraint, IsReportedAtTheOffendingLine) {
  ConfigBuilder builder;
  const auto& bad = GetParam();
  if (bad.line.rfind("queues:", 0) != 0) builder.add("intake", "queues: [q-1]");
  builder.add("intake", bad.line);
  auto r = test::load_text(builder.yaml());
  EXPECT_FALSE(r.config);
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].file, "test.yaml");
  EXPECT_EQ(r.errors[0].line, builder.line_of(bad.line)) << r.errors[0].str();
  EXPECT_GT(r.errors[0].column, 0);
  EXPECT_NE(r.errors[0].message.find(bad.expected), std::string::npos) << r.errors[0].str();
}

INSTANTIATE_TEST_SUITE_P(
    Values, IntakeConstraint,
    testing::Values(
        BadIntake{"queues: all", "intake.queues: expected a list of queue IDs or 'assisted', got 'all'"},
        BadIntake{"queues: []", "intake.queues: expected a list of queue IDs (at least one)"},
        BadIntake{"queues: [q-1, q-1]", "intake.queues[1]: queue 'q-1' is listed twice"},
        BadIntake{"queues: [a.b]", "intake.queues[0]: 'a.b' is not a queue ID"},
        BadIntake{"enqueue_delay: soon", "intake.enqueue_delay: expected a duration"},
        BadIntake{"notifications: {enabled: yes}",
                  "intake.notifications.enabled: must be one of true, false"},
        BadIntake{"notifications: {heartbeat_timeout: 0s}", "must be longer than zero"},
        BadIntake{"reconcile: {interval: 0s}", "intake.reconcile.interval: must be longer than zero"},
        BadIntake{"reconcile: {overlap: 15}", "intake.reconcile.overlap: expected a duration"},
        BadIntake{"reconcile: {lookbak: 1h}", "did you mean 'lookback'?"},
        BadIntake{"queue: [q-2]", "did you mean 'queues'?"}));

TEST(IntakeConfig, QueuesRequired) {
  ConfigBuilder builder;
  builder.add("intake", "enqueue_delay: 10s");
  auto r = test::load_text(builder.yaml());
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  EXPECT_NE(r.errors[0].message.find("intake.queues is required"), std::string::npos) << r.errors[0].str();
  EXPECT_EQ(r.errors[0].line, builder.line_of("intake"));
}

}  // namespace
}  // namespace insightd

namespace insightd {
namespace {

// The commented `intake:` block of the example file, uncommented, loads to
// the documented defaults.
TEST(IntakeConfig, ExampleBlockDocumentsTheDefaults) {
  std::ifstream in(std::string(INSIGHTD_TEST_DATA_DIR) + "/../config/insightd.example.yaml");
  ASSERT_TRUE(in);
  std::string line, block;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.rfind("# intake:", 0) == 0) inside = true;
    if (!inside) continue;
    if (!line.starts_with('#')) break;
    block += line.substr(line.size() > 1 ? 2 : 1) + "\n";
  }
  ASSERT_FALSE(block.empty());
  auto r = test::load_text(test::ConfigBuilder().yaml() + block);
  ASSERT_TRUE(r.config) << test::all_messages(r) << block;
  const IntakeConfig defaults;
  const auto& intake = r.config->intake;
  EXPECT_TRUE(intake.enabled);
  EXPECT_EQ(intake.queues.size(), 1u);
  EXPECT_EQ(intake.enqueue_delay, defaults.enqueue_delay);
  EXPECT_EQ(intake.notifications_enabled, defaults.notifications_enabled);
  EXPECT_EQ(intake.heartbeat_timeout, defaults.heartbeat_timeout);
  EXPECT_EQ(intake.reconcile_interval, defaults.reconcile_interval);
  EXPECT_EQ(intake.reconcile_overlap, defaults.reconcile_overlap);
  EXPECT_EQ(intake.reconcile_lookback, defaults.reconcile_lookback);
}

}  // namespace
}  // namespace insightd
