// SPDX-License-Identifier: Apache-2.0
// The admin console's read-only views on every backend: recent failures and
// settled-per-minute.
#include <gmock/gmock.h>

#include "backend_factories.hpp"

using namespace insightd::queue;
using namespace std::chrono_literals;
using insightd::queue::testing::BackendFactories;
using insightd::queue::testing::BackendFactoryNames;
using insightd::queue::testing::BackendTest;
using insightd::queue::testing::message;

template <class Factory>
class ConsoleViewsContract : public BackendTest<Factory> {
 protected:
  // Fetched into one part, then dead by delivery on its second attempt (a 503, then a 422).
  void dead_by_delivery(const std::string& id, const std::string& audit_context) {
    ASSERT_TRUE(this->run(this->store->complete(this->lease_one(id), {message(id, 1, 1)}, audit_context)));
    auto d = this->run(this->store->lease_deliveries(1));
    ASSERT_EQ(d.size(), 1u);
    this->run(this->store->retry_delivery(d[0], this->clock.now(), 503, "service unavailable"));
    d = this->run(this->store->lease_deliveries(1));
    ASSERT_EQ(d.size(), 1u);
    ASSERT_TRUE(this->run(this->store->dead_letter_delivery(d[0], 422, "CRM rejected it: 422")).has_value());
  }

  void done(const std::string& id) {
    ASSERT_TRUE(this->run(this->store->complete(this->lease_one(id), {}, "{}")));
  }
};
TYPED_TEST_SUITE(ConsoleViewsContract, BackendFactories, BackendFactoryNames);

TYPED_TEST(ConsoleViewsContract, RecentFailuresListFailedAndDeadNewestFirstWithinTheLimit) {
  ASSERT_TRUE(this->run(this->store->fail(this->lease_one("f1"), "HTTP 404 (correlation id c-404)")));
  this->clock.advance(1s);
  this->done("ok");
  this->clock.advance(1s);
  this->dead_by_delivery("d1", R"({"correlation_id":"corr-d1","webhook_id":"wh"})");
  this->clock.advance(1s);
  ASSERT_TRUE(this->run(this->store->dead_letter(this->lease_one("p1"), "pii", "blocked: email")));

  auto all = this->run(this->store->recent_failures(10));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].interaction_id, "p1");
  EXPECT_EQ(all[0].state, State::dead);
  EXPECT_EQ(all[0].kind, "pii");
  EXPECT_EQ(all[0].last_error, "blocked: email");
  EXPECT_EQ(all[0].correlation_id, "");  // no audit context for a PII block

  EXPECT_EQ(all[1].interaction_id, "d1");
  EXPECT_EQ(all[1].kind, "delivery");
  EXPECT_EQ(all[1].attempts, 2);  // delivery attempts, as `dead-letters list` counts them
  EXPECT_EQ(all[1].last_status, 422);
  EXPECT_EQ(all[1].correlation_id, "corr-d1");
  EXPECT_EQ(
      all[1].updated_at_ms,
      std::chrono::duration_cast<std::chrono::milliseconds>(this->clock.now().time_since_epoch()).count() -
          1000);

  EXPECT_EQ(all[2].interaction_id, "f1");
  EXPECT_EQ(all[2].state, State::failed);
  EXPECT_EQ(all[2].kind, "");
  EXPECT_EQ(all[2].attempts, 1);
  EXPECT_EQ(all[2].last_error, "HTTP 404 (correlation id c-404)");

  auto newest = this->run(this->store->recent_failures(2));
  ASSERT_EQ(newest.size(), 2u);
  EXPECT_EQ(newest[1].interaction_id, "d1");
}

TYPED_TEST(ConsoleViewsContract, AnAuditContextThatIsNotJsonGivesNoCorrelationId) {
  this->dead_by_delivery("d1", "not json");
  auto all = this->run(this->store->recent_failures(10));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].correlation_id, "");
}

TYPED_TEST(ConsoleViewsContract, SettledPerMinuteCountsByClockMinuteOldestFirst) {
  // Align to the start of a minute so the buckets are predictable.
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(this->clock.now().time_since_epoch());
  this->clock.advance(60000ms - ms % 60000ms);

  this->done("old");  // 3 minutes before the current one: outside a 3-minute window
  this->clock.advance(1min);
  this->done("a1");
  this->done("a2");
  ASSERT_TRUE(this->run(this->store->fail(this->lease_one("a3"), "x")));
  this->clock.advance(2min + 30s);
  this->dead_by_delivery("now", "{}");
  this->run(this->store->enqueue({"still-pending"}));  // not settled: not counted

  auto minutes = this->run(this->store->settled_per_minute(3));
  ASSERT_EQ(minutes.size(), 3u);
  EXPECT_EQ(minutes[0].done, 2);
  EXPECT_EQ(minutes[0].failed, 1);
  EXPECT_EQ(minutes[1].done, 0);
  EXPECT_EQ(minutes[1].failed, 0);
  EXPECT_EQ(minutes[2].done, 0);
  EXPECT_EQ(minutes[2].failed, 1);

  EXPECT_EQ(this->run(this->store->settled_per_minute(4))[0].done, 1);  // "old" is in a 4-minute window
  EXPECT_TRUE(this->run(this->store->settled_per_minute(0)).empty());
}
