// SPDX-License-Identifier: Apache-2.0
#include "insightd/intake/topics.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace insightd::intake {
namespace {

std::vector<std::string> queues(std::size_t n) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < n; ++i) ids.push_back(fmt::format("q{}", i));
  return ids;
}

TEST(Topics, QueueTopicRoundTrip) {
  EXPECT_EQ(queue_topic("abc"), "v2.routing.queues.abc.conversations");
  EXPECT_EQ(queue_of_topic("v2.routing.queues.abc.conversations"), "abc");
  EXPECT_EQ(queue_of_topic("v2.routing.queues..conversations"), std::nullopt);
  EXPECT_EQ(queue_of_topic("v2.routing.queues.a.b.conversations"), std::nullopt);
  EXPECT_EQ(queue_of_topic("v2.users.abc.presence"), std::nullopt);
}

TEST(Topics, OneChannelUpToAThousand) {
  auto plan = plan_channels(queues(1000));
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->size(), 1u);
  EXPECT_EQ(plan->front().size(), 1000u);
  EXPECT_EQ(plan->front().front(), "v2.routing.queues.q0.conversations");
}

TEST(Topics, SplitAtAThousand) {
  auto plan = plan_channels(queues(2001));
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->size(), 3u);
  EXPECT_EQ((*plan)[0].size(), 1000u);
  EXPECT_EQ((*plan)[1].size(), 1000u);
  EXPECT_EQ((*plan)[2].size(), 1u);
  EXPECT_EQ((*plan)[2][0], "v2.routing.queues.q2000.conversations");
}

TEST(Topics, DuplicatesDropped) {
  auto plan = plan_channels({"a", "b", "a"});
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->size(), 1u);
  EXPECT_EQ(plan->front().size(), 2u);
}

TEST(Topics, NoQueuesNoChannels) {
  auto plan = plan_channels({});
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->empty());
}

TEST(Topics, TwentyChannelsAtMost) {
  auto full = plan_channels(queues(20000));
  ASSERT_TRUE(full);
  EXPECT_EQ(full->size(), 20u);
  auto over = plan_channels(queues(20001));
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().code, errc::invalid_argument);
  const auto& detail = over.error().message;
  EXPECT_NE(detail.find("20001 queues"), std::string::npos) << detail;
  EXPECT_NE(detail.find("20 channels"), std::string::npos) << detail;
}

TEST(Topics, SubscriptionsBody) {
  EXPECT_EQ(subscriptions_body({"t1", "t2"}), R"([{"id":"t1"},{"id":"t2"}])");
}

TEST(Topics, RejectedTopicsAreTheOnesNotListed) {
  auto rejected = rejected_topics(R"({"entities":[{"id":"t1"},{"id":"t3"}]})", {"t1", "t2", "t3"});
  ASSERT_TRUE(rejected);
  EXPECT_EQ(*rejected, std::vector<std::string>{"t2"});
  EXPECT_FALSE(rejected_topics(R"({"nope":1})", {"t1"}));
  EXPECT_FALSE(rejected_topics("garbage", {"t1"}));
}

TEST(Topics, ParseChannel) {
  auto channel = parse_channel(
      R"({"id":"streaming-1","connectUri":"wss://streaming.mypurecloud.com/channels/streaming-1","expires":"2026-12-01T04:00:00Z"})");
  ASSERT_TRUE(channel);
  EXPECT_EQ(channel->id, "streaming-1");
  EXPECT_EQ(channel->connect_uri, "wss://streaming.mypurecloud.com/channels/streaming-1");
  EXPECT_EQ(channel->expires, "2026-12-01T04:00:00Z");
  EXPECT_FALSE(parse_channel(R"({"id":"x"})"));
  EXPECT_FALSE(parse_channel("[]"));
}

}  // namespace
}  // namespace insightd::intake
