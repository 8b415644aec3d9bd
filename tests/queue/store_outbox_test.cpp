// The outbox side: delivery leases, retries, dead letters, replay, holding.
#include <gmock/gmock.h>

#include "store_fixture.hpp"

using namespace insightd::queue;
using namespace std::chrono_literals;
using insightd::queue::testing::StoreTest;

class QueueOutboxTest : public StoreTest {
 protected:
  // "a" fetched into two parts, now owned by the outbox.
  void SetUp() override {
    StoreTest::SetUp();
    auto a = lease_one("a");
    ASSERT_TRUE(run(store->complete(
        a, {message("a", 1, 2, "{\"part\":1}"), message("a", 2, 2, "{\"part\":2}")}, "audit-a")));
  }
};

TEST_F(QueueOutboxTest, DeliveriesAreLeasedOnceWithTheirMessage) {
  auto first = run(store->lease_deliveries(1));
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].message.webhook_id, "wh_a_1");
  EXPECT_EQ(first[0].message.interaction_id, "a");
  EXPECT_EQ(first[0].message.part, 1);
  EXPECT_EQ(first[0].message.parts, 2);
  EXPECT_EQ(first[0].message.body, "{\"part\":1}");
  EXPECT_EQ(first[0].attempts, 0);

  auto rest = run(store->lease_deliveries(10));
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].message.webhook_id, "wh_a_2");
  EXPECT_TRUE(run(store->lease_deliveries(10)).empty());
  EXPECT_EQ(run(store->outbox_depth()), 2);  // leased rows are still undelivered
}

TEST_F(QueueOutboxTest, InteractionIsDoneWhenItsLastPartIsDelivered) {
  auto d = run(store->lease_deliveries(10));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_FALSE(run(store->delivered(d[1], 200)).has_value());
  EXPECT_EQ(state_of("a"), State::delivering);

  auto finished = run(store->delivered(d[0], 204));
  ASSERT_TRUE(finished);
  EXPECT_EQ(finished->interaction_id, "a");
  EXPECT_EQ(finished->state, State::done);
  EXPECT_EQ(finished->audit_context, "audit-a");
  EXPECT_EQ(state_of("a"), State::done);
  EXPECT_EQ(run(store->outbox_depth()), 0);
  EXPECT_FALSE(run(store->delivered(d[0], 200)).has_value());  // a repeat changes nothing
}

TEST_F(QueueOutboxTest, RetryCountsTheAttemptAndWaitsUntilNextAttempt) {
  auto d = run(store->lease_deliveries(1));
  ASSERT_EQ(d.size(), 1u);
  run(store->retry_delivery(d[0], clock.now() + 10s, 503, "service unavailable"));
  ASSERT_EQ(run(store->lease_deliveries(10)).size(), 1u);  // only part 2 is due

  clock.advance(10s);
  auto again = run(store->lease_deliveries(10));
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].message.webhook_id, d[0].message.webhook_id);
  EXPECT_EQ(again[0].attempts, 1);
  EXPECT_NE(again[0].lease_token, d[0].lease_token);
}

TEST_F(QueueOutboxTest, ExpiredDeliveryLeaseBecomesDueAndTheStaleHolderIsIgnored) {
  auto stale = run(store->lease_deliveries(1));
  ASSERT_EQ(stale.size(), 1u);
  run(store->lease_deliveries(1));  // part 2, so that only part 1 can come back
  clock.advance(cfg.lease_timeout - 1ms);
  EXPECT_TRUE(run(store->lease_deliveries(10)).empty());
  clock.advance(1ms);
  auto fresh = run(store->lease_deliveries(1));
  ASSERT_EQ(fresh.size(), 1u);
  EXPECT_EQ(fresh[0].message.webhook_id, stale[0].message.webhook_id);

  run(store->retry_delivery(stale[0], clock.now() + 1h, 500, "late report"));
  EXPECT_FALSE(run(store->dead_letter_delivery(stale[0], 400, "late report")).has_value());
  EXPECT_EQ(state_of("a"), State::delivering);
  // The fresh holder's retry still counts from 0.
  run(store->retry_delivery(fresh[0], clock.now(), 500, "x"));
  auto third = run(store->lease_deliveries(1));
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(third[0].attempts, 1);
}

