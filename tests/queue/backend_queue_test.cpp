// SPDX-License-Identifier: Apache-2.0
// The work queue side of every backend: enqueue, lease, complete, fail,
// dead-letter, release.
#include <gmock/gmock.h>

#include "backend_factories.hpp"

using namespace insightd::queue;
using namespace std::chrono_literals;
using insightd::queue::testing::BackendFactories;
using insightd::queue::testing::BackendFactoryNames;
using insightd::queue::testing::message;
using ::testing::ElementsAre;

namespace {
std::vector<std::string> ids_of(const std::vector<Lease>& leases) {
  std::vector<std::string> ids;
  for (const auto& l : leases) ids.push_back(l.interaction_id);
  return ids;
}
}  // namespace

template <class Factory>
using QueueContract = insightd::queue::testing::BackendTest<Factory>;
TYPED_TEST_SUITE(QueueContract, BackendFactories, BackendFactoryNames);

TYPED_TEST(QueueContract, EnqueueCountsDuplicatesOfQueuedIdsIncludingWithinOneBatch) {
  auto first = this->run(this->store->enqueue({"a", "b", "a"}));
  EXPECT_EQ(first.added, 2u);
  EXPECT_EQ(first.duplicates, 1u);

  auto second = this->run(this->store->enqueue({"b", "c"}));
  EXPECT_EQ(second.added, 1u);
  EXPECT_EQ(second.duplicates, 1u);
  EXPECT_EQ(this->run(this->store->counts()).pending, 3);
}

TYPED_TEST(QueueContract, InFlightAndDeliveringIdsAreDuplicatesFinishedOnesAreRequeued) {
  auto a = this->lease_one("a");
  EXPECT_EQ(this->run(this->store->enqueue({"a"})).duplicates, 1u);  // in_flight

  ASSERT_TRUE(this->run(this->store->complete(a, {message("a", 1, 1)}, "ctx")));
  EXPECT_EQ(this->run(this->store->enqueue({"a"})).duplicates, 1u);  // delivering

  auto b = this->lease_one("b");
  ASSERT_TRUE(this->run(this->store->fail(b, "404 not found")));
  auto again = this->run(this->store->enqueue({"b"}));  // failed -> a new cycle
  EXPECT_EQ(again.added, 1u);
  auto info = this->run(this->store->interaction("b"));
  ASSERT_TRUE(info);
  EXPECT_EQ(info->state, State::pending);
  EXPECT_EQ(info->attempts, 0);
  EXPECT_EQ(info->last_error, "");
}

TYPED_TEST(QueueContract, DelayedEnqueueIsNotLeasedBeforeItsDelay) {
  EXPECT_EQ(this->run(this->store->enqueue({"late"}, {.not_before_delay = 60s})).added, 1u);
  EXPECT_TRUE(this->run(this->store->lease(10)).empty());
  EXPECT_EQ(this->run(this->store->count_parked(30s)), 1);
  this->clock.advance(59s);
  EXPECT_TRUE(this->run(this->store->lease(10)).empty());
  this->clock.advance(1s);
  EXPECT_THAT(ids_of(this->run(this->store->lease(10))), ElementsAre("late"));
}

TYPED_TEST(QueueContract, WithoutRequeueFinishedEveryKnownIdIsADuplicate) {
  const EnqueueOptions intake{.not_before_delay = 0ms, .requeue_finished = false};
  auto a = this->lease_one("a");
  ASSERT_TRUE(this->run(this->store->fail(a, "404 not found")));
  auto again = this->run(this->store->enqueue({"a", "new"}, intake));
  EXPECT_EQ(again.added, 1u);
  EXPECT_EQ(again.duplicates, 1u);
  EXPECT_EQ(this->run(this->store->interaction("a"))->state, State::failed);
  EXPECT_EQ(this->run(this->store->enqueue({"a"})).added, 1u);  // the default still starts a new cycle
}

