// SPDX-License-Identifier: Apache-2.0
// The lease loop: the fetch-slot and settling bounds, back-pressure, drain,
// the pauses (backend unreachable, no access token), leases given back at
// shutdown and after a cycle that could not store its outcome, and one cycle
// per interaction at a time.
#include "insightd/pipeline/scheduler.hpp"

#include <gtest/gtest.h>

#include "pipeline/pipeline_fixture.hpp"

namespace insightd::pipeline::testing {
namespace {

using namespace std::chrono_literals;
using queue::State;

class SchedulerTest : public PipelineTest {
 protected:
  // The scheduler on the test's stages, started: run() goes on in the background.
  void start(bool drain = false, bool with_first_attempt = true) {
    processor = make_processor(with_first_attempt);
    shared_config = std::make_shared<const Config>(config);
    SchedulerOptions options;
    options.drain = drain;
    options.poll_interval = 5ms;
    options.backend_backoff = BackoffPolicy{1ms, 2ms};
    options.give_back_backoff = BackoffPolicy{1ms, 2ms};
    options.clock = [this] { return steady_now; };
    options.between_rounds = [this] { return count_round(&rounds); };
    scheduler = std::make_unique<Scheduler>(io.get_executor(), *backend, *backend,
                                            Generation{shared_config, processor.get(), tokens_in_use},
                                            std::move(options));
    boost::asio::co_spawn(io, scheduler->run(), [this](std::exception_ptr e, Scheduler::Ended how) {
      if (e) std::rethrow_exception(e);
      ended = how;
    });
  }

  static awaitable<void> count_round(int* rounds) {
    ++*rounds;
    co_return;
  }

  // A few more rounds of the loop than so far: what has not happened by then is not happening.
  void let_it_settle() {
    const int target = rounds + 5;
    ASSERT_TRUE(run_until([&] { return rounds >= target; }));
  }
  bool counts_reach(std::function<bool(const queue::Counts&)> condition) {
    return run_until([&] { return condition(counts()); });
  }
  void stop() {
    scheduler->stop();
    ASSERT_TRUE(run_until([&] { return ended.has_value(); }));
    EXPECT_EQ(*ended, Scheduler::Ended::stopped);
  }

