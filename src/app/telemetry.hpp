// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where the components' observations meet the daemon's outputs: metrics
// (the metric families of docs/operations.md) and one audit record per finished interaction cycle.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "insightd/delivery/deliverer.hpp"
#include "insightd/genesys/observer.hpp"
#include "insightd/governance/governance.hpp"
#include "insightd/observability/audit.hpp"
#include "insightd/observability/metrics.hpp"
#include "insightd/queue/types.hpp"

namespace insightd::app {

class Telemetry final : public genesys::FetchObserver, public delivery::DeliveryObserver {
 public:
  Telemetry(observability::Metrics& metrics, std::shared_ptr<observability::AuditSink> audit,
            std::function<void()> on_cycle_finished);

  // An interaction cycle ended (in the fetch stage, or at the CRM).
  void record_cycle(const observability::AuditRecord& record);
  void record_governance(const governance::GovernanceResult& result);
  // Insights that passed governance and went to the outbox.
  void record_insights(const std::vector<Insight>& insights);
  void record_counts(const queue::Counts& counts);
  // Whether deliveries are held (410), as stored: an operator may resume them from another process.
  void record_held(bool held);
  // Why /readyz should say no: the last token request failed.
  std::optional<std::string> token_problem() const;

  // genesys::FetchObserver
  void on_upstream_request(std::string_view source, int status, double seconds) override;
  void on_token_refresh(bool ok) override;
  void on_rate_limit_wait(double seconds) override;

  // delivery::DeliveryObserver
  void on_attempt(int status, double seconds) override;
  void on_finished(const queue::Finished& finished, int last_status, std::string webhook_id) override;
  void on_endpoint_disabled() override;
  void on_breaker(bool open) override;

 private:
  observability::Metrics& metrics_;
  std::shared_ptr<observability::AuditSink> audit_;
  std::function<void()> on_cycle_finished_;
  bool token_failed_ = false;
};

}  // namespace insightd::app