TYPED_TEST(QueueContract, RequeueingADoneInteractionDropsItsOldOutboxRows) {
  auto a = this->lease_one("a");
  ASSERT_TRUE(this->run(this->store->complete(a, {message("a", 1, 1)}, "")));
  auto deliveries = this->run(this->store->lease_deliveries(10));
  ASSERT_EQ(deliveries.size(), 1u);
  ASSERT_TRUE(this->run(this->store->delivered(deliveries[0], 200)));
  EXPECT_EQ(this->run(this->store->enqueue({"a"})).added, 1u);
  EXPECT_EQ(this->run(this->store->interaction("a"))->outbox_parts, 0);

  // The new cycle may reuse the same webhook-id scheme without a conflict.
  auto again = this->run(this->store->lease(1));
  ASSERT_EQ(again.size(), 1u);
  EXPECT_TRUE(this->run(this->store->complete(again[0], {message("a", 1, 1)}, "")));
}

TYPED_TEST(QueueContract, LeaseTakesOldestFirstAndAtMostMax) {
  this->run(this->store->enqueue({"c", "a", "b"}));
  this->clock.advance(1s);
  this->run(this->store->enqueue({"e", "d"}));

  auto first = this->run(this->store->lease(2));
  EXPECT_THAT(ids_of(first), ElementsAre("c", "a"));
  for (const auto& l : first) {
    EXPECT_EQ(l.attempt, 1);
    EXPECT_FALSE(l.lease_token.empty());
  }
  EXPECT_NE(first[0].lease_token, first[1].lease_token);
  EXPECT_THAT(ids_of(this->run(this->store->lease(10))), ElementsAre("b", "e", "d"));
  EXPECT_TRUE(this->run(this->store->lease(10)).empty());
  EXPECT_TRUE(this->run(this->store->lease(0)).empty());

  auto counts = this->run(this->store->counts());
  EXPECT_EQ(counts.pending, 0);
  EXPECT_EQ(counts.in_flight, 5);
}

TYPED_TEST(QueueContract, ExpiredLeaseReturnsToPendingAndIsLeasedAgainFirst) {
  auto a = this->lease_one("a");
  this->run(this->store->enqueue({"b"}));
  this->clock.advance(this->cfg.lease_timeout - 1ms);
  EXPECT_THAT(ids_of(this->run(this->store->lease(1))), ElementsAre("b"));
  EXPECT_TRUE(this->run(this->store->lease(1)).empty());  // a is still leased

  this->clock.advance(1ms);
  auto again = this->run(this->store->lease(1));
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].interaction_id, "a");
  EXPECT_EQ(again[0].attempt, 2);
  EXPECT_NE(again[0].lease_token, a.lease_token);
}

TYPED_TEST(QueueContract, ACycleKeepsItsKeyAcrossLeasesAndGetsANewOneWhenQueuedAgain) {
  // Webhook ids derive from the key: a cycle redone after a crash must resend the same ids.
  auto first = this->lease_one("a");
  EXPECT_EQ(first.cycle_key.size(), 32u);
  this->clock.advance(this->cfg.lease_timeout);  // the holder died
  auto again = this->run(this->store->lease(1));
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].cycle_key, first.cycle_key);
  ASSERT_TRUE(this->run(this->store->release(again[0], 0ms, "not ready")));
  auto third = this->run(this->store->lease(1));
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(third[0].cycle_key, first.cycle_key);
  // Reopening the storage keeps it too.
  this->reopen();
  ASSERT_TRUE(this->run(this->store->complete(third[0], {}, "")));

  // Queued again once done: a new delivery, with new ids.
  auto next = this->lease_one("a");
  EXPECT_EQ(next.cycle_key.size(), 32u);
  EXPECT_NE(next.cycle_key, first.cycle_key);
  EXPECT_NE(this->lease_one("b").cycle_key, next.cycle_key);
}

TYPED_TEST(QueueContract, CompleteAttemptedLeasesTheAttemptedRowToTheCaller) {
  auto a = this->lease_one("a");
  auto attempted =
      this->run(this->store->complete_attempted(a, {message("a", 2, 3), message("a", 3, 3)}, "ctx"));
  ASSERT_TRUE(attempted);
  EXPECT_EQ(attempted->message.webhook_id, "wh_a_2");
  EXPECT_EQ(attempted->attempts, 0);
  EXPECT_EQ(this->state_of("a"), State::delivering);
  EXPECT_EQ(this->run(this->store->outbox_depth()), 2);
  // Only the untried part is handed to the workers; the tried one waits for its record.
  auto due = this->run(this->store->lease_deliveries(10));
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].message.webhook_id, "wh_a_3");

  this->run(this->store->retry_delivery(*attempted, this->clock.now(), 503, "HTTP 503"));
  auto retried = this->run(this->store->lease_deliveries(10));
  ASSERT_EQ(retried.size(), 1u);
  EXPECT_EQ(retried[0].message.webhook_id, "wh_a_2");
  EXPECT_EQ(retried[0].attempts, 1);  // the attempt made before the row existed counts
  EXPECT_FALSE(this->run(this->store->delivered(due[0], 200)));
  auto finished = this->run(this->store->delivered(retried[0], 200));
  ASSERT_TRUE(finished);
  EXPECT_EQ(finished->audit_context, "ctx");  // part 1 was accepted at once and never stored
}

