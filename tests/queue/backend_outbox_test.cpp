// SPDX-License-Identifier: Apache-2.0
// The outbox side of every backend: delivery leases, retries, dead letters,
// replay, holding.
#include <gmock/gmock.h>

#include "backend_factories.hpp"

using namespace insightd::queue;
using namespace std::chrono_literals;
using insightd::queue::testing::BackendFactories;
using insightd::queue::testing::BackendFactoryNames;
using insightd::queue::testing::BackendTest;
using insightd::queue::testing::message;

template <class Factory>
class OutboxContract : public BackendTest<Factory> {
 protected:
  // "a" fetched into two parts, now owned by the outbox.
  void SetUp() override {
    BackendTest<Factory>::SetUp();
    auto a = this->lease_one("a");
    ASSERT_TRUE(this->run(this->store->complete(
        a, {message("a", 1, 2, "{\"part\":1}"), message("a", 2, 2, "{\"part\":2}")}, "audit-a")));
  }
};
TYPED_TEST_SUITE(OutboxContract, BackendFactories, BackendFactoryNames);

TYPED_TEST(OutboxContract, DeliveriesAreLeasedOnceWithTheirMessage) {
  auto first = this->run(this->store->lease_deliveries(1));
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].message.webhook_id, "wh_a_1");
  EXPECT_EQ(first[0].message.interaction_id, "a");
  EXPECT_EQ(first[0].message.part, 1);
  EXPECT_EQ(first[0].message.parts, 2);
  EXPECT_EQ(first[0].message.body, "{\"part\":1}");
  EXPECT_EQ(first[0].attempts, 0);

  auto rest = this->run(this->store->lease_deliveries(10));
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].message.webhook_id, "wh_a_2");
  EXPECT_TRUE(this->run(this->store->lease_deliveries(10)).empty());
  EXPECT_EQ(this->run(this->store->outbox_depth()), 2);  // leased rows are still undelivered
}

TYPED_TEST(OutboxContract, InteractionIsDoneWhenItsLastPartIsDelivered) {
  auto d = this->run(this->store->lease_deliveries(10));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_FALSE(this->run(this->store->delivered(d[1], 200)).has_value());
  EXPECT_EQ(this->state_of("a"), State::delivering);

  auto finished = this->run(this->store->delivered(d[0], 204));
  ASSERT_TRUE(finished);
  EXPECT_EQ(finished->interaction_id, "a");
  EXPECT_EQ(finished->state, State::done);
  EXPECT_EQ(finished->audit_context, "audit-a");
  EXPECT_EQ(this->state_of("a"), State::done);
  EXPECT_EQ(this->run(this->store->outbox_depth()), 0);
  EXPECT_FALSE(this->run(this->store->delivered(d[0], 200)).has_value());  // a repeat changes nothing
}

TYPED_TEST(OutboxContract, RetryCountsTheAttemptAndWaitsUntilNextAttempt) {
  auto d = this->run(this->store->lease_deliveries(1));
  ASSERT_EQ(d.size(), 1u);
  this->run(this->store->retry_delivery(d[0], this->clock.now() + 10s, 503, "service unavailable"));
  ASSERT_EQ(this->run(this->store->lease_deliveries(10)).size(), 1u);  // only part 2 is due

  this->clock.advance(10s);
  auto again = this->run(this->store->lease_deliveries(10));
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].message.webhook_id, d[0].message.webhook_id);
  EXPECT_EQ(again[0].attempts, 1);
  EXPECT_NE(again[0].lease_token, d[0].lease_token);
}

TYPED_TEST(OutboxContract, ExpiredDeliveryLeaseBecomesDueAndTheStaleHolderIsIgnored) {
  auto stale = this->run(this->store->lease_deliveries(1));
  ASSERT_EQ(stale.size(), 1u);
  this->run(this->store->lease_deliveries(1));  // part 2, so that only part 1 can come back
  this->clock.advance(this->cfg.lease_timeout - 1ms);
  EXPECT_TRUE(this->run(this->store->lease_deliveries(10)).empty());
  this->clock.advance(1ms);
  auto fresh = this->run(this->store->lease_deliveries(1));
  ASSERT_EQ(fresh.size(), 1u);
  EXPECT_EQ(fresh[0].message.webhook_id, stale[0].message.webhook_id);

  this->run(this->store->retry_delivery(stale[0], this->clock.now() + 1h, 500, "late report"));
  EXPECT_FALSE(this->run(this->store->dead_letter_delivery(stale[0], 400, "late report")).has_value());
  EXPECT_EQ(this->state_of("a"), State::delivering);
  // The fresh holder's retry still counts from 0.
  this->run(this->store->retry_delivery(fresh[0], this->clock.now(), 500, "x"));
  auto third = this->run(this->store->lease_deliveries(1));
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(third[0].attempts, 1);
}

