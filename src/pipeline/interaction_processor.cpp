// SPDX-License-Identifier: Apache-2.0
#include "insightd/pipeline/interaction_processor.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <random>

#include "insightd/common/rfc3339.hpp"
#include "insightd/delivery/deliverer.hpp"
#include "insightd/delivery/payload.hpp"
#include "insightd/observability/audit.hpp"
#include "insightd/pipeline/audit_context.hpp"

namespace insightd::pipeline {
namespace {

using genesys::FetchResult;
using Outcome = genesys::FetchResult::Outcome;
using observability::AuditOutcome;

std::uint64_t count(int n) {
  return n < 0 ? 0 : static_cast<std::uint64_t>(n);
}
std::uint64_t count(std::int64_t n) {
  return n < 0 ? 0 : static_cast<std::uint64_t>(n);
}

// The fetch-side audit fields; outcome and CRM fields are filled when the cycle ends.
observability::AuditRecord fetch_audit(const ProcessorContext& ctx, const queue::Lease& lease,
                                       const FetchResult& fetched) {
  observability::AuditRecord r;
  r.interaction_id = lease.interaction_id;
  r.source = ctx.config->genesys.source;
  r.insight_count = fetched.insights.size();
  r.pages = count(fetched.pages);
  r.latency_ms = count(fetched.latency_ms);
  r.utilization_rate = fetched.utilization_rate;
  r.malformed_skipped = count(fetched.malformed_skipped);
  r.retries = count(fetched.retries);
  r.rate_limited_ms = count(fetched.rate_limited_ms);
  r.correlation_id = fetched.correlation_id;
  r.attempts = count(lease.attempt);
  return r;
}

void apply_governance(observability::AuditRecord& r, const governance::GovernanceResult& g) {
  r.governance_pass = g.pass;
  r.stale_count = count(g.stale_count);
  for (const auto& [kind, n] : g.pii_findings) r.pii_findings[kind] = count(n);
  r.redaction_leaks = count(g.redaction_leaks);
  r.malformed_skipped += count(g.malformed);
}

std::mt19937_64& requeue_rng() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  return rng;
}

// True when this cycle first went back to the queue more than `limit` ago.
bool retrying_longer_than(const queue::Lease& lease, std::chrono::milliseconds limit,
                          std::chrono::system_clock::time_point now) {
  if (lease.retrying_since_ms == 0) return false;
  const auto since =
      std::chrono::system_clock::time_point(std::chrono::milliseconds(lease.retrying_since_ms));
  return now - since >= limit;
}

std::string format_duration(std::chrono::milliseconds d) {
  using namespace std::chrono;
  if (d % hours(1) == 0ms) return fmt::format("{}h", duration_cast<hours>(d).count());
  if (d % minutes(1) == 0ms) return fmt::format("{}m", duration_cast<minutes>(d).count());
  if (d % seconds(1) == 0ms) return fmt::format("{}s", duration_cast<seconds>(d).count());
  return fmt::format("{}ms", d.count());
}

// A Lease can be lost (expired and re-leased elsewhere): then another holder
// owns the interaction and this cycle leaves no trace but a log line.
void warn_if_lost(bool kept, const queue::Lease& lease) {
  if (!kept)
    spdlog::warn("interaction {}: lease expired before the cycle finished; left to its new holder",
                 lease.interaction_id);
}

// The store accepted (or refused) the cycle's final state: audit it only if accepted.
void settle(const ProcessorContext& ctx, const queue::Lease& lease, bool kept,
            const observability::AuditRecord& record) {
  warn_if_lost(kept, lease);
  if (kept) ctx.audit(record);
}

// The messages' first attempt is made at once: what the CRM accepts is never
// written to the outbox; the rest is, with the refused attempt recorded on it.
// Without a deliverer (or while the endpoint is held or failing) everything goes
// to the outbox and the workers send it.
boost::asio::awaitable<void> deliver_or_queue(ProcessorContext ctx, queue::Lease lease,
                                              std::vector<queue::OutboxMessage> messages,
                                              observability::AuditRecord record) {
  FirstAttempt::NewDelivery sent;
  if (ctx.first_attempt != nullptr) sent = co_await ctx.first_attempt->deliver_new(messages);

  if (sent.accepted == messages.size()) {
    record.timestamp = ctx.clock();  // when it ended, as for an outbox delivery
    record.outcome = AuditOutcome::done;
    record.crm_webhook_status = static_cast<unsigned>(sent.last_status);
    record.webhook_id = messages.back().webhook_id;
    const bool kept = co_await ctx.queue->complete(lease, {}, "");
    // Lost: the new holder redoes the cycle and sends the same webhook ids again.
    settle(ctx, lease, kept, record);
    co_return;
  }
  messages.erase(messages.begin(), messages.begin() + static_cast<std::ptrdiff_t>(sent.accepted));
  const std::string context = encode_audit_context(record);
  if (!sent.refused) {
    const bool kept = co_await ctx.queue->complete(lease, std::move(messages), context);
    warn_if_lost(kept, lease);
    if (kept && ctx.outbox_written) ctx.outbox_written();
    co_return;
  }
  auto leased = co_await ctx.queue->complete_attempted(lease, std::move(messages), context);
  warn_if_lost(leased.has_value(), lease);
  if (!leased) co_return;
  if (ctx.outbox_written) ctx.outbox_written();  // later parts are due now
  co_await ctx.first_attempt->record(std::move(*leased), std::move(*sent.refused));
}

}  // namespace