TYPED_TEST(QueueContract, CompleteAttemptedWithALostLeaseWritesNothing) {
  auto stale = this->lease_one("a");
  this->clock.advance(this->cfg.lease_timeout);
  ASSERT_EQ(this->run(this->store->lease(1)).size(), 1u);
  EXPECT_FALSE(this->run(this->store->complete_attempted(stale, {message("a", 1, 1)}, "")));
  EXPECT_EQ(this->run(this->store->outbox_depth()), 0);
  EXPECT_EQ(this->state_of("a"), State::in_flight);
}

TYPED_TEST(QueueContract, StaleLeaseTokenCannotFinishAReleasedInteraction) {
  auto stale = this->lease_one("a");
  this->clock.advance(this->cfg.lease_timeout);
  auto fresh = this->run(this->store->lease(1));
  ASSERT_EQ(fresh.size(), 1u);

  EXPECT_FALSE(this->run(this->store->complete(stale, {message("a", 1, 1)}, "")));
  EXPECT_FALSE(this->run(this->store->fail(stale, "x")));
  EXPECT_FALSE(this->run(this->store->dead_letter(stale, "pii", "x")));
  EXPECT_FALSE(this->run(this->store->release(stale, 0ms, "x")));
  EXPECT_EQ(this->state_of("a"), State::in_flight);
  EXPECT_EQ(this->run(this->store->outbox_depth()), 0);

  EXPECT_TRUE(this->run(this->store->complete(fresh[0], {message("a", 1, 1)}, "")));
  EXPECT_EQ(this->state_of("a"), State::delivering);
  EXPECT_FALSE(this->run(this->store->complete(fresh[0], {}, "")));  // a lease finishes once
}

TYPED_TEST(QueueContract, CompleteWithoutMessagesIsDoneAtOnce) {
  auto a = this->lease_one("a");
  EXPECT_TRUE(this->run(this->store->complete(a, {}, "ctx")));
  EXPECT_EQ(this->state_of("a"), State::done);
}

TYPED_TEST(QueueContract, CompleteIsAllOrNothingWhenAnOutboxInsertFails) {
  auto a = this->lease_one("a");
  // The second row violates the unique webhook_id: the first must not remain.
  auto clash = message("a", 2, 2);
  clash.webhook_id = message("a", 1, 2).webhook_id;
  EXPECT_THROW(this->run(this->store->complete(a, {message("a", 1, 2), clash}, "")), std::runtime_error);
  EXPECT_EQ(this->state_of("a"), State::in_flight);
  EXPECT_EQ(this->run(this->store->outbox_depth()), 0);
  EXPECT_EQ(this->run(this->store->interaction("a"))->outbox_parts, 0);

  // A message for another interaction is a bug in the caller, also rolled back.
  EXPECT_THROW(this->run(this->store->complete(a, {message("a", 1, 2), message("other", 2, 2)}, "")),
               std::invalid_argument);
  EXPECT_EQ(this->run(this->store->outbox_depth()), 0);

  EXPECT_TRUE(this->run(this->store->complete(a, {message("a", 1, 2), message("a", 2, 2)}, "")));
  EXPECT_EQ(this->run(this->store->outbox_depth()), 2);
}

TYPED_TEST(QueueContract, FailRecordsTheReason) {
  auto a = this->lease_one("a");
  EXPECT_TRUE(this->run(this->store->fail(a, "404: interaction not found")));
  auto info = this->run(this->store->interaction("a"));
  ASSERT_TRUE(info);
  EXPECT_EQ(info->state, State::failed);
  EXPECT_EQ(info->last_error, "404: interaction not found");
  EXPECT_EQ(
      info->updated_at_ms,
      std::chrono::duration_cast<std::chrono::milliseconds>(this->clock.now().time_since_epoch()).count());
}

