// SPDX-License-Identifier: Apache-2.0
// Every way a cycle can end, and the state it leaves the interaction in, on
// the real SQLite backend with a manual clock.
#include <gtest/gtest.h>

#include "pipeline/pipeline_fixture.hpp"

namespace insightd::pipeline::testing {
namespace {

using namespace std::chrono_literals;
using observability::AuditOutcome;
using queue::State;

class ProcessorTest : public PipelineTest {
 protected:
  void SetUp() override {
    PipelineTest::SetUp();
    processor = make_processor();
  }
  void process(queue::Lease lease) { run(processor->process(std::move(lease))); }

  std::unique_ptr<InteractionProcessor> processor;
};

TEST_F(ProcessorTest, AllPartsAcceptedAtTheFirstAttemptIsDone) {
  answer = [this](const std::string& id) { return ok(id, 3); };  // two parts of at most two insights
  process(lease_one("conv-1"));

  EXPECT_EQ(info("conv-1").state, State::done);
  ASSERT_EQ(first_attempt.offered.size(), 1u);
  const auto& parts = first_attempt.offered[0];
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].part, 1);
  EXPECT_EQ(parts[1].part, 2);
  EXPECT_EQ(parts[1].parts, 2);
  EXPECT_EQ(run(backend->outbox_depth()), 0);  // accepted messages are never written
  EXPECT_EQ(outbox_written, 0);
  ASSERT_EQ(audits.size(), 1u);
  EXPECT_EQ(audits[0].outcome, AuditOutcome::done);
  EXPECT_EQ(audits[0].insight_count, 3u);
  EXPECT_EQ(audits[0].crm_webhook_status, 200u);
  EXPECT_EQ(audits[0].webhook_id, parts[1].webhook_id);
  EXPECT_EQ(audits[0].timestamp, clock.now());
}

TEST_F(ProcessorTest, WithoutFirstAttemptEveryPartGoesToTheOutbox) {
  processor = make_processor(false);
  answer = [this](const std::string& id) { return ok(id, 3); };
  process(lease_one("conv-1"));

  const auto i = info("conv-1");
  EXPECT_EQ(i.state, State::delivering);
  EXPECT_EQ(i.outbox_parts, 2);
  EXPECT_EQ(run(backend->outbox_depth()), 2);
  EXPECT_EQ(outbox_written, 1);
  EXPECT_TRUE(audits.empty());  // written when the CRM answers, from the outbox row's context
}

TEST_F(ProcessorTest, PartsNotSentAtTheFirstAttemptGoToTheOutbox) {
  answer = [this](const std::string& id) { return ok(id, 3); };
  first_attempt.accept = 1;  // the circuit opened after part 1: part 2 is not sent
  process(lease_one("conv-1"));

  EXPECT_EQ(info("conv-1").state, State::delivering);
  EXPECT_EQ(run(backend->outbox_depth()), 1);
  EXPECT_EQ(outbox_written, 1);
  EXPECT_TRUE(first_attempt.recorded.empty());
  EXPECT_TRUE(audits.empty());
}

TEST_F(ProcessorTest, ARefusedFirstAttemptIsRecordedOnItsOutboxRow) {
  answer = [this](const std::string& id) { return ok(id, 3); };
  first_attempt.accept = 1;
  FirstAttempt::Attempt refused;
  refused.status = 503;
  refused.decision.verdict = delivery::Verdict::retry;
  first_attempt.refusal = refused;
  process(lease_one("conv-1"));

  EXPECT_EQ(info("conv-1").state, State::delivering);
  ASSERT_EQ(first_attempt.recorded.size(), 1u);
  EXPECT_EQ(first_attempt.recorded[0].first.message.part, 2);
  EXPECT_EQ(first_attempt.recorded[0].first.message.webhook_id, first_attempt.offered[0][1].webhook_id);
  EXPECT_EQ(first_attempt.recorded[0].second.status, 503);
  EXPECT_EQ(outbox_written, 1);
}

TEST_F(ProcessorTest, PermanentFailureIsFailedWithTheUpstreamMessage) {
  answer = [](const std::string&) { return outcome(Outcome::permanent_failure, "404 not found (corr-1)"); };
  process(lease_one("conv-1"));

  const auto i = info("conv-1");
  EXPECT_EQ(i.state, State::failed);
  EXPECT_EQ(i.last_error, "404 not found (corr-1)");
  ASSERT_EQ(audits.size(), 1u);
  EXPECT_EQ(audits[0].outcome, AuditOutcome::failed);
  EXPECT_TRUE(first_attempt.offered.empty());
}

TEST_F(ProcessorTest, NotReadyIsRecheckedWithBackoffUntilSummaryWaitThenFailed) {
  answer = [](const std::string&) { return outcome(Outcome::not_ready, "summary status Processing"); };
  auto lease = lease_one("conv-1");
  const auto first_release = clock.now();
  int cycles = 0;
  while (clock.now() - first_release < config.retrieval.summary_wait) {
    process(lease);
    ++cycles;
    ASSERT_EQ(info("conv-1").state, State::pending) << "cycle " << cycles;
    const auto& released = backend->releases.back();
    // The shared full-jitter policy: never above the ceiling of this attempt.
    EXPECT_LE(released.delay, kNotReadyBackoff.ceiling(lease.attempt)) << "attempt " << lease.attempt;
    EXPECT_EQ(released.reason, "upstream data not ready yet");
    // Due once the ceiling has passed, whatever the draw.
    clock.advance(kNotReadyBackoff.ceiling(lease.attempt) + 1ms);
    const int attempt = lease.attempt;
    lease = lease_again("conv-1");
    EXPECT_EQ(lease.attempt, attempt + 1);
  }
  EXPECT_TRUE(audits.empty());  // a re-check is not the end of a cycle
  EXPECT_GT(cycles, 100);       // a minute apart at most, for two hours
  // The ceiling grows, then stays at the policy's maximum.
  EXPECT_EQ(kNotReadyBackoff.ceiling(1), 4s);
  EXPECT_EQ(kNotReadyBackoff.ceiling(cycles), 1min);

  process(lease);
  const auto i = info("conv-1");
  EXPECT_EQ(i.state, State::failed);
  EXPECT_NE(i.last_error.find("summary still not ready after 2h (retrieval.summary_wait)"), std::string::npos)
      << i.last_error;
  ASSERT_EQ(audits.size(), 1u);
  EXPECT_EQ(audits[0].outcome, AuditOutcome::failed);
}