TYPED_TEST(OutboxContract, DeadLetterThenReplayKeepsWebhookIdAndBody) {
  auto d = this->run(this->store->lease_deliveries(10));
  ASSERT_EQ(d.size(), 2u);
  this->run(this->store->retry_delivery(d[0], this->clock.now(), 500, "boom"));
  ASSERT_FALSE(this->run(this->store->delivered(d[1], 200)).has_value());
  auto retried = this->run(this->store->lease_deliveries(10));
  ASSERT_EQ(retried.size(), 1u);

  auto finished = this->run(this->store->dead_letter_delivery(retried[0], 422, "unprocessable entity"));
  ASSERT_TRUE(finished);
  EXPECT_EQ(finished->state, State::dead);
  EXPECT_EQ(finished->audit_context, "audit-a");
  EXPECT_EQ(this->state_of("a"), State::dead);

  auto dead = this->run(this->store->dead_letters());
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].interaction_id, "a");
  EXPECT_EQ(dead[0].attempts, 2);
  EXPECT_EQ(dead[0].last_status, 422);
  EXPECT_EQ(dead[0].last_error, "unprocessable entity");
  EXPECT_EQ(dead[0].kind, "delivery");
  EXPECT_EQ(this->run(this->store->counts()).dead, 1);

  EXPECT_EQ(this->run(this->store->replay({"a", "not-dead"}, false)), 1u);
  EXPECT_EQ(this->state_of("a"), State::delivering);
  auto replayed = this->run(this->store->lease_deliveries(10));
  ASSERT_EQ(replayed.size(), 1u);
  EXPECT_EQ(replayed[0].message.webhook_id, "wh_a_1");
  EXPECT_EQ(replayed[0].message.body, "{\"part\":1}");
  EXPECT_EQ(replayed[0].attempts, 0);
  auto done = this->run(this->store->delivered(replayed[0], 200));
  ASSERT_TRUE(done);
  EXPECT_EQ(done->state, State::done);
}

TYPED_TEST(OutboxContract, ReplayAllTakesEveryDeadInteraction) {
  auto b = this->lease_one("b");
  ASSERT_TRUE(this->run(this->store->dead_letter(b, "pii", "blocked")));
  auto d = this->run(this->store->lease_deliveries(1));
  ASSERT_TRUE(this->run(this->store->dead_letter_delivery(d[0], 400, "bad request")));
  EXPECT_EQ(this->run(this->store->dead_letters()).size(), 2u);

  EXPECT_EQ(this->run(this->store->replay({}, true)), 2u);
  EXPECT_EQ(this->state_of("a"), State::delivering);
  EXPECT_EQ(this->state_of("b"), State::pending);
  EXPECT_EQ(this->run(this->store->replay({}, true)), 0u);
}

TYPED_TEST(OutboxContract, HeldDeliveriesAreNotLeasedUntilReleasedEvenAfterReopen) {
  this->run(this->store->hold_deliveries("410 Gone from https://crm.example/ingest"));
  EXPECT_TRUE(this->run(this->store->lease_deliveries(10)).empty());
  EXPECT_EQ(this->run(this->store->outbox_depth()), 2);  // held, not dropped

  this->reopen();
  EXPECT_EQ(this->run(this->store->held_reason()), "410 Gone from https://crm.example/ingest");
  EXPECT_TRUE(this->run(this->store->lease_deliveries(10)).empty());

  this->run(this->store->release_held());
  EXPECT_FALSE(this->run(this->store->held_reason()).has_value());
  EXPECT_EQ(this->run(this->store->lease_deliveries(10)).size(), 2u);
}

TYPED_TEST(OutboxContract, ReturnAllLeasesMakesDeliveriesDueAtOnce) {
  ASSERT_EQ(this->run(this->store->lease_deliveries(10)).size(), 2u);
  EXPECT_EQ(this->run(this->store->return_all_leases()), 0u);  // no fetch leases
  EXPECT_EQ(this->run(this->store->lease_deliveries(10)).size(), 2u);
}

TYPED_TEST(OutboxContract, SettingsPersist) {
  EXPECT_FALSE(this->run(this->store->setting("crm.disabled_url")).has_value());
  this->run(this->store->set_setting("crm.disabled_url", "https://old"));
  this->run(this->store->set_setting("crm.disabled_url", "https://new"));
  this->reopen();
  EXPECT_EQ(this->run(this->store->setting("crm.disabled_url")), "https://new");
}
