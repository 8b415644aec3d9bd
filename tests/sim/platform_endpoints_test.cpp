// SPDX-License-Identifier: Apache-2.0
// The platform endpoints the intake calls, driven through the handler.
#include <gtest/gtest.h>

#include "sim/sim_fixture.hpp"

namespace insightd::sim::testing {
namespace {

class PlatformEndpoints : public SimFixture {
 protected:
  void SetUp() override {
    options.queues = {"q-a", "q-b"};
    start();
  }

  http::Response send(std::string method, std::string target, std::string body, const std::string& bearer) {
    http::ServerRequest r;
    r.method = std::move(method);
    r.target = std::move(target);
    r.body = std::move(body);
    if (!bearer.empty()) r.headers.set("Authorization", "Bearer " + bearer);
    return call(std::move(r));
  }
};

TEST_F(PlatformEndpoints, ChannelsNeedAToken) {
  EXPECT_EQ(send("POST", "/api/v2/notifications/channels", "", "").status, 401u);
  EXPECT_EQ(send("GET", "/api/v2/notifications/channels", "", token()).status, 405u);
}

TEST_F(PlatformEndpoints, ChannelSubscriptionsGrantOnlySimulatedQueues) {
  const auto bearer = token();
  auto created = send("POST", "/api/v2/notifications/channels", "", bearer);
  ASSERT_EQ(created.status, 200u) << created.body;
  auto channel = json(created).as_object();
  const std::string id(channel.at("id").as_string());
  EXPECT_NE(std::string(channel.at("connectUri").as_string()).find("/channels/" + id), std::string::npos);
  EXPECT_FALSE(channel.at("expires").as_string().empty());

  auto subscribed =
      send("PUT", "/api/v2/notifications/channels/" + id + "/subscriptions",
           R"([{"id":"v2.routing.queues.q-a.conversations"},{"id":"v2.routing.queues.q-z.conversations"},)"
           R"({"id":"v2.users.u1.presence"}])",
           bearer);
  ASSERT_EQ(subscribed.status, 200u) << subscribed.body;
  const auto answer = json(subscribed);  // kept: the references below point into it
  const auto& entities = answer.at("entities").as_array();
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].at("id").as_string(), "v2.routing.queues.q-a.conversations");

  EXPECT_EQ(send("PUT", "/api/v2/notifications/channels/nope/subscriptions", "[]", bearer).status, 404u);
  EXPECT_EQ(send("PUT", "/api/v2/notifications/channels/" + id + "/subscriptions", "{}", bearer).status,
            400u);
}

TEST_F(PlatformEndpoints, AssistantsListEverySimulatedQueue) {
  const auto bearer = token();
  auto assistants = send("GET", "/api/v2/assistants?pageSize=100", "", bearer);
  ASSERT_EQ(assistants.status, 200u);
  const auto listing = json(assistants);
  const auto& list = listing.at("entities").as_array();
  ASSERT_EQ(list.size(), 1u);
  const std::string id(list[0].at("id").as_string());
  auto queues = send("GET", "/api/v2/assistants/" + id + "/queues", "", bearer);
  ASSERT_EQ(queues.status, 200u);
  const auto queue_listing = json(queues);
  const auto& entities = queue_listing.at("entities").as_array();
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entities[0].at("id").as_string(), "q-a");
  EXPECT_EQ(entities[1].at("id").as_string(), "q-b");
  EXPECT_EQ(send("GET", "/api/v2/assistants/other/queues", "", bearer).status, 404u);
}

TEST_F(PlatformEndpoints, AnalyticsQueryValidatesLikeTheRealApi) {
  const auto bearer = token();
  const std::string path = "/api/v2/analytics/conversations/details/query";
  auto ok = send(
      "POST", path,
      R"({"interval":"2026-09-20T00:00:00.000Z/2026-09-21T00:00:00.000Z","paging":{"pageSize":100,"pageNumber":1}})",
      bearer);
  ASSERT_EQ(ok.status, 200u) << ok.body;
  EXPECT_EQ(json(ok).at("totalHits").as_int64(), 0);
  EXPECT_EQ(json(ok).as_object().if_contains("conversations"), nullptr);

  for (const char* body :
       {R"({"interval":"yesterday"})", R"({"interval":"2026-09-01T00:00:00Z/2026-09-09T00:00:00Z"})",
        R"({"interval":"2026-09-20T00:00:00Z/2026-09-21T00:00:00Z","paging":{"pageSize":101}})",
        "not json"}) {
    EXPECT_EQ(send("POST", path, body, bearer).status, 400u) << body;
  }
}

}  // namespace
}  // namespace insightd::sim::testing