TYPED_TEST(QueueContract, PiiDeadLetterStoresNoOutboxAndReplayRefetches) {
  auto a = this->lease_one("a");
  EXPECT_TRUE(this->run(this->store->dead_letter(a, "pii", "blocked: email")));
  EXPECT_EQ(this->state_of("a"), State::dead);
  EXPECT_EQ(this->run(this->store->interaction("a"))->outbox_parts, 0);

  auto dead = this->run(this->store->dead_letters());
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].kind, "pii");
  EXPECT_EQ(dead[0].attempts, 1);
  EXPECT_EQ(dead[0].last_status, 0);
  EXPECT_EQ(dead[0].last_error, "blocked: email");

  EXPECT_EQ(this->run(this->store->replay({"a"}, false)), 1u);
  EXPECT_EQ(this->state_of("a"), State::pending);
  EXPECT_TRUE(this->run(this->store->dead_letters()).empty());
  EXPECT_THAT(ids_of(this->run(this->store->lease(1))), ElementsAre("a"));
}

TYPED_TEST(QueueContract, ReleaseWaitsForNotBefore) {
  auto a = this->lease_one("a");
  EXPECT_TRUE(this->run(this->store->release(a, 30s, "429 long window")));
  EXPECT_EQ(this->state_of("a"), State::pending);
  EXPECT_EQ(this->run(this->store->interaction("a"))->last_error, "429 long window");
  this->clock.advance(30s - 1ms);
  EXPECT_TRUE(this->run(this->store->lease(1)).empty());
  this->clock.advance(1ms);
  EXPECT_THAT(ids_of(this->run(this->store->lease(1))), ElementsAre("a"));
}

// The retry clock starts at the first release of a cycle and survives later
// leases and releases; a new cycle (queued again, replayed) starts without it.
TYPED_TEST(QueueContract, ReleaseStartsTheRetryClockOnceAndANewCycleClearsIt) {
  auto a = this->lease_one("a");
  EXPECT_EQ(a.retrying_since_ms, 0);
  const auto first_release = this->clock.now();
  ASSERT_TRUE(this->run(this->store->release(a, 0ms, "HTTP 503")));
  this->clock.advance(10s);
  auto again = this->run(this->store->lease(1));
  ASSERT_EQ(again.size(), 1u);
  const auto since =
      std::chrono::system_clock::time_point(std::chrono::milliseconds(again[0].retrying_since_ms));
  EXPECT_EQ(since, first_release);
  ASSERT_TRUE(this->run(this->store->release(again[0], 0ms, "HTTP 503 again")));
  auto third = this->run(this->store->lease(1));
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(third[0].retrying_since_ms, again[0].retrying_since_ms);  // not restarted

  ASSERT_TRUE(this->run(this->store->dead_letter(third[0], "transient", "gave up")));
  ASSERT_EQ(this->run(this->store->replay({"a"}, false)), 1u);
  auto replayed = this->run(this->store->lease(1));
  ASSERT_EQ(replayed.size(), 1u);
  EXPECT_EQ(replayed[0].retrying_since_ms, 0);
}

TYPED_TEST(QueueContract, AHugeReleaseDelaySaturatesInsteadOfWrappingToNow) {
  auto a = this->lease_one("a");
  ASSERT_TRUE(this->run(this->store->release(a, std::chrono::milliseconds::max(), "Retry-After near 2^63")));
  this->clock.advance(std::chrono::hours(24 * 365));
  EXPECT_TRUE(this->run(this->store->lease(1)).empty());
}

// Without renewal a cycle longer than lease_timeout was leased a second time
// while it still ran (two cycles of one interaction at once).
TYPED_TEST(QueueContract, RenewedLeasesAreNotTakenAgainWhileUnrenewedOnesExpire) {
  this->run(this->store->enqueue({"a", "b"}));
  auto mine = this->run(this->store->lease(1));
  ASSERT_THAT(ids_of(mine), ElementsAre("a"));
  auto other = this->open_store();  // a second daemon on the storage
  auto theirs = this->run(other->lease(1));
  ASSERT_THAT(ids_of(theirs), ElementsAre("b"));

  for (int beat = 0; beat < 6; ++beat) {  // two lease timeouts, renewed every third
    this->clock.advance(this->cfg.lease_timeout / 3);
    EXPECT_EQ(this->run(this->store->renew_leases()), 1u);  // renews only its own lease
  }
  // b's holder stopped renewing (it died): b comes back; a does not.
  EXPECT_THAT(ids_of(this->run(this->store->lease(5))), ElementsAre("b"));
  EXPECT_EQ(this->state_of("a"), State::in_flight);
  EXPECT_TRUE(this->run(this->store->complete(mine[0], {}, "")));  // the original lease is still valid
}

