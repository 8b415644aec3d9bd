// SPDX-License-Identifier: Apache-2.0
#include "insightd/intake/notification.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace insightd::intake {
namespace {

TEST(Notification, Heartbeat) {
  auto n = parse_notification(testing::fixture("heartbeat.json"));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->kind, Notification::Kind::heartbeat);
}

TEST(Notification, Pong) {
  auto n = parse_notification(R"({"topicName":"channel.metadata","eventBody":{"message":"pong"}})");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->kind, Notification::Kind::pong);
}

TEST(Notification, SocketClosing) {
  auto n = parse_notification(testing::fixture("socket_closing.json"));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->kind, Notification::Kind::socket_closing);
}

TEST(Notification, ConversationCarriesQueueAndBody) {
  auto n = parse_notification(testing::fixture("wrapup_done.json"));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->kind, Notification::Kind::conversation);
  EXPECT_EQ(n->queue_id, "6a1f0d3e-2c4b-4d6a-9e1f-0b2c3d4e5f60");
  EXPECT_EQ(n->event_body.at("id").as_string(), "c0a1b2c3-0001-4000-8000-000000000001");
}

TEST(Notification, OtherTopicsAreNotConversations) {
  auto n = parse_notification(R"({"topicName":"v2.users.u-1.presence","eventBody":{}})");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->kind, Notification::Kind::other);
}

TEST(Notification, Malformed) {
  for (const char* text : {"", "not json", "[]", R"({"eventBody":{}})", R"({"topicName":7})",
                           R"({"topicName":"v2.routing.queues.q.conversations","eventBody":"x"})",
                           R"({"topicName":"v2.routing.queues.q.conversations"})"}) {
    auto n = parse_notification(text);
    ASSERT_FALSE(n) << text;
    EXPECT_EQ(n.error(), errc::malformed_response) << text;
  }
}

}  // namespace
}  // namespace insightd::intake
