// SPDX-License-Identifier: Apache-2.0
#pragma once
// Every metric family insightd exports. The names and labels are binding
// (docs/operations.md: dashboards and alerts use them). Usage:
//
//   metrics.upstream_requests.labels({"agentassist", "200"}).inc();
//   metrics.upstream_request_duration.labels({"agentassist"}).observe(0.042);
//   metrics.rate_limit_wait_seconds.inc(1.5);   // families without labels: the one child
//   metrics.queue_depth.labels({"pending"}).set(12);
#include <string>
#include <string_view>
#include <vector>

#include "insightd/observability/metrics_registry.hpp"

namespace insightd::observability {

// 5 ms .. 30 s: upstream and CRM HTTP latency.
std::vector<double> http_latency_buckets();

struct Metrics {
  explicit Metrics(std::string_view version);
  Metrics(const Metrics&) = delete;  // members refer into registry
  Metrics& operator=(const Metrics&) = delete;

  std::string render_prometheus() const { return registry.render_prometheus(); }

  Registry registry;  // declared first: the references below point into it

  CounterFamily& upstream_requests;            // insightd_upstream_requests_total{source,code}
  HistogramFamily& upstream_request_duration;  // insightd_upstream_request_duration_seconds{source}
  Counter& rate_limit_wait_seconds;            // insightd_rate_limit_wait_seconds_total
  Gauge& rate_limit_budget;                    // insightd_rate_limit_budget_per_minute
  CounterFamily& token_refreshes;              // insightd_token_refreshes_total{result}
  CounterFamily& interactions;                 // insightd_interactions_total{outcome}
  CounterFamily& insights;                     // insightd_insights_total{type}
  CounterFamily& crm_deliveries;               // insightd_crm_deliveries_total{code}
  Histogram& crm_delivery_duration;            // insightd_crm_delivery_duration_seconds
  GaugeFamily& queue_depth;                    // insightd_queue_depth{state}
  Gauge& outbox_depth;                         // insightd_outbox_depth
  Gauge& crm_circuit_open;                     // insightd_crm_circuit_open (0/1)
  Gauge& crm_deliveries_held;                  // insightd_crm_deliveries_held (0/1, after a 410)
  CounterFamily& governance_findings;          // insightd_governance_findings_total{kind}
  GaugeFamily& build_info;                     // insightd_build_info{version} = 1
  Gauge& up;                                   // insightd_up = 1
};

}  // namespace insightd::observability
