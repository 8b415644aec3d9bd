// SPDX-License-Identifier: Apache-2.0
#pragma once
// The pipeline's tests run the real SQLite backend in a temporary directory on
// a manual wall clock, seen through ObservedBackend (which records what the
// pipeline asked of it and can fail on demand), with stand-ins for the Genesys
// fetch, the access token and the first CRM attempt that answer as scripted
// and can hold a call open until the test lets it go. Nothing sleeps: the
// tests drive the io_context until a condition holds, within a generous bound.
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "insightd/common/rfc3339.hpp"
#include "insightd/observability/audit.hpp"
#include "insightd/pipeline/interaction_processor.hpp"
#include "insightd/pipeline/stages.hpp"
#include "insightd/queue/backend.hpp"
#include "queue/sqlite_factory.hpp"

namespace insightd::pipeline::testing {

using queue::awaitable;
using Outcome = genesys::FetchResult::Outcome;

// Calls that wait until the test releases them, first in, first out.
class Gates {
 public:
  explicit Gates(boost::asio::any_io_executor executor) : executor_(std::move(executor)) {}

  awaitable<void> pass() {
    auto gate =
        std::make_shared<boost::asio::steady_timer>(executor_, std::chrono::steady_clock::time_point::max());
    waiting_.push_back(gate);
    boost::system::error_code ec;
    co_await gate->async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ec));
  }
  std::size_t waiting() const noexcept { return waiting_.size(); }
  void release_one() {
    if (waiting_.empty()) throw std::logic_error("no call is waiting");
    waiting_.front()->cancel();
    waiting_.pop_front();
  }
  void release_all() {
    while (!waiting_.empty()) release_one();
  }

 private:
  boost::asio::any_io_executor executor_;
  std::deque<std::shared_ptr<boost::asio::steady_timer>> waiting_;
};

// One insight of `id`, created at `created`.
inline Insight insight(const std::string& id, int n, std::chrono::system_clock::time_point created,
                       std::string text = "customer asked about the invoice") {
  Insight i;
  i.id = id + "-ins-" + std::to_string(n);
  i.interaction_id = id;
  i.type = InsightType::keyword;
  i.confidence = 0.9;
  i.text = std::move(text);
  i.created_date = format_rfc3339(created);
  i.source = "agentassist";
  return i;
}

class ScriptedFetch final : public InsightFetch {
 public:
  using Script = std::function<genesys::FetchResult(const std::string& id)>;
  ScriptedFetch(boost::asio::any_io_executor executor, Script script)
      : gates(std::move(executor)), script_(std::move(script)) {}

  awaitable<genesys::FetchResult> fetch(std::string interaction_id) override {
    calls.push_back(interaction_id);
    ++in_progress;
    max_in_progress = std::max(max_in_progress, in_progress);
    if (hold) co_await gates.pass();
    --in_progress;
    auto result = script_(interaction_id);
    co_return result;
  }

  bool hold = false;  // fetches wait for gates.release_*()
  Gates gates;
  std::vector<std::string> calls;
  int in_progress = 0, max_in_progress = 0;

 private:
  Script script_;
};

class ScriptedFirstAttempt final : public FirstAttempt {
 public:
  explicit ScriptedFirstAttempt(boost::asio::any_io_executor executor) : gates(std::move(executor)) {}

  awaitable<NewDelivery> deliver_new(const std::vector<queue::OutboxMessage>& messages) override {
    offered.push_back(messages);
    if (hold) co_await gates.pass();
    NewDelivery answer;
    answer.accepted = std::min(accept, messages.size());
    answer.last_status = answer.accepted > 0 ? 200 : 0;
    if (answer.accepted < messages.size()) answer.refused = refusal;
    co_return answer;
  }
  awaitable<void> record(queue::Delivery delivery, Attempt attempt) override {
    recorded.emplace_back(std::move(delivery), std::move(attempt));
    co_return;
  }

  std::size_t accept = 1000;       // messages accepted, from the front
  std::optional<Attempt> refusal;  // the answer to the first one not accepted, if one was sent
  bool hold = false;               // deliver_new waits for gates.release_*()
  Gates gates;
  std::vector<std::vector<queue::OutboxMessage>> offered;
  std::vector<std::pair<queue::Delivery, Attempt>> recorded;
};

class ScriptedTokens final : public AccessTokens {
 public:
  awaitable<result_with_message<std::string>> token() override {
    ++calls;
    if (available) co_return std::string("token");
    co_return ErrorWithMessage{errc::token_request_failed, "login refused (test)"};
  }
  bool available = true;
  int calls = 0;
};

// The real backend, with what the pipeline asked of it recorded, and
// failures on demand.
class ObservedBackend final : public queue::Backend {
 public:
  explicit ObservedBackend(std::shared_ptr<queue::Backend> inner) : inner_(std::move(inner)) {}
  using WorkQueue::enqueue;