  std::shared_ptr<const Config> shared_config;
  std::unique_ptr<InteractionProcessor> processor;
  ScriptedTokens tokens;
  AccessTokens* tokens_in_use = nullptr;
  std::chrono::steady_clock::time_point steady_now{std::chrono::hours(1)};
  std::unique_ptr<Scheduler> scheduler;
  std::optional<Scheduler::Ended> ended;
  int rounds = 0;
};

TEST_F(SchedulerTest, FetchesAtMostConcurrencyAtOnceAndLeasesOneRoundAhead) {
  config.genesys.concurrency = 2;
  fetch.hold = true;
  enqueue({"a", "b", "c", "d", "e", "f"});
  start();

  ASSERT_TRUE(counts_reach([](const queue::Counts& c) { return c.in_flight == 4; }));
  let_it_settle();
  EXPECT_EQ(fetch.calls.size(), 2u);  // two fetching, two leased ahead
  EXPECT_EQ(fetch.max_in_progress, 2);
  EXPECT_EQ(counts().in_flight, 4);

  fetch.gates.release_one();  // a slot frees: the next leased-ahead cycle starts at once
  ASSERT_TRUE(run_until([&] { return fetch.calls.size() == 3; }));
  EXPECT_EQ(fetch.max_in_progress, 2);

  fetch.hold = false;
  fetch.gates.release_all();
  ASSERT_TRUE(counts_reach([](const queue::Counts& c) { return c.done == 6; }));
  EXPECT_EQ(fetch.max_in_progress, 2);
  EXPECT_EQ(audits.size(), 6u);
  stop();
}

TEST_F(SchedulerTest, SettlingCyclesAreBoundedPerFetchSlot) {
  config.genesys.concurrency = 1;
  first_attempt.hold = true;  // every cycle settles (waits on the CRM) after its fetch
  enqueue({"a", "b", "c", "d", "e", "f", "g", "h"});
  start();

  const auto bound = static_cast<std::size_t>(Scheduler::kSettlingBoundPerSlot);
  ASSERT_TRUE(run_until([&] { return first_attempt.gates.waiting() == bound; }));
  let_it_settle();
  EXPECT_EQ(fetch.calls.size(), bound);  // the slot is free, but settling is full
  EXPECT_EQ(scheduler->fetching(), 0);
  EXPECT_EQ(scheduler->active_cycles(), Scheduler::kSettlingBoundPerSlot);

  first_attempt.gates.release_one();
  ASSERT_TRUE(run_until([&] { return fetch.calls.size() == bound + 1; }));

  first_attempt.hold = false;
  first_attempt.gates.release_all();
  ASSERT_TRUE(counts_reach([](const queue::Counts& c) { return c.done == 8; }));
  stop();
}

TEST_F(SchedulerTest, AFullOutboxStopsLeasingUntilItDrains) {
  config.crm.queue_capacity = 1;
  auto first = lease_one("x");
  ASSERT_TRUE(run(backend->complete(first, {queue::OutboxMessage{"wh_x", "x", 1, 1, "{}"}}, "")));
  enqueue({"a", "b", "c"});
  start();

  let_it_settle();
  EXPECT_GT(backend->outbox_depth_calls, 0);
  EXPECT_EQ(backend->lease_calls, 1);  // the one of lease_one() above
  EXPECT_EQ(counts().pending, 3);
  EXPECT_TRUE(fetch.calls.empty());

  auto row = run(backend->lease_deliveries(1));
  ASSERT_EQ(row.size(), 1u);
  ASSERT_TRUE(run(backend->delivered(row[0], 200)).has_value());
  scheduler->wake();
  ASSERT_TRUE(counts_reach([](const queue::Counts& c) { return c.done == 4; }));
  stop();
}

TEST_F(SchedulerTest, DrainEndsOnceTheQueueIsEmpty) {
  enqueue({"a", "b", "c"});
  start(true);
  ASSERT_TRUE(run_until([&] { return ended.has_value(); }));
  EXPECT_EQ(*ended, Scheduler::Ended::drained);
  EXPECT_EQ(counts().done, 3);
}

TEST_F(SchedulerTest, DrainLeavesWorkParkedUntilItsRateWindow) {
  answer = [this](const std::string& id) {
    if (id != "limited") return ok(id);
    auto r = outcome(Outcome::long_window_limited, "429 Retry-After 3600");
    r.retry_after = 3600s;
    return r;
  };
  enqueue({"a", "limited"});
  start(true);
  ASSERT_TRUE(run_until([&] { return ended.has_value(); }));
  EXPECT_EQ(*ended, Scheduler::Ended::drained);
  const auto c = counts();
  EXPECT_EQ(c.done, 1);
  EXPECT_EQ(c.pending, 1);
}

TEST_F(SchedulerTest, DrainWaitsForDeliveriesAndEndsWhenTheyAreHeld) {
  enqueue({"a"});
  start(true, false);  // everything goes to the outbox
  ASSERT_TRUE(counts_reach([](const queue::Counts& c) { return c.delivering == 1; }));
  let_it_settle();
  EXPECT_FALSE(ended.has_value());  // a delivery is still to be made

  run(backend->hold_deliveries("410 Gone from the CRM"));
  ASSERT_TRUE(run_until([&] { return ended.has_value(); }));
  EXPECT_EQ(*ended, Scheduler::Ended::drained_held);
}

TEST_F(SchedulerTest, AnUnreachableBackendPausesLeasingWithBackoffAndSaysWhy) {
  backend->failing_leases = 3;
  enqueue({"a", "b"});
  start();

  ASSERT_TRUE(
      run_until([&] { return backend->lease_calls >= 1 && scheduler->not_ready_reason().has_value(); }));
  EXPECT_NE(
      scheduler->not_ready_reason()->find("queue backend unavailable, leasing paused: redis: connection "
                                          "refused (test)"),
      std::string::npos)
      << *scheduler->not_ready_reason();
  ASSERT_TRUE(counts_reach([](const queue::Counts& c) { return c.done == 2; }));
  EXPECT_GE(backend->lease_calls, 4);
  EXPECT_FALSE(scheduler->not_ready_reason().has_value());
  stop();
}

TEST_F(SchedulerTest, NoAccessTokenPausesLeasingUntilTheNextTry) {
  tokens.available = false;
  tokens_in_use = &tokens;
  enqueue({"a"});
  start();

  ASSERT_TRUE(run_until([&] { return tokens.calls == 1; }));
  let_it_settle();
  ASSERT_TRUE(scheduler->not_ready_reason().has_value());
  EXPECT_NE(scheduler->not_ready_reason()->find("no access token, leasing paused: login refused (test)"),
            std::string::npos);
  tokens.available = true;
  scheduler->wake();
  let_it_settle();
  EXPECT_EQ(tokens.calls, 1);  // not asked again before the backoff has passed
  EXPECT_EQ(backend->lease_calls, 0);

  steady_now += config.genesys.retry.max + 1ms;
  ASSERT_TRUE(counts_reach([](const queue::Counts& c) { return c.done == 1; }));
  EXPECT_GE(tokens.calls, 2);  // asked again once due, and before every lease from then on
  EXPECT_FALSE(scheduler->not_ready_reason().has_value());
  stop();
}

TEST_F(SchedulerTest, ShutdownGivesEveryLeaseStillHeldBack) {
  config.genesys.concurrency = 2;
  fetch.hold = true;
  enqueue({"a", "b", "c"});
  start();
  ASSERT_TRUE(counts_reach([](const queue::Counts& c) { return c.in_flight == 3; }));
  stop();

  const auto returned = run(scheduler->shutdown(0ms));  // no grace: the two fetching are cancelled
  EXPECT_EQ(returned, 3u);
  EXPECT_EQ(scheduler->active_cycles(), 0);  // unwound before their leases went back
  auto c = counts();
  EXPECT_EQ(c.pending, 3);
  EXPECT_EQ(c.in_flight, 0);

  // The cancelled cycles leave no trace, even once their fetches could go on.
  fetch.gates.release_all();
  ASSERT_TRUE(run_until([&] { return scheduler->active_cycles() == 0; }));
  EXPECT_TRUE(audits.empty());
  EXPECT_EQ(counts().pending, 3);
  EXPECT_EQ(fetch.calls.size(), 2u);  // no cycle started after stop()
}

TEST_F(SchedulerTest, ShutdownWaitsForRunningCyclesWithinTheGrace) {
  fetch.hold = true;
  enqueue({"a"});
  start();
  ASSERT_TRUE(run_until([&] { return fetch.calls.size() == 1; }));
  stop();

  std::optional<std::size_t> returned;
  boost::asio::co_spawn(io, scheduler->shutdown(1min), [&](std::exception_ptr e, std::size_t n) {
    if (e) std::rethrow_exception(e);
    returned = n;
  });
  io.restart();
  io.poll();  // shutdown() is waiting for the cycle now
  EXPECT_FALSE(returned.has_value());
  // Had it not waited, the lease would have been given back before the cycle
  // stored its outcome: one pending, none done.
  fetch.gates.release_all();
  ASSERT_TRUE(run_until([&] { return returned.has_value(); }));
  EXPECT_EQ(*returned, 0u);
  EXPECT_EQ(counts().done, 1);
}

TEST_F(SchedulerTest, WhileHeldNoCycleStartsAndTheNextGenerationServesTheRest) {
  config.genesys.concurrency = 1;
  fetch.hold = true;
  enqueue({"a", "b"});
  start();
  ASSERT_TRUE(run_until([&] { return fetch.calls.size() == 1; }));
  scheduler->hold(true);  // a reload: nothing new starts, the running cycle finishes
  fetch.hold = false;
  fetch.gates.release_all();
  EXPECT_TRUE(run(scheduler->wait_for_cycles(1min)));
  EXPECT_EQ(info("a").state, State::done);
  let_it_settle();
  EXPECT_EQ(fetch.calls.size(), 1u);  // "b" was leased ahead and waits

  // The rebuilt services: this generation's fetch finds "b" gone upstream.
  ScriptedFetch rebuilt_fetch(io.get_executor(),
                              [](const std::string&) { return outcome(Outcome::permanent_failure, "404"); });
  ProcessorContext ctx;
  ctx.config = shared_config.get();
  ctx.fetch = &rebuilt_fetch;
  ctx.scanner = &scanner;
  ctx.queue = backend.get();
  ctx.clock = clock.function();
  ctx.audit = [this](const observability::AuditRecord& r) { audits.push_back(r); };
  InteractionProcessor rebuilt(std::move(ctx));
  scheduler->use(Generation{shared_config, &rebuilt, nullptr});
  scheduler->hold(false);
  ASSERT_TRUE(counts_reach([](const queue::Counts& c) { return c.failed == 1; }));
  EXPECT_EQ(rebuilt_fetch.calls, std::vector<std::string>{"b"});
  EXPECT_EQ(fetch.calls.size(), 1u);
  stop();
}

TEST_F(SchedulerTest, HeldLeasesAreRenewedUntilShutdown) {
  config.queue.lease_timeout = 30ms;  // renewed every 10 ms
  fetch.hold = true;
  enqueue({"a"});
  start();
  bool renewal_ended = false;
  boost::asio::co_spawn(io, scheduler->renew_leases(), [&](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
    renewal_ended = true;
  });
  ASSERT_TRUE(run_until([&] { return backend->renew_calls >= 3; }));
  EXPECT_EQ(counts().in_flight, 1);
  stop();

  run(scheduler->shutdown(0ms));
  const int renewed = backend->renew_calls;
  ASSERT_TRUE(run_until([&] { return renewal_ended; }));  // ended by shutdown, not by the io_context stopping
  EXPECT_EQ(backend->renew_calls, renewed);
  EXPECT_EQ(counts().pending, 1);
  fetch.gates.release_all();
  ASSERT_TRUE(run_until([&] { return scheduler->active_cycles() == 0; }));
}

TEST_F(SchedulerTest, ACycleThatCannotStoreItsOutcomeGivesItsLeaseBack) {
  backend->failing_completes = true;
  enqueue({"a"});
  start();
  ASSERT_TRUE(run_until([&] { return !backend->releases.empty(); }));
  EXPECT_EQ(backend->releases[0].id, "a");
  EXPECT_EQ(backend->releases[0].reason, "the cycle's outcome could not be stored");
  ASSERT_TRUE(counts_reach([](const queue::Counts& c) { return c.pending == 1 && c.in_flight == 0; }));
  EXPECT_TRUE(audits.empty());
  stop();
}

TEST_F(SchedulerTest, ALeaseThatCannotBeGivenBackYetIsGivenBackWithBackoff) {
  backend->failing_completes = true;
  backend->failing_releases = 2;  // the disk is still full for the first two tries
  enqueue({"a"});
  start();
  ASSERT_TRUE(run_until([&] { return backend->releases.size() == 3; }));
  for (const auto& r : backend->releases) EXPECT_EQ(r.id, "a");
  ASSERT_TRUE(counts_reach([](const queue::Counts& c) { return c.pending == 1 && c.in_flight == 0; }));
  let_it_settle();
  EXPECT_EQ(backend->releases.size(), 3u);  // given back once, then left alone
  stop();
}

TEST_F(SchedulerTest, AGiveBackStillRetryingAtShutdownStopsAndTheLeaseIsReturned) {
  backend->failing_completes = true;
  backend->failing_releases = 1'000'000;  // the disk stays full
  enqueue({"a"});
  start();
  ASSERT_TRUE(run_until([&] { return backend->releases.size() >= 2; }));  // retrying with backoff
  stop();

  EXPECT_EQ(run(scheduler->shutdown(0ms)), 1u);  // returned with every lease still held
  EXPECT_EQ(counts().pending, 1);
  // Left running, the loop would try again every 1-2 ms: 25 windows of it.
  const auto tries = backend->releases.size();
  io.restart();
  io.run_for(50ms);
  EXPECT_EQ(backend->releases.size(), tries);  // the give-back loop was cancelled, not left retrying
}

TEST_F(SchedulerTest, ANewLeaseOfARunningInteractionWaitsForThatCycle) {
  fetch.hold = true;
  enqueue({"a"});
  start();
  ASSERT_TRUE(run_until([&] { return fetch.calls.size() == 1; }));

  clock.advance(cfg.lease_timeout + 1s);  // the running cycle's lease expires and is taken again
  ASSERT_TRUE(run_until([&] { return backend->leased.size() == 2; }));
  let_it_settle();
  EXPECT_EQ(fetch.calls.size(), 1u);  // not fetched twice at once

  fetch.hold = false;
  fetch.gates.release_all();  // the first cycle ends (its lease lost), then the second runs
  ASSERT_TRUE(counts_reach([](const queue::Counts& c) { return c.done == 1; }));
  EXPECT_EQ(fetch.calls.size(), 2u);
  EXPECT_EQ(fetch.max_in_progress, 1);
  EXPECT_EQ(audits.size(), 1u);
  stop();
}

}  // namespace
}  // namespace insightd::pipeline::testing
