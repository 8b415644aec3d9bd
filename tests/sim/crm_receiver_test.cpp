// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/webhook_signature.hpp"
#include "insightd/sim/faults.hpp"
#include "sim/sim_fixture.hpp"

using namespace insightd;
using namespace insightd::sim::testing;
using namespace std::chrono_literals;

class SimCrm : public SimFixture {
 protected:
  std::int64_t now_s() const {
    return std::chrono::duration_cast<std::chrono::seconds>(wall_now.time_since_epoch()).count();
  }

  http::ServerRequest delivery(const std::string& webhook_id, const std::string& body, std::int64_t timestamp,
                               const std::string& secret) {
    http::ServerRequest r;
    r.method = "POST";
    r.target = "/crm/ingest";
    r.headers.set("Content-Type", "application/json");
    r.headers.set("webhook-id", webhook_id);
    r.headers.set("webhook-timestamp", std::to_string(timestamp));
    r.headers.set("webhook-signature",
                  sign_webhook(*webhook_key_from_secret(secret), webhook_id, timestamp, body));
    r.headers.set("Idempotency-Key", webhook_id);
    r.body = body;
    return r;
  }

  http::Response deliver(const std::string& webhook_id, const std::string& interaction = "ia-1") {
    return call(delivery(webhook_id, body_for(interaction), now_s(), options.crm_secret));
  }

  static std::string body_for(const std::string& interaction) {
    return R"({"type":"agentassist.insights.synced","interactionId":")" + interaction +
           R"(","part":1,"parts":2,"insights":[]})";
  }
};

TEST_F(SimCrm, AcceptsAndRecordsAValidlySignedDelivery) {
  auto r = deliver("msg_1", "ia-77");
  EXPECT_EQ(r.status, 200u) << r.body;
  auto stats = service->stats();
  ASSERT_EQ(stats.crm_receipts.size(), 1u);
  const auto& receipt = stats.crm_receipts[0];
  EXPECT_EQ(receipt.webhook_id, "msg_1");
  EXPECT_EQ(receipt.idempotency_key, "msg_1");
  EXPECT_EQ(receipt.interaction_id, "ia-77");
  EXPECT_EQ(receipt.part, 1);
  EXPECT_EQ(receipt.parts, 2);
  EXPECT_TRUE(receipt.signature_ok);
  EXPECT_TRUE(receipt.timestamp_ok);
  EXPECT_EQ(receipt.status, 200u);
  EXPECT_EQ(stats.crm_interactions_delivered, (std::set<std::string>{"ia-77"}));
  EXPECT_EQ(stats.crm_signature_failures, 0u);
}

TEST_F(SimCrm, RawSecretsWithoutThePrefixAlsoVerify) {
  options.crm_secret = "plain-shared-secret";
  start();
  EXPECT_EQ(deliver("msg_raw").status, 200u);
}

TEST_F(SimCrm, RejectsAWrongSignatureOrATamperedBody) {
  auto wrong_key =
      delivery("msg_2", body_for("ia-1"), now_s(), "whsec_" + crypto::base64_encode("another key"));
  EXPECT_EQ(call(wrong_key).status, 401u);
  auto tampered = delivery("msg_3", body_for("ia-1"), now_s(), options.crm_secret);
  tampered.body = body_for("ia-2");
  EXPECT_EQ(call(tampered).status, 401u);
  auto unsigned_request = delivery("msg_4", body_for("ia-1"), now_s(), options.crm_secret);
  unsigned_request.headers.set("webhook-signature", "");
  EXPECT_EQ(call(unsigned_request).status, 401u);

  auto stats = service->stats();
  EXPECT_EQ(stats.crm_signature_failures, 3u);
  EXPECT_TRUE(stats.crm_interactions_delivered.empty());
}

TEST_F(SimCrm, RejectsTimestampsMoreThanFiveMinutesOff) {
  EXPECT_EQ(call(delivery("old", body_for("ia-1"), now_s() - 301, options.crm_secret)).status, 401u);
  EXPECT_EQ(call(delivery("ahead", body_for("ia-1"), now_s() + 301, options.crm_secret)).status, 401u);
  EXPECT_EQ(call(delivery("edge", body_for("ia-1"), now_s() - 300, options.crm_secret)).status, 200u);
  auto stats = service->stats();
  EXPECT_EQ(stats.crm_stale_timestamps, 2u);
  EXPECT_EQ(stats.crm_signature_failures, 0u);  // the signatures themselves were right
}