TYPED_TEST(QueueContract, RenewingKeepsALeasedDeliveryFromBeingLeasedAgain) {
  auto a = this->lease_one("a");
  ASSERT_TRUE(this->run(this->store->complete(a, {message("a", 1, 1)}, "")));
  auto deliveries = this->run(this->store->lease_deliveries(1));
  ASSERT_EQ(deliveries.size(), 1u);
  this->clock.advance(this->cfg.lease_timeout - 1s);
  this->run(this->store->renew_leases());
  this->clock.advance(this->cfg.lease_timeout - 1s);
  EXPECT_TRUE(this->run(this->store->lease_deliveries(1)).empty());
  this->clock.advance(1s);
  EXPECT_EQ(this->run(this->store->lease_deliveries(1)).size(), 1u);  // no longer renewed: due again
}

TYPED_TEST(QueueContract, CountParkedCountsPendingIdsNotDueWithinTheHorizon) {
  this->run(this->store->enqueue({"due", "soon", "parked"}));
  auto leases = this->run(this->store->lease(3));
  ASSERT_EQ(leases.size(), 3u);
  ASSERT_TRUE(this->run(this->store->release(leases[0], 0ms, "not ready")));
  ASSERT_TRUE(this->run(this->store->release(leases[1], 2min, "429")));
  ASSERT_TRUE(this->run(this->store->release(leases[2], 10min, "429 long window")));
  EXPECT_EQ(this->run(this->store->count_parked(2min)), 1);
  EXPECT_EQ(this->run(this->store->count_parked(1min)), 2);
  this->clock.advance(9min);
  EXPECT_EQ(this->run(this->store->count_parked(2min)), 0);
}

TYPED_TEST(QueueContract, ReturnAllLeasesReturnsOnlyThisStoresLeases) {
  this->run(this->store->enqueue({"a", "b", "c"}));
  auto mine = this->run(this->store->lease(2));
  auto other = this->open_store();  // a second daemon on the storage
  auto theirs = this->run(other->lease(1));
  ASSERT_THAT(ids_of(theirs), ElementsAre("c"));

  EXPECT_EQ(this->run(this->store->return_all_leases()), 2u);
  auto counts = this->run(this->store->counts());
  EXPECT_EQ(counts.pending, 2);
  EXPECT_EQ(counts.in_flight, 1);
  EXPECT_EQ(this->state_of("c"), State::in_flight);
  EXPECT_THAT(ids_of(this->run(this->store->lease(5))),
              ElementsAre("a", "b"));  // at once, no lease_timeout wait
}

TYPED_TEST(QueueContract, CountsEveryState) {
  this->lease_one("flying");
  auto d = this->lease_one("delivering");
  ASSERT_TRUE(
      this->run(this->store->complete(d, {message("delivering", 1, 2), message("delivering", 2, 2)}, "")));
  ASSERT_TRUE(this->run(this->store->complete(this->lease_one("done"), {}, "")));
  ASSERT_TRUE(this->run(this->store->fail(this->lease_one("failed"), "x")));
  ASSERT_TRUE(this->run(this->store->dead_letter(this->lease_one("dead"), "pii", "x")));
  this->run(this->store->enqueue({"pending1", "pending2"}));

  auto c = this->run(this->store->counts());
  EXPECT_EQ(c.pending, 2);
  EXPECT_EQ(c.in_flight, 1);
  EXPECT_EQ(c.delivering, 1);
  EXPECT_EQ(c.done, 1);
  EXPECT_EQ(c.failed, 1);
  EXPECT_EQ(c.dead, 1);
  EXPECT_EQ(c.outbox, 2);
}

TYPED_TEST(QueueContract, UnknownInteractionHasNoInfo) {
  EXPECT_FALSE(this->run(this->store->interaction("nope")).has_value());
}