BackoffPolicy requeue_backoff(const Config& config) {
  const auto initial =
      std::max<std::chrono::milliseconds>(config.genesys.retry.max, std::chrono::milliseconds(1));
  return BackoffPolicy{initial, initial * 10};
}

boost::asio::awaitable<void> InteractionProcessor::process(queue::Lease lease,
                                                           std::function<void()> on_fetched) {
  const ProcessorContext& ctx = ctx_;
  const auto& id = lease.interaction_id;
  FetchResult fetched = co_await ctx.fetch->fetch(id);
  if (on_fetched) on_fetched();
  auto record = fetch_audit(ctx, lease, fetched);

  switch (fetched.outcome) {
    case Outcome::ok:
      break;
    case Outcome::permanent_failure: {
      record.outcome = AuditOutcome::failed;
      record.error = fetched.error;
      const bool kept = co_await ctx.queue->fail(lease, fetched.error);
      settle(ctx, lease, kept, record);
      co_return;
    }
    case Outcome::transient_failure: {
      // An ordinary outage must not lose work: back to the queue with backoff
      // until give_up_after has passed since the first such failure of this
      // cycle, and only then a dead letter (listed, replayable).
      const auto give_up_after = ctx.config->genesys.retry.give_up_after;
      if (retrying_longer_than(lease, give_up_after, ctx.clock())) {
        record.outcome = AuditOutcome::dead;
        record.error = fmt::format("gave up after {} of transient failures; last: {}",
                                   format_duration(give_up_after), fetched.error);
        const bool kept = co_await ctx.queue->dead_letter(lease, "transient", record.error);
        settle(ctx, lease, kept, record);
        co_return;
      }
      record.outcome = AuditOutcome::retry;
      record.error = fetched.error;
      const auto delay = requeue_backoff(*ctx.config).delay(lease.attempt, requeue_rng());
      const bool kept = co_await ctx.queue->release(lease, delay, fetched.error);
      settle(ctx, lease, kept, record);
      co_return;
    }
    case Outcome::long_window_limited: {
      // Parked, not failed: the daily budget comes back; nothing is hammered meanwhile.
      record.outcome = AuditOutcome::parked;
      record.error = fetched.error;
      const bool kept = co_await ctx.queue->release(
          lease, std::chrono::duration_cast<std::chrono::milliseconds>(fetched.retry_after), fetched.error);
      settle(ctx, lease, kept, record);
      co_return;
    }
    case Outcome::not_ready: {
      // Summaries are written after wrap-up: re-checked with backoff until
      // summary_wait has passed since the first "not ready".
      const auto summary_wait = ctx.config->retrieval.summary_wait;
      if (retrying_longer_than(lease, summary_wait, ctx.clock())) {
        record.outcome = AuditOutcome::failed;
        record.error = fmt::format("summary still not ready after {} (retrieval.summary_wait); last: {}",
                                   format_duration(summary_wait), fetched.error);
        const bool kept = co_await ctx.queue->fail(lease, record.error);
        settle(ctx, lease, kept, record);
      } else {
        const auto delay = kNotReadyBackoff.delay(lease.attempt, requeue_rng());
        const bool kept = co_await ctx.queue->release(lease, delay, "upstream data not ready yet");
        warn_if_lost(kept, lease);
      }
      co_return;
    }
  }

  auto governed = governance::govern(fetched.insights, ctx.config->governance, ctx.clock(), *ctx.scanner);
  if (ctx.governed) ctx.governed(governed, fetched.insights);
  apply_governance(record, governed);
  record.insight_count = fetched.insights.size();

  if (governed.blocked) {
    // PII under `block`: dead-lettered for review, and no text is kept anywhere.
    record.outcome = AuditOutcome::dead;
    record.error = governed.fail_reason;
    const bool kept = co_await ctx.queue->dead_letter(lease, "pii", governed.fail_reason);
    settle(ctx, lease, kept, record);
    co_return;
  }
  if (!governed.pass) {
    record.outcome = AuditOutcome::failed;
    record.error = governed.fail_reason;
    const bool kept = co_await ctx.queue->fail(lease, governed.fail_reason);
    settle(ctx, lease, kept, record);
    co_return;
  }

  auto messages = delivery::build_messages(id, lease.cycle_key, to_string(ctx.config->genesys.source),
                                           format_rfc3339(ctx.clock()), fetched.insights, governed.to_json(),
                                           ctx.config->crm.max_insights_per_part);
  record.webhook_id = messages.front().webhook_id;
  co_await deliver_or_queue(ctx, std::move(lease), std::move(messages), std::move(record));
}

}  // namespace insightd::pipeline