TEST_F(SimCrm, FailFirstNAppliesToEveryWebhookIdSeparately) {
  options.crm_fail_first = 2;
  start();
  EXPECT_EQ(deliver("a").status, 503u);
  EXPECT_EQ(deliver("b").status, 503u);
  EXPECT_EQ(deliver("a").status, 503u);
  EXPECT_EQ(deliver("a").status, 200u);
  EXPECT_EQ(deliver("a").status, 200u);  // a duplicate after success is accepted (and counted)
  auto stats = service->stats();
  EXPECT_EQ(stats.crm_receipts_per_webhook_id.at("a"), 4u);
  EXPECT_EQ(stats.crm_receipts_per_webhook_id.at("b"), 1u);
  EXPECT_EQ(stats.crm_accepted_per_webhook_id.at("a"), 2u);
  EXPECT_FALSE(stats.crm_accepted_per_webhook_id.contains("b"));
  EXPECT_EQ(stats.crm_receipts.back().attempt, 4);
}

TEST_F(SimCrm, CrmRejectFaultAnswers422OnlyForThatInteraction) {
  start();
  EXPECT_EQ(deliver("a", "ia-7-crmreject").status, 422u);
  EXPECT_EQ(deliver("a", "ia-7-crmreject").status, 422u);  // permanently
  EXPECT_EQ(deliver("b", "ia-8").status, 200u);
  EXPECT_FALSE(service->stats().crm_interactions_delivered.contains("ia-7-crmreject"));
}

TEST_F(SimCrm, AnswerFaultsForThatInteraction) {
  start();
  auto chatty = deliver("a", "ia-7-crmchatty");
  EXPECT_EQ(chatty.status, 422u);
  EXPECT_NE(chatty.body.find(sim::kChattyCard), std::string::npos) << chatty.body;
  EXPECT_NE(chatty.body.find(sim::kChattyEmail), std::string::npos) << chatty.body;
  auto moved = deliver("b", "ia-8-crmmoved");
  EXPECT_EQ(moved.status, 301u);
  EXPECT_EQ(moved.headers.get("Location"), sim::kCrmMovedLocation);
  auto big = deliver("c", "ia-9-crmbigbody");
  EXPECT_EQ(big.status, 200u);
  EXPECT_EQ(big.body.size(), sim::kCrmBigBodyBytes);
  EXPECT_TRUE(service->stats().crm_interactions_delivered.contains("ia-9-crmbigbody"));
}

TEST_F(SimCrm, GoneAnswers410Always) {
  options.crm_gone = true;
  start();
  EXPECT_EQ(deliver("a").status, 410u);
  EXPECT_EQ(deliver("a").status, 410u);
}

TEST_F(SimCrm, FixedStatusOverridesEverything) {
  options.crm_status = 500;
  start();
  EXPECT_EQ(deliver("a").status, 500u);
  EXPECT_EQ(service->stats().count("crm_ingest", 500), 1u);
}

TEST_F(SimCrm, DeliveriesEndpointReturnsTheRecordedBodies) {
  deliver("msg_1", "ia-9");
  http::ServerRequest r;
  r.method = "GET";
  r.target = "/sim/crm/deliveries";
  auto body = json(call(r)).as_object();
  const auto& deliveries = body.at("deliveries").as_array();
  ASSERT_EQ(deliveries.size(), 1u);
  EXPECT_EQ(deliveries[0].at("webhook_id").as_string(), "msg_1");
  EXPECT_EQ(deliveries[0].at("body").as_string(), body_for("ia-9"));
}

TEST_F(SimCrm, ReadsTheTopLevelFieldsOfTheBodyNotNestedOnes) {
  const std::string body = R"({"insights":[{"interactionId":"nested","part":9,"x":[1,2.5,null,true]}],)"
                           R"("interactionId":"ia-\"q\"","part":2,"parts":3,"governance":{"parts":7}})";
  EXPECT_EQ(call(delivery("msg_n", body, now_s(), options.crm_secret)).status, 200u);
  EXPECT_EQ(call(delivery("msg_bad", "not json", now_s(), options.crm_secret)).status, 200u);
  auto stats = service->stats();
  ASSERT_EQ(stats.crm_receipts.size(), 2u);
  EXPECT_EQ(stats.crm_receipts[0].interaction_id, "ia-\"q\"");
  EXPECT_EQ(stats.crm_receipts[0].part, 2);
  EXPECT_EQ(stats.crm_receipts[0].parts, 3);
  EXPECT_EQ(stats.crm_receipts[1].interaction_id, "");  // not JSON: recorded, without fields
  EXPECT_EQ(stats.crm_receipts[1].part, 0);
}

TEST_F(SimCrm, DiscardedBodiesStillLeaveCompleteReceipts) {
  options.crm_keep_bodies = false;
  start();
  EXPECT_EQ(deliver("msg_1", "ia-5").status, 200u);
  auto stats = service->stats();
  ASSERT_EQ(stats.crm_receipts.size(), 1u);
  EXPECT_EQ(stats.crm_receipts[0].body, "");
  EXPECT_EQ(stats.crm_receipts[0].interaction_id, "ia-5");
  EXPECT_TRUE(stats.crm_receipts[0].signature_ok);
  EXPECT_EQ(stats.crm_interactions_delivered, (std::set<std::string>{"ia-5"}));
}
