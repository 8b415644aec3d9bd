// The admin console's read-only views: recent failures and settled-per-minute.
#include <gmock/gmock.h>

#include "store_fixture.hpp"

using namespace insightd::queue;
using namespace std::chrono_literals;
using insightd::queue::testing::StoreTest;

class ConsoleViewsTest : public StoreTest {
 protected:
  // Fetched into one part, then dead by delivery on its second attempt (a 503, then a 422).
  void dead_by_delivery(const std::string& id, const std::string& audit_context) {
    ASSERT_TRUE(run(store->complete(lease_one(id), {message(id, 1, 1)}, audit_context)));
    auto d = run(store->lease_deliveries(1));
    ASSERT_EQ(d.size(), 1u);
    run(store->retry_delivery(d[0], clock.now(), 503, "service unavailable"));
    d = run(store->lease_deliveries(1));
    ASSERT_EQ(d.size(), 1u);
    ASSERT_TRUE(run(store->dead_letter_delivery(d[0], 422, "CRM rejected it: 422")).has_value());
  }

  void done(const std::string& id) { ASSERT_TRUE(run(store->complete(lease_one(id), {}, "{}"))); }
};

TEST_F(ConsoleViewsTest, RecentFailuresListFailedAndDeadNewestFirstWithinTheLimit) {
  ASSERT_TRUE(run(store->fail(lease_one("f1"), "HTTP 404 (correlation id c-404)")));
  clock.advance(1s);
  done("ok");
  clock.advance(1s);
  dead_by_delivery("d1", R"({"correlation_id":"corr-d1","webhook_id":"wh"})");
  clock.advance(1s);
  ASSERT_TRUE(run(store->dead_letter(lease_one("p1"), "pii", "blocked: email")));

  auto all = run(store->recent_failures(10));
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
      std::chrono::duration_cast<std::chrono::milliseconds>(clock.now().time_since_epoch()).count() - 1000);

  EXPECT_EQ(all[2].interaction_id, "f1");
  EXPECT_EQ(all[2].state, State::failed);
  EXPECT_EQ(all[2].kind, "");
  EXPECT_EQ(all[2].attempts, 1);
  EXPECT_EQ(all[2].last_error, "HTTP 404 (correlation id c-404)");

  auto newest = run(store->recent_failures(2));
  ASSERT_EQ(newest.size(), 2u);
  EXPECT_EQ(newest[1].interaction_id, "d1");
}

TEST_F(ConsoleViewsTest, AnAuditContextThatIsNotJsonGivesNoCorrelationId) {
  dead_by_delivery("d1", "not json");
  auto all = run(store->recent_failures(10));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].correlation_id, "");
}

TEST_F(ConsoleViewsTest, SettledPerMinuteCountsByClockMinuteOldestFirst) {
  // Align to the start of a minute so the buckets are predictable.
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(clock.now().time_since_epoch());
  clock.advance(60000ms - ms % 60000ms);

  done("old");  // 3 minutes before the current one: outside a 3-minute window
  clock.advance(1min);
  done("a1");
  done("a2");
  ASSERT_TRUE(run(store->fail(lease_one("a3"), "x")));
  clock.advance(2min + 30s);
  dead_by_delivery("now", "{}");
  run(store->enqueue({"still-pending"}));  // not settled: not counted

  auto minutes = run(store->settled_per_minute(3));
  ASSERT_EQ(minutes.size(), 3u);
  EXPECT_EQ(minutes[0].done, 2);
  EXPECT_EQ(minutes[0].failed, 1);
  EXPECT_EQ(minutes[1].done, 0);
  EXPECT_EQ(minutes[1].failed, 0);
  EXPECT_EQ(minutes[2].done, 0);
  EXPECT_EQ(minutes[2].failed, 1);

  EXPECT_EQ(run(store->settled_per_minute(4))[0].done, 1);  // "old" is in a 4-minute window
  EXPECT_TRUE(run(store->settled_per_minute(0)).empty());
}
