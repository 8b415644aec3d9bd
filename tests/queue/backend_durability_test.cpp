// SPDX-License-Identifier: Apache-2.0
// What every backend keeps across a crash and a restart, and bulk.
#include <gmock/gmock.h>

#include "backend_factories.hpp"

using namespace insightd::queue;
using namespace std::chrono_literals;
using insightd::queue::testing::BackendFactories;
using insightd::queue::testing::BackendFactoryNames;
using insightd::queue::testing::message;

template <class Factory>
using DurabilityContract = insightd::queue::testing::BackendTest<Factory>;
TYPED_TEST_SUITE(DurabilityContract, BackendFactories, BackendFactoryNames);

TYPED_TEST(DurabilityContract, StateSurvivesACrashAndExpiredLeasesComeBack) {
  this->run(this->store->enqueue({"a", "b", "c", "d"}));
  auto leases = this->run(this->store->lease(3));  // a, b, c
  ASSERT_EQ(leases.size(), 3u);
  ASSERT_TRUE(this->run(this->store->complete(leases[0], {message("a", 1, 1, "body-a")}, "ctx-a")));
  ASSERT_TRUE(this->run(this->store->fail(leases[1], "404")));
  auto deliveries = this->run(this->store->lease_deliveries(10));
  ASSERT_EQ(deliveries.size(), 1u);

  this->reopen();  // no return_all_leases: as after kill -9
  auto c = this->run(this->store->counts());
  EXPECT_EQ(c.pending, 1);
  EXPECT_EQ(c.in_flight, 1);
  EXPECT_EQ(c.delivering, 1);
  EXPECT_EQ(c.failed, 1);
  EXPECT_EQ(c.outbox, 1);

  this->clock.advance(1min);
  EXPECT_EQ(this->run(this->store->lease(10)).size(), 1u);  // d; c's lease is still held by the dead process
  this->clock.advance(this->cfg.lease_timeout - 1min);
  auto back = this->run(this->store->lease(10));
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].interaction_id, "c");
  auto redelivery = this->run(this->store->lease_deliveries(10));
  ASSERT_EQ(redelivery.size(), 1u);
  EXPECT_EQ(redelivery[0].message.webhook_id, deliveries[0].message.webhook_id);
  EXPECT_EQ(redelivery[0].message.body, "body-a");
  auto finished = this->run(this->store->delivered(redelivery[0], 200));
  ASSERT_TRUE(finished);
  EXPECT_EQ(finished->audit_context, "ctx-a");
}

TYPED_TEST(DurabilityContract, TenThousandIdsInOneEnqueue) {
  std::vector<std::string> ids;
  for (int i = 0; i < 10'000; ++i) ids.push_back("interaction-" + std::to_string(i));
  auto r = this->run(this->store->enqueue(ids));
  EXPECT_EQ(r.added, 10'000u);
  EXPECT_EQ(this->run(this->store->counts()).pending, 10'000);
  EXPECT_EQ(this->run(this->store->enqueue(std::move(ids))).duplicates, 10'000u);
}