  int lease_calls = 0, outbox_depth_calls = 0, renew_calls = 0;
  int failing_leases = 0;           // the next this many lease() calls throw (the backend is unreachable)
  bool failing_completes = false;   // complete() throws (the outcome cannot be stored)
  int failing_releases = 0;         // the next this many release() calls throw
  std::vector<std::string> leased;  // every interaction leased, in order
  struct Release {
    std::string id;
    std::chrono::milliseconds delay;
    std::string reason;
  };
  std::vector<Release> releases;

  awaitable<queue::EnqueueResult> enqueue(std::vector<std::string> ids,
                                          queue::EnqueueOptions options) override {
    return inner_->enqueue(std::move(ids), options);
  }
  awaitable<std::vector<queue::Lease>> lease(std::size_t max) override {
    ++lease_calls;
    if (failing_leases > 0) {
      --failing_leases;
      throw std::runtime_error("redis: connection refused (test)");
    }
    auto leases = co_await inner_->lease(max);
    for (const auto& l : leases) leased.push_back(l.interaction_id);
    co_return leases;
  }
  awaitable<bool> complete(queue::Lease lease, std::vector<queue::OutboxMessage> messages,
                           std::string audit_context) override {
    if (failing_completes) throw std::runtime_error("disk full (test)");
    return inner_->complete(std::move(lease), std::move(messages), std::move(audit_context));
  }
  awaitable<std::optional<queue::Delivery>> complete_attempted(queue::Lease lease,
                                                               std::vector<queue::OutboxMessage> messages,
                                                               std::string audit_context) override {
    return inner_->complete_attempted(std::move(lease), std::move(messages), std::move(audit_context));
  }
  awaitable<bool> fail(queue::Lease lease, std::string reason) override {
    return inner_->fail(std::move(lease), std::move(reason));
  }
  awaitable<bool> dead_letter(queue::Lease lease, std::string kind, std::string reason) override {
    return inner_->dead_letter(std::move(lease), std::move(kind), std::move(reason));
  }
  awaitable<bool> release(queue::Lease lease, std::chrono::milliseconds delay, std::string reason) override {
    releases.push_back({lease.interaction_id, delay, reason});
    if (failing_releases > 0) {
      --failing_releases;
      throw std::runtime_error("disk full (test)");
    }
    return inner_->release(std::move(lease), delay, std::move(reason));
  }
  awaitable<std::size_t> renew_leases() override {
    ++renew_calls;
    return inner_->renew_leases();
  }
  awaitable<std::size_t> return_all_leases() override { return inner_->return_all_leases(); }
  awaitable<queue::Counts> counts() override { return inner_->counts(); }
  awaitable<std::int64_t> count_parked(std::chrono::milliseconds horizon) override {
    return inner_->count_parked(horizon);
  }
  awaitable<std::vector<queue::DeadLetter>> dead_letters() override { return inner_->dead_letters(); }
  awaitable<std::vector<queue::Failure>> recent_failures(std::size_t limit) override {
    return inner_->recent_failures(limit);
  }
  awaitable<std::vector<queue::MinuteCounts>> settled_per_minute(int minutes) override {
    return inner_->settled_per_minute(minutes);
  }
  awaitable<std::size_t> replay(std::vector<std::string> ids, bool all) override {
    return inner_->replay(std::move(ids), all);
  }
  awaitable<std::optional<queue::InteractionInfo>> interaction(std::string id) override {
    return inner_->interaction(std::move(id));
  }

  awaitable<std::vector<queue::Delivery>> lease_deliveries(std::size_t max) override {
    return inner_->lease_deliveries(max);
  }
  awaitable<std::optional<queue::Finished>> delivered(queue::Delivery delivery, int http_status) override {
    return inner_->delivered(std::move(delivery), http_status);
  }
  awaitable<void> retry_delivery(queue::Delivery delivery, std::chrono::system_clock::time_point next_attempt,
                                 int http_status, std::string error) override {
    return inner_->retry_delivery(std::move(delivery), next_attempt, http_status, std::move(error));
  }
  awaitable<std::optional<queue::Finished>> dead_letter_delivery(queue::Delivery delivery, int http_status,
                                                                 std::string error) override {
    return inner_->dead_letter_delivery(std::move(delivery), http_status, std::move(error));
  }
  awaitable<void> hold_deliveries(std::string reason) override {
    return inner_->hold_deliveries(std::move(reason));
  }
  awaitable<void> release_held() override { return inner_->release_held(); }
  awaitable<std::optional<std::string>> held_reason() override { return inner_->held_reason(); }
  awaitable<std::int64_t> outbox_depth() override {
    ++outbox_depth_calls;
    return inner_->outbox_depth();
  }
  awaitable<std::optional<std::string>> setting(std::string key) override {
    return inner_->setting(std::move(key));
  }
  awaitable<void> set_setting(std::string key, std::string value) override {
    return inner_->set_setting(std::move(key), std::move(value));
  }
  std::string describe() const override { return "observed " + inner_->describe(); }
  queue::CommitStats commit_stats() const override { return inner_->commit_stats(); }
  awaitable<std::vector<queue::DaemonInfo>> live_daemons() override { return inner_->live_daemons(); }
  awaitable<queue::LeasesHeld> leases_held() override { return inner_->leases_held(); }

