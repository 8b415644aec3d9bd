// SPDX-License-Identifier: Apache-2.0
// The intake status as recorded in the queue backend and read back by
// `insightd intake status` and the console: JSON both ways, the text form.
#include <gmock/gmock.h>

#include <boost/json/serialize.hpp>

#include "insightd/intake/intake.hpp"

namespace insightd::intake {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::int64_t kNowMs = 1'780'000'000'000;  // 2026-05-28T20:26:40Z

Status running_status() {
  Status s;
  s.leader = true;
  s.daemon = "node-a (pid 4242)";
  s.socket = "connected";
  s.socket_since_ms = kNowMs - 90'000;
  s.channels = {"chan-1"};
  s.queues = {"q-sales", "q-support"};
  s.last_event_ms = kNowMs - 3'000;
  s.watermark_ms = kNowMs - 10'000;
  s.last_reconcile_ms = kNowMs - 12'000;
  s.last_reconcile_from_ms = kNowMs - 3'600'000;
  s.last_reconcile_to_ms = kNowMs - 10'000;
  s.last_reconcile_found = 12;
  s.last_reconcile_enqueued = 3;
  s.last_reconcile_complete = true;
  s.found_notifications = 40;
  s.found_reconcile = 3;
  s.reconnects = 2;
  s.problems = {{kNowMs - 60'000, "intake: notifications socket lost: End of file; reconnecting"},
                {kNowMs - 30'000, "reconciliation incomplete: HTTP 503"}};
  s.updated_ms = kNowMs - 1'000;
  return s;
}

TEST(IntakeStatus, EveryFieldSurvivesTheRecordedJson) {
  const auto s = running_status();
  const auto back = recorded_status(boost::json::serialize(to_json(s)));
  ASSERT_TRUE(back);
  EXPECT_EQ(to_json(*back), to_json(s));
  EXPECT_EQ(back->daemon, "node-a (pid 4242)");
  ASSERT_EQ(back->problems.size(), 2u);
  EXPECT_EQ(back->problems[1].message, "reconciliation incomplete: HTTP 503");
  EXPECT_EQ(back->problems[1].at_ms, kNowMs - 30'000);
}

TEST(IntakeStatus, NothingRecordedIsNotTheDefaultsAndGarbageReadsAsTheDefaults) {
  EXPECT_FALSE(recorded_status(std::nullopt));
  EXPECT_EQ(recorded_json(std::nullopt).at("recorded"), false);
  const auto garbage = recorded_status(std::string("{not json"));
  ASSERT_TRUE(garbage);
  EXPECT_EQ(to_json(*garbage), to_json(Status{}));
  EXPECT_EQ(recorded_json(garbage).at("recorded"), true);
  // An older record without the newer fields keeps their defaults.
  const auto old = recorded_status(std::string(R"({"leader":true,"socket":"connected","problems":[7]})"));
  ASSERT_TRUE(old);
  EXPECT_TRUE(old->leader);
  EXPECT_EQ(old->socket_since_ms, 0);
  EXPECT_TRUE(old->problems.empty());
}

TEST(IntakeStatus, TheTextNamesTheLeaderTheSocketsAgeTheWindowAndTheProblemsNewestFirst) {
  const auto text = format_status(running_status(), kNowMs);
  EXPECT_THAT(text, HasSubstr("leader:            node-a (pid 4242)\n"));
  EXPECT_THAT(text, HasSubstr("socket:            connected (since 90s ago)\n"));
  EXPECT_THAT(text, HasSubstr("12 ended conversation(s), 3 the socket had missed\n"));
  EXPECT_THAT(text, HasSubstr("reconcile window:  2026-05-28T19:26:40.000Z to 2026-05-28T20:26:30.000Z\n"));
  const auto newest = text.find("30s ago: reconciliation incomplete");
  const auto oldest = text.find("60s ago: intake: notifications socket lost");
  ASSERT_NE(newest, std::string::npos) << text;
  ASSERT_NE(oldest, std::string::npos) << text;
  EXPECT_LT(newest, oldest);

  Status stopped;
  EXPECT_THAT(format_status(stopped, kNowMs), HasSubstr("leader:            none"));
  EXPECT_THAT(format_status(stopped, kNowMs), Not(HasSubstr("reconcile window")));
}

}  // namespace
}  // namespace insightd::intake