TEST_F(ProcessorTest, TransientFailureRequeuesWithBackoffUntilGiveUpAfterThenDeadLetters) {
  answer = [](const std::string&) { return outcome(Outcome::transient_failure, "503 from upstream"); };
  const auto policy = requeue_backoff(config);
  EXPECT_EQ(policy.initial, config.genesys.retry.max);
  EXPECT_EQ(policy.max, config.genesys.retry.max * 10);
  auto lease = lease_one("conv-1");
  const auto first_release = clock.now();
  int cycles = 0;
  while (clock.now() - first_release < config.genesys.retry.give_up_after) {
    process(lease);
    ++cycles;
    ASSERT_EQ(info("conv-1").state, State::pending) << "cycle " << cycles;
    EXPECT_LE(backend->releases.back().delay, policy.ceiling(lease.attempt));
    ASSERT_EQ(audits.size(), static_cast<std::size_t>(cycles));
    EXPECT_EQ(audits.back().outcome, AuditOutcome::retry);
    clock.advance(policy.ceiling(lease.attempt) + 1ms);
    lease = lease_again("conv-1");
  }
  EXPECT_GT(cycles, 300);  // at most ten seconds apart, for an hour

  process(lease);
  EXPECT_EQ(info("conv-1").state, State::dead);
  const auto dead = run(backend->dead_letters());
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].kind, "transient");
  EXPECT_NE(dead[0].last_error.find("gave up after 1h of transient failures; last: 503 from upstream"),
            std::string::npos)
      << dead[0].last_error;
  EXPECT_EQ(audits.back().outcome, AuditOutcome::dead);
}

TEST_F(ProcessorTest, LongWindowRateLimitParksUntilRetryAfter) {
  answer = [](const std::string&) {
    auto r = outcome(Outcome::long_window_limited, "429 Retry-After 3600");
    r.retry_after = std::chrono::seconds(3600);
    return r;
  };
  process(lease_one("conv-1"));

  EXPECT_EQ(info("conv-1").state, State::pending);
  EXPECT_EQ(backend->releases.back().delay, 3600s);
  EXPECT_EQ(run(backend->count_parked(2min)), 1);
  ASSERT_EQ(audits.size(), 1u);
  EXPECT_EQ(audits[0].outcome, AuditOutcome::parked);
  clock.advance(3599s);
  EXPECT_TRUE(run(backend->lease(1)).empty());
  clock.advance(2s);
  lease_again("conv-1");
}

TEST_F(ProcessorTest, PiiUnderBlockIsDeadLetteredWithoutTheText) {
  config.governance.pii = PiiPolicy::block;
  scanner = governance::PiiScanner(governance::pii_options(config.governance));
  answer = [this](const std::string& id) {
    auto r = ok(id);
    r.insights[0].text = "write to jane.doe@example.com about it";
    return r;
  };
  process(lease_one("conv-1"));

  EXPECT_EQ(info("conv-1").state, State::dead);
  const auto dead = run(backend->dead_letters());
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].kind, "pii");
  EXPECT_EQ(dead[0].last_error.find("jane.doe"), std::string::npos) << dead[0].last_error;
  ASSERT_EQ(audits.size(), 1u);
  EXPECT_EQ(audits[0].outcome, AuditOutcome::dead);
  EXPECT_TRUE(first_attempt.offered.empty());
}

TEST_F(ProcessorTest, GovernanceFailureIsFailed) {
  config.governance.stale = StalePolicy::fail;
  answer = [this](const std::string& id) {
    auto r = ok(id);
    r.insights[0].created_date = format_rfc3339(clock.now() - config.governance.max_age - 1h);
    return r;
  };
  process(lease_one("conv-1"));

  EXPECT_EQ(info("conv-1").state, State::failed);
  ASSERT_EQ(audits.size(), 1u);
  EXPECT_EQ(audits[0].outcome, AuditOutcome::failed);
  EXPECT_EQ(audits[0].stale_count, 1u);
  EXPECT_TRUE(first_attempt.offered.empty());
}

TEST_F(ProcessorTest, ALeaseLostMeanwhileLeavesTheInteractionToItsNewHolder) {
  answer = [](const std::string&) { return outcome(Outcome::permanent_failure, "404"); };
  auto old = lease_one("conv-1");
  clock.advance(cfg.lease_timeout + 1s);
  auto current = lease_again("conv-1");  // the expired lease came back and was taken again
  process(old);

  EXPECT_EQ(info("conv-1").state, State::in_flight);
  EXPECT_TRUE(audits.empty());
  process(current);
  EXPECT_EQ(info("conv-1").state, State::failed);
  EXPECT_EQ(audits.size(), 1u);
}

}  // namespace
}  // namespace insightd::pipeline::testing
