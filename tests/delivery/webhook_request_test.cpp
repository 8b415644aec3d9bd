// SPDX-License-Identifier: Apache-2.0
#include "insightd/delivery/webhook_request.hpp"

#include <gtest/gtest.h>

#include "insightd/common/webhook_signature.hpp"

using namespace insightd;
using namespace insightd::delivery;
using namespace std::chrono_literals;

namespace {

TEST(WebhookRequest, CarriesStandardWebhooksHeadersAndAVerifiableSignature) {
  auto key = webhook_key_from_secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  ASSERT_TRUE(key);
  queue::OutboxMessage m{"msg_abc", "conv-1", 1, 1, R"({"type":"agentassist.insights.synced"})"};
  auto r = make_webhook_request(m, "https://crm.example/ingest", *key, 1'700'000'000, 15s);

  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, "https://crm.example/ingest");
  EXPECT_EQ(r.timeout, 15s);
  EXPECT_EQ(r.body, m.body);
  EXPECT_EQ(r.headers.get("Content-Type"), "application/json");
  EXPECT_EQ(r.keep_body_prefix, kWebhookResponseKept);  // only the status of the answer counts
  EXPECT_EQ(r.headers.get("webhook-id"), "msg_abc");
  EXPECT_EQ(r.headers.get("Idempotency-Key"), "msg_abc");
  EXPECT_EQ(r.headers.get("webhook-timestamp"), "1700000000");
  auto signature = r.headers.get("webhook-signature");
  EXPECT_TRUE(signature.starts_with("v1,"));
  EXPECT_TRUE(verify_webhook(*key, "msg_abc", 1'700'000'000, m.body, signature));
  // The signature covers id, timestamp and body.
  EXPECT_FALSE(verify_webhook(*key, "msg_abd", 1'700'000'000, m.body, signature));
  EXPECT_FALSE(verify_webhook(*key, "msg_abc", 1'700'000'001, m.body, signature));
  EXPECT_FALSE(verify_webhook(*key, "msg_abc", 1'700'000'000, m.body + " ", signature));
}

}  // namespace
