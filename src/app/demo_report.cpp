// SPDX-License-Identifier: Apache-2.0
#include "demo_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace insightd::app {
namespace {

// Fault markers understood by the simulator (include/insightd/sim/faults.hpp)
// and how many sample interactions carry each.
struct FaultSample {
  const char* marker;
  int count;
};
constexpr FaultSample kFaultSamples[] = {
    {"flaky", 5},  {"notfound", 4}, {"forbidden", 2},   {"malformed", 5}, {"pii", 6},       {"stale", 5},
    {"future", 2}, {"slow", 3},     {"tokenexpiry", 1}, {"ratelimit", 3}, {"longlimit", 1}, {"crmreject", 2},
};
constexpr int kPlainSamples = 61;

double percentile(std::vector<std::uint64_t> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::lround(p * static_cast<double>(values.size() - 1)));
  return static_cast<double>(values[std::min(rank, values.size() - 1)]);
}

void row(const std::string& label, const std::string& value) {
  std::printf("  %-28s %s\n", label.c_str(), value.c_str());
}

}  // namespace

std::vector<std::string> demo_interaction_ids() {
  std::vector<std::string> ids;
  for (int i = 1; i <= kPlainSamples; ++i) {
    // Every fifth one is large enough to need several pages.
    ids.push_back(i % 5 == 0 ? fmt::format("demo-{:03}-n250", i) : fmt::format("demo-{:03}", i));
  }
  int n = 0;
  for (const auto& f : kFaultSamples) {
    for (int i = 0; i < f.count; ++i)
      ids.push_back(fmt::format("demo-{:03}-{}", ++n + kPlainSamples, f.marker));
  }
  return ids;
}

std::size_t demo_fault_count(const std::vector<std::string>& ids) {
  return static_cast<std::size_t>(std::count_if(ids.begin(), ids.end(), [](const std::string& id) {
    return std::any_of(std::begin(kFaultSamples), std::end(kFaultSamples),
                       [&](const FaultSample& f) { return id.find(f.marker) != std::string::npos; });
  }));
}

void ProgressPrinter::update(const queue::Counts& c) {
  auto line = fmt::format(
      "pending {:>4}  in flight {:>3}  delivering {:>3}  done {:>4}  failed {:>3}  dead {:>3}  outbox {:>4}",
      c.pending, c.in_flight, c.delivering, c.done, c.failed, c.dead, c.outbox);
  if (line == last_) return;
  last_ = line;
  if (tty_) {
    std::printf("\r%s", line.c_str());
  } else {
    std::printf("%s\n", line.c_str());
  }
  std::fflush(stdout);
}

void ProgressPrinter::finish() {
  if (tty_ && !last_.empty()) std::printf("\n");
}

void print_demo_summary(const DemoSummary& s, const std::string& audit_path, const std::string& config_path) {
  using observability::AuditOutcome;
  std::map<std::string, int> outcomes;
  std::uint64_t insights = 0, pages = 0, retries = 0, leaks = 0, malformed = 0, stale = 0,
                rate_limited_ms = 0;
  std::map<std::string, std::uint64_t> pii;
  std::vector<std::uint64_t> latencies;
  for (const auto& r : s.records) {
    ++outcomes[std::string(observability::to_string(r.outcome))];
    insights += r.insight_count;
    pages += r.pages;
    retries += r.retries;
    leaks += r.redaction_leaks;
    malformed += r.malformed_skipped;
    stale += r.stale_count;
    rate_limited_ms += r.rate_limited_ms;
    for (const auto& [kind, n] : r.pii_findings) pii[kind] += n;
    if (r.pages > 0) latencies.push_back(r.latency_ms);
  }
  std::uint64_t pii_total = 0;
  std::string pii_detail;
  for (const auto& [kind, n] : pii) {
    pii_total += n;
    pii_detail += fmt::format("{}{} {}", pii_detail.empty() ? "" : ", ", kind, n);
  }
  std::uint64_t upstream_429 = 0;
  for (const auto& [endpoint, by_status] : s.sim.requests) {
    if (auto it = by_status.find(429); it != by_status.end()) upstream_429 += it->second;
  }
  std::uint64_t crm_receipts = s.sim.crm_receipts.size();
  std::uint64_t crm_accepted = 0;
  for (const auto& [id, n] : s.sim.crm_accepted_per_webhook_id) crm_accepted += n > 0 ? 1 : 0;

  std::string outcome_text;
  for (const auto& [name, n] : outcomes)
    outcome_text += fmt::format("{}{} {}", outcome_text.empty() ? "" : ", ", name, n);

  std::printf("\ninsightd demo summary (%.1f s)\n", std::chrono::duration<double>(s.elapsed).count());
  row("interactions by outcome", outcome_text);
  row("queue now", fmt::format("done {}, failed {}, dead {}, pending {} (parked)", s.counts.done,
                               s.counts.failed, s.counts.dead, s.counts.pending));
  row("insights delivered", std::to_string(insights));
  row("pages fetched", std::to_string(pages));
  row("fetch latency p50/p95/p99", fmt::format("{:.0f} / {:.0f} / {:.0f} ms", percentile(latencies, 0.50),
                                               percentile(latencies, 0.95), percentile(latencies, 0.99)));
  row("upstream 429s", fmt::format("{} (rate-limit wait {} ms)", upstream_429, rate_limited_ms));
  row("upstream retries", std::to_string(retries));
  row("token requests", std::to_string(s.sim.token_requests));
  row("malformed entities skipped", std::to_string(malformed));
  row("stale insights dropped", std::to_string(stale));
  row("PII masked", pii_total ? fmt::format("{} ({})", pii_total, pii_detail) : "0");
  row("redaction leaks", std::to_string(leaks));
  row("CRM deliveries",
      fmt::format("{} webhooks accepted, {} requests (retries included)", crm_accepted, crm_receipts));
  row("dead letters", std::to_string(s.counts.dead));
  std::printf("\nAudit records: %s\n", audit_path.c_str());
  std::printf("  jq -c 'select(.outcome != \"done\")' %s\n", audit_path.c_str());
  std::printf("Under systemd they are in the journal: journalctl -u insightd MESSAGE_ID=%s -o json\n",
              std::string(observability::kAuditMessageId).c_str());
  std::printf("Queue state: insightd status -c %s; dead letters: insightd dead-letters list -c %s\n",
              config_path.c_str(), config_path.c_str());
}

}  // namespace insightd::app