 private:
  std::shared_ptr<queue::Backend> inner_;
};

// A config for the pipeline tests: a fetch slot or two, retries in seconds.
inline Config pipeline_config() {
  Config cfg;
  cfg.genesys.concurrency = 2;
  cfg.genesys.retry.initial = std::chrono::milliseconds(500);
  cfg.genesys.retry.max = std::chrono::seconds(1);
  cfg.genesys.retry.give_up_after = std::chrono::hours(1);
  cfg.retrieval.summary_wait = std::chrono::hours(2);
  cfg.crm.max_insights_per_part = 2;
  return cfg;
}

// The queue contract suite's SQLite fixture (its own file per test, the
// manual clock, run(), and the backend's invariants checked after the test),
// with the pipeline's stages around it.
class PipelineTest : public queue::testing::BackendTest<queue::testing::SqliteFactory> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();  // the backend's leases last cfg.lease_timeout
    backend = std::make_shared<ObservedBackend>(store);
  }
  void TearDown() override {
    backend.reset();
    BackendTest::TearDown();
  }

  // The processor on the test's stages; `with_first_attempt` false: everything goes to the outbox.
  std::unique_ptr<InteractionProcessor> make_processor(bool with_first_attempt = true) {
    ProcessorContext ctx;
    ctx.config = &config;
    ctx.fetch = &fetch;
    ctx.scanner = &scanner;
    ctx.queue = backend.get();
    ctx.first_attempt = with_first_attempt ? &first_attempt : nullptr;
    ctx.clock = clock.function();
    ctx.audit = [this](const observability::AuditRecord& r) { audits.push_back(r); };
    ctx.outbox_written = [this] { ++outbox_written; };
    return std::make_unique<InteractionProcessor>(std::move(ctx));
  }

  // Runs the io_context until `condition` holds; false if it did not within the bound.
  bool run_until(const std::function<bool()>& condition,
                 std::chrono::seconds bound = std::chrono::seconds(20)) {
    const auto deadline = std::chrono::steady_clock::now() + bound;
    io.restart();
    // Evaluated once per step: a condition that reads the queue drives io itself.
    bool met = condition();
    while (!met && std::chrono::steady_clock::now() < deadline) {
      io.run_one_for(std::chrono::milliseconds(10));
      met = condition();
    }
    return met;
  }

  void enqueue(std::vector<std::string> ids) { run(backend->enqueue(std::move(ids))); }
  queue::Lease lease_one(const std::string& id) {
    enqueue({id});
    return lease_again(id);
  }
  // The next lease, which must be of `id`.
  queue::Lease lease_again(const std::string& id) {
    auto leases = run(backend->lease(1));
    EXPECT_EQ(leases.size(), 1u);
    if (leases.empty()) return {};
    EXPECT_EQ(leases[0].interaction_id, id);
    return leases[0];
  }
  queue::InteractionInfo info(const std::string& id) {
    auto found = run(backend->interaction(id));
    EXPECT_TRUE(found.has_value()) << id;
    return found.value_or(queue::InteractionInfo{});
  }
  queue::Counts counts() { return run(backend->counts()); }

  // Fetch answers: ok with `n` fresh insights, or an outcome with an error.
  genesys::FetchResult ok(const std::string& id, int n = 1) {
    genesys::FetchResult r;
    for (int i = 0; i < n; ++i) r.insights.push_back(insight(id, i, clock.now() - std::chrono::minutes(1)));
    r.pages = 1;
    return r;
  }
  static genesys::FetchResult outcome(Outcome outcome, std::string error) {
    genesys::FetchResult r;
    r.outcome = outcome;
    r.error = std::move(error);
    return r;
  }

  Config config = pipeline_config();
  governance::PiiScanner scanner{governance::pii_options(config.governance)};
  std::shared_ptr<ObservedBackend> backend;
  std::function<genesys::FetchResult(const std::string&)> answer = [this](const std::string& id) {
    return ok(id);
  };
  ScriptedFetch fetch{io.get_executor(), [this](const std::string& id) { return answer(id); }};
  ScriptedFirstAttempt first_attempt{io.get_executor()};
  std::vector<observability::AuditRecord> audits;
  int outbox_written = 0;
};

}  // namespace insightd::pipeline::testing
