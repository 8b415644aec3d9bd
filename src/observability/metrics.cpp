// SPDX-License-Identifier: Apache-2.0
#include "insightd/observability/metrics.hpp"

#include "insightd/common/insight.hpp"
#include "insightd/observability/audit.hpp"

namespace insightd::observability {

std::vector<double> http_latency_buckets() {
  return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
}

Metrics::Metrics(std::string_view version)
    : upstream_requests(registry.counter("insightd_upstream_requests_total",
                                         "Requests sent to Genesys Cloud, by source and HTTP status code "
                                         "(\"error\" when no response arrived).",
                                         {"source", "code"})),
      upstream_request_duration(registry.histogram("insightd_upstream_request_duration_seconds",
                                                   "Latency of Genesys Cloud requests, by source.",
                                                   {"source"}, http_latency_buckets())),
      rate_limit_wait_seconds(registry
                                  .counter("insightd_rate_limit_wait_seconds_total",
                                           "Time spent waiting for the upstream rate limit (token bucket and "
                                           "Retry-After).")
                                  .labels({})),
      rate_limit_budget(registry
                            .gauge("insightd_rate_limit_budget_per_minute",
                                   "The configured Genesys request budget (genesys.requests_per_minute), "
                                   "which every request of the client spends.")
                            .labels({})),
      token_refreshes(
          registry.counter("insightd_token_refreshes_total", "OAuth token requests, by result.", {"result"})),
      interactions(registry.counter("insightd_interactions_total", "Interaction cycles finished, by outcome.",
                                    {"outcome"})),
      insights(
          registry.counter("insightd_insights_total", "Insights fetched and normalised, by type.", {"type"})),
      crm_deliveries(registry.counter("insightd_crm_deliveries_total",
                                      "Webhook deliveries to the CRM, by HTTP status code (\"error\" when no "
                                      "response arrived).",
                                      {"code"})),
      crm_delivery_duration(registry
                                .histogram("insightd_crm_delivery_duration_seconds",
                                           "Latency of CRM webhook deliveries.", {}, http_latency_buckets())
                                .labels({})),
      queue_depth(
          registry.gauge("insightd_queue_depth", "Interactions in the work queue, by state.", {"state"})),
      outbox_depth(
          registry.gauge("insightd_outbox_depth", "Deliveries waiting in the durable outbox.").labels({})),
      crm_circuit_open(registry
                           .gauge("insightd_crm_circuit_open",
                                  "1 while the CRM circuit breaker is open (deliveries paused after "
                                  "consecutive failures), else 0.")
                           .labels({})),
      crm_deliveries_held(
          registry
              .gauge("insightd_crm_deliveries_held",
                     "1 while CRM deliveries are held because the endpoint answered 410 Gone, "
                     "else 0.")
              .labels({})),
      governance_findings(
          registry.counter("insightd_governance_findings_total",
                           "Governance findings (PII kinds, stale insights, schema), by kind.", {"kind"})),
      build_info(
          registry.gauge("insightd_build_info", "Build information; the value is always 1.", {"version"})),
      up(registry.gauge("insightd_up", "1 while the daemon is running.").labels({})) {
  build_info.labels({std::string(version)}).set(1);
  up.set(1);
  // Every insight type, outcome and token result is shown from the start, so
  // rate() sees the first increment and alerts can compare against a zero.
  for (InsightType t :
       {InsightType::keyword, InsightType::summary, InsightType::sentiment, InsightType::topic})
    insights.labels({std::string(to_string(t))});
  for (AuditOutcome o : {AuditOutcome::done, AuditOutcome::retry, AuditOutcome::failed, AuditOutcome::dead,
                         AuditOutcome::parked})
    interactions.labels({std::string(to_string(o))});
  for (const char* result : {"success", "failure"}) token_refreshes.labels({result});
}

}  // namespace insightd::observability
