// SPDX-License-Identifier: Apache-2.0
#include "insightd/intake/conversation.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "fixtures.hpp"
#include "insightd/intake/notification.hpp"

namespace insightd::intake {
namespace {

Progress progress_of(const std::string& name) {
  auto n = parse_notification(testing::fixture(name));
  EXPECT_TRUE(n.has_value()) << name;
  EXPECT_EQ(n->kind, Notification::Kind::conversation) << name;
  return conversation_progress(n->event_body);
}

TEST(FinishedRule, RecordedShapes) {
  EXPECT_EQ(progress_of("in_progress.json"), Progress::in_progress);
  EXPECT_EQ(progress_of("customer_gone_agent_in_wrapup.json"), Progress::awaiting_wrapup);
  EXPECT_EQ(progress_of("wrapup_done.json"), Progress::finished);
  EXPECT_EQ(progress_of("transfer_in_progress.json"), Progress::in_progress);
  EXPECT_EQ(progress_of("transfer_done.json"), Progress::finished);
  EXPECT_EQ(progress_of("no_wrapup_required.json"), Progress::finished);
}

TEST(FinishedRule, EndAcwTimeAloneCountsAsWrappedUp) {
  auto body = boost::json::parse(R"({"id":"c","participants":[
    {"purpose":"customer","endTime":"2026-11-30T04:00:00Z"},
    {"purpose":"agent","endTime":"2026-11-30T04:00:00Z","wrapupRequired":true,"endAcwTime":"2026-11-30T04:01:00Z"}]})");
  EXPECT_EQ(conversation_progress(body.get_object()), Progress::finished);
}

TEST(FinishedRule, OnlyAgentsWrapUp) {
  // A customer flagged wrapupRequired (never seen, but harmless) does not hold the conversation.
  auto body = boost::json::parse(R"({"id":"c","participants":[
    {"purpose":"customer","endTime":"2026-11-30T04:00:00Z","wrapupRequired":true}]})");
  EXPECT_EQ(conversation_progress(body.get_object()), Progress::finished);
}

TEST(FinishedRule, NotAConversation) {
  for (const char* text :
       {R"({"participants":[{"purpose":"customer","endTime":"x"}]})", R"({"id":"c","participants":[]})",
        R"({"id":"c"})", R"({"id":"c","participants":[1]})",
        R"({"id":"","participants":[{"endTime":"x"}]})"}) {
    EXPECT_EQ(conversation_progress(boost::json::parse(text).get_object()), Progress::malformed) << text;
  }
}

TEST(FinishedRule, EmptyEndTimeIsNotEnded) {
  auto body = boost::json::parse(R"({"id":"c","participants":[{"purpose":"customer","endTime":""}]})");
  EXPECT_EQ(conversation_progress(body.get_object()), Progress::in_progress);
}

}  // namespace
}  // namespace insightd::intake
