// SPDX-License-Identifier: Apache-2.0
// The whole /metrics body of insightd's Metrics: valid text format, every
// binding family (docs/operations.md) with its type and labels, counters that move.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "insightd/observability/metrics.hpp"
#include "support/prometheus_text.hpp"

namespace insightd::observability {
namespace {

using test::Exposition;
using test::parse_prometheus_text;

Exposition parse_all(const Metrics& m) {
  Exposition e = parse_prometheus_text(m.render_prometheus());
  for (const auto& error : e.errors) ADD_FAILURE() << error;
  return e;
}

// Every family with a sample, so label names show up in the text.
void touch_every_family(Metrics& m) {
  m.upstream_requests.labels({"agentassist", "200"}).inc();
  m.upstream_request_duration.labels({"agentassist"}).observe(0.042);
  m.rate_limit_wait_seconds.inc(0.5);
  m.token_refreshes.labels({"ok"}).inc();
  m.interactions.labels({"done"}).inc();
  m.insights.labels({"keyword"}).inc(3);
  m.crm_deliveries.labels({"200"}).inc();
  m.crm_delivery_duration.observe(0.2);
  m.queue_depth.labels({"pending"}).set(4);
  m.outbox_depth.set(2);
  m.governance_findings.labels({"email"}).inc();
}

TEST(Metrics, ExposesEveryBindingFamilyWithItsTypeAndLabels) {
  Metrics m("1.2.3");
  touch_every_family(m);
  const Exposition e = parse_all(m);

  struct Expected {
    std::string family, type;
    std::set<std::string> labels;
  };
  const std::vector<Expected> expected{
      {"insightd_upstream_requests_total", "counter", {"source", "code"}},
      {"insightd_upstream_request_duration_seconds", "histogram", {"source", "le"}},
      {"insightd_rate_limit_wait_seconds_total", "counter", {}},
      {"insightd_token_refreshes_total", "counter", {"result"}},
      {"insightd_interactions_total", "counter", {"outcome"}},
      {"insightd_insights_total", "counter", {"type"}},
      {"insightd_crm_deliveries_total", "counter", {"code"}},
      {"insightd_crm_delivery_duration_seconds", "histogram", {"le"}},
      {"insightd_queue_depth", "gauge", {"state"}},
      {"insightd_outbox_depth", "gauge", {}},
      {"insightd_governance_findings_total", "counter", {"kind"}},
      {"insightd_rate_limit_budget_per_minute", "gauge", {}},
      {"insightd_crm_circuit_open", "gauge", {}},
      {"insightd_crm_deliveries_held", "gauge", {}},
      {"insightd_build_info", "gauge", {"version"}},
      {"insightd_up", "gauge", {}},
  };
  for (const auto& x : expected) {
    SCOPED_TRACE(x.family);
    ASSERT_TRUE(e.families.contains(x.family));
    const auto& f = e.families.at(x.family);
    EXPECT_EQ(f.type, x.type);
    ASSERT_FALSE(f.samples.empty());
    for (const auto& s : f.samples) {
      if (s.name.ends_with("_sum") || s.name.ends_with("_count")) continue;
      std::set<std::string> names;
      for (const auto& [name, _] : s.labels) names.insert(name);
      EXPECT_EQ(names, x.labels) << s.name;
    }
  }
  EXPECT_EQ(e.value("insightd_build_info", {{"version", "1.2.3"}}), 1.0);
  EXPECT_EQ(e.value("insightd_up"), 1.0);
}

TEST(Metrics, CountersMoveWithTheWorkDone) {
  Metrics m("test");
  const Exposition before = parse_all(m);
  EXPECT_EQ(before.value("insightd_insights_total", {{"type", "summary"}}), 0.0);  // shown before any work
  EXPECT_EQ(before.value("insightd_rate_limit_wait_seconds_total"), 0.0);
  // Alerts compare these against zero (no progress, token failing): shown before any work.
  for (const char* outcome : {"done", "retry", "failed", "dead", "parked"})
    EXPECT_EQ(before.value("insightd_interactions_total", {{"outcome", outcome}}), 0.0) << outcome;
  EXPECT_EQ(before.value("insightd_token_refreshes_total", {{"result", "success"}}), 0.0);
  EXPECT_EQ(before.value("insightd_token_refreshes_total", {{"result", "failure"}}), 0.0);
  EXPECT_EQ(before.value("insightd_crm_circuit_open"), 0.0);
  EXPECT_EQ(before.value("insightd_crm_deliveries_held"), 0.0);

  m.upstream_requests.labels({"sta", "429"}).inc();
  m.upstream_requests.labels({"sta", "429"}).inc();
  m.insights.labels({"summary"}).inc(5);
  m.rate_limit_wait_seconds.inc(1.5);
  m.crm_delivery_duration.observe(0.003);
  m.crm_delivery_duration.observe(45);

  const Exposition after = parse_all(m);
  EXPECT_EQ(after.value("insightd_upstream_requests_total", {{"source", "sta"}, {"code", "429"}}), 2.0);
  EXPECT_EQ(after.value("insightd_insights_total", {{"type", "summary"}}), 5.0);
  EXPECT_EQ(after.value("insightd_rate_limit_wait_seconds_total"), 1.5);
  EXPECT_EQ(after.value("insightd_crm_delivery_duration_seconds_bucket", {{"le", "0.005"}}), 1.0);
  EXPECT_EQ(after.value("insightd_crm_delivery_duration_seconds_bucket", {{"le", "30"}}), 1.0);
  EXPECT_EQ(after.value("insightd_crm_delivery_duration_seconds_bucket", {{"le", "+Inf"}}), 2.0);
  EXPECT_EQ(after.value("insightd_crm_delivery_duration_seconds_count"), 2.0);
}

TEST(Metrics, LatencyBucketsSpanFiveMillisecondsToThirtySeconds) {
  const auto b = http_latency_buckets();
  ASSERT_FALSE(b.empty());
  EXPECT_DOUBLE_EQ(b.front(), 0.005);
  EXPECT_DOUBLE_EQ(b.back(), 30);
  EXPECT_TRUE(std::is_sorted(b.begin(), b.end()));
}

}  // namespace
}  // namespace insightd::observability
