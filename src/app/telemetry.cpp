// SPDX-License-Identifier: Apache-2.0
#include "telemetry.hpp"

#include <spdlog/spdlog.h>

#include "insightd/pipeline/audit_context.hpp"

namespace insightd::app {

Telemetry::Telemetry(observability::Metrics& metrics, std::shared_ptr<observability::AuditSink> audit,
                     std::function<void()> on_cycle_finished)
    : metrics_(metrics), audit_(std::move(audit)), on_cycle_finished_(std::move(on_cycle_finished)) {}

void Telemetry::record_cycle(const observability::AuditRecord& record) {
  metrics_.interactions.labels({std::string(observability::to_string(record.outcome))}).inc();
  if (auto ec = audit_->write(record)) {
    spdlog::error("audit record for interaction {} not written: {}", record.interaction_id, ec.message());
  }
  if (on_cycle_finished_) on_cycle_finished_();
}

void Telemetry::record_governance(const governance::GovernanceResult& result) {
  for (const auto& [kind, count] : result.pii_findings) {
    metrics_.governance_findings.labels({kind}).inc(count);
  }
  if (result.stale_count > 0) metrics_.governance_findings.labels({"stale"}).inc(result.stale_count);
  if (result.redaction_leaks > 0)
    metrics_.governance_findings.labels({"redaction_leak"}).inc(result.redaction_leaks);
  if (result.malformed > 0) metrics_.governance_findings.labels({"malformed_date"}).inc(result.malformed);
}

void Telemetry::record_counts(const queue::Counts& counts) {
  metrics_.queue_depth.labels({"pending"}).set(static_cast<double>(counts.pending));
  metrics_.queue_depth.labels({"in_flight"}).set(static_cast<double>(counts.in_flight));
  metrics_.queue_depth.labels({"delivering"}).set(static_cast<double>(counts.delivering));
  metrics_.queue_depth.labels({"done"}).set(static_cast<double>(counts.done));
  metrics_.queue_depth.labels({"failed"}).set(static_cast<double>(counts.failed));
  metrics_.queue_depth.labels({"dead"}).set(static_cast<double>(counts.dead));
  metrics_.outbox_depth.set(static_cast<double>(counts.outbox));
}

void Telemetry::record_held(bool held) {
  metrics_.crm_deliveries_held.set(held ? 1 : 0);
}

std::optional<std::string> Telemetry::token_problem() const {
  if (token_failed_) return "the last OAuth token request failed (see the log)";
  return std::nullopt;
}

void Telemetry::on_upstream_request(std::string_view source, int status, double seconds) {
  const std::string code = status == 0 ? "error" : std::to_string(status);
  metrics_.upstream_requests.labels({std::string(source), code}).inc();
  metrics_.upstream_request_duration.labels({std::string(source)}).observe(seconds);
}

void Telemetry::on_token_refresh(bool ok) {
  token_failed_ = !ok;
  metrics_.token_refreshes.labels({ok ? "success" : "failure"}).inc();
}

void Telemetry::on_rate_limit_wait(double seconds) {
  metrics_.rate_limit_wait_seconds.inc(seconds);
}

void Telemetry::record_insights(const std::vector<Insight>& insights) {
  for (const auto& insight : insights) metrics_.insights.labels({std::string(to_string(insight.type))}).inc();
}

void Telemetry::on_attempt(int status, double seconds) {
  metrics_.crm_deliveries.labels({status == 0 ? std::string("error") : std::to_string(status)}).inc();
  metrics_.crm_delivery_duration.observe(seconds);
}

void Telemetry::on_finished(const queue::Finished& finished, int last_status, std::string webhook_id) {
  auto record = pipeline::decode_audit_context(finished.audit_context, finished.interaction_id);
  record.timestamp = std::chrono::system_clock::now();
  record.outcome = finished.state == queue::State::done ? observability::AuditOutcome::done
                                                        : observability::AuditOutcome::dead;
  if (last_status > 0) record.crm_webhook_status = static_cast<unsigned>(last_status);
  if (!webhook_id.empty()) record.webhook_id = webhook_id;
  if (finished.state != queue::State::done) record.error = "CRM delivery given up (see dead-letters list)";
  record_cycle(record);
}

void Telemetry::on_endpoint_disabled() {
  record_held(true);
}

void Telemetry::on_breaker(bool open) {
  metrics_.crm_circuit_open.set(open ? 1 : 0);
}

}  // namespace insightd::app