TEST_F(QueueOutboxTest, DeadLetterThenReplayKeepsWebhookIdAndBody) {
  auto d = run(store->lease_deliveries(10));
  ASSERT_EQ(d.size(), 2u);
  run(store->retry_delivery(d[0], clock.now(), 500, "boom"));
  ASSERT_FALSE(run(store->delivered(d[1], 200)).has_value());
  auto retried = run(store->lease_deliveries(10));
  ASSERT_EQ(retried.size(), 1u);

  auto finished = run(store->dead_letter_delivery(retried[0], 422, "unprocessable entity"));
  ASSERT_TRUE(finished);
  EXPECT_EQ(finished->state, State::dead);
  EXPECT_EQ(finished->audit_context, "audit-a");
  EXPECT_EQ(state_of("a"), State::dead);

  auto dead = run(store->dead_letters());
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].interaction_id, "a");
  EXPECT_EQ(dead[0].attempts, 2);
  EXPECT_EQ(dead[0].last_status, 422);
  EXPECT_EQ(dead[0].last_error, "unprocessable entity");
  EXPECT_EQ(dead[0].kind, "delivery");
  EXPECT_EQ(run(store->counts()).dead, 1);

  EXPECT_EQ(run(store->replay({"a", "not-dead"}, false)), 1u);
  EXPECT_EQ(state_of("a"), State::delivering);
  auto replayed = run(store->lease_deliveries(10));
  ASSERT_EQ(replayed.size(), 1u);
  EXPECT_EQ(replayed[0].message.webhook_id, "wh_a_1");
  EXPECT_EQ(replayed[0].message.body, "{\"part\":1}");
  EXPECT_EQ(replayed[0].attempts, 0);
  auto done = run(store->delivered(replayed[0], 200));
  ASSERT_TRUE(done);
  EXPECT_EQ(done->state, State::done);
}

TEST_F(QueueOutboxTest, ReplayAllTakesEveryDeadInteraction) {
  auto b = lease_one("b");
  ASSERT_TRUE(run(store->dead_letter(b, "pii", "blocked")));
  auto d = run(store->lease_deliveries(1));
  ASSERT_TRUE(run(store->dead_letter_delivery(d[0], 400, "bad request")));
  EXPECT_EQ(run(store->dead_letters()).size(), 2u);

  EXPECT_EQ(run(store->replay({}, true)), 2u);
  EXPECT_EQ(state_of("a"), State::delivering);
  EXPECT_EQ(state_of("b"), State::pending);
  EXPECT_EQ(run(store->replay({}, true)), 0u);
}

TEST_F(QueueOutboxTest, HeldDeliveriesAreNotLeasedUntilReleasedEvenAfterReopen) {
  run(store->hold_deliveries("410 Gone from https://crm.example/ingest"));
  EXPECT_TRUE(run(store->lease_deliveries(10)).empty());
  EXPECT_EQ(run(store->outbox_depth()), 2);  // held, not dropped

  reopen();
  EXPECT_EQ(run(store->held_reason()), "410 Gone from https://crm.example/ingest");
  EXPECT_TRUE(run(store->lease_deliveries(10)).empty());

  run(store->release_held());
  EXPECT_FALSE(run(store->held_reason()).has_value());
  EXPECT_EQ(run(store->lease_deliveries(10)).size(), 2u);
}

TEST_F(QueueOutboxTest, ReturnAllLeasesMakesDeliveriesDueAtOnce) {
  ASSERT_EQ(run(store->lease_deliveries(10)).size(), 2u);
  EXPECT_EQ(run(store->return_all_leases()), 0u);  // no fetch leases
  EXPECT_EQ(run(store->lease_deliveries(10)).size(), 2u);
}

TEST_F(QueueOutboxTest, SettingsPersist) {
  EXPECT_FALSE(run(store->setting("crm.disabled_url")).has_value());
  run(store->set_setting("crm.disabled_url", "https://old"));
  run(store->set_setting("crm.disabled_url", "https://new"));
  reopen();
  EXPECT_EQ(run(store->setting("crm.disabled_url")), "https://new");
}
