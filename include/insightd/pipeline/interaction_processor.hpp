// SPDX-License-Identifier: Apache-2.0
#pragma once
// One interaction cycle, from a lease to its next durable state:
// fetch (rate-limited, paginated) → governance → first delivery attempt → done,
// or the outbox for what the CRM did not accept; or failed / dead / back to
// pending. Writes the audit record when the cycle ends here; when it ends in
// the outbox, the fetch-side audit fields travel in the outbox row.
#include <boost/asio/awaitable.hpp>
#include <functional>
#include <vector>

#include "insightd/common/backoff.hpp"
#include "insightd/config/config.hpp"
#include "insightd/governance/governance.hpp"
#include "insightd/pipeline/stages.hpp"
#include "insightd/queue/backend.hpp"

namespace insightd::observability {
struct AuditRecord;
}

namespace insightd::pipeline {

// What the processor needs from the rest of the daemon. The pointers must
// outlive every cycle the processor runs.
struct ProcessorContext {
  const Config* config = nullptr;
  InsightFetch* fetch = nullptr;
  const governance::PiiScanner* scanner = nullptr;
  queue::WorkQueue* queue = nullptr;
  FirstAttempt* first_attempt = nullptr;  // null: every message goes through the outbox
  WallClock clock = [] { return std::chrono::system_clock::now(); };
  std::function<void(const observability::AuditRecord&)> audit;  // a finished cycle
  std::function<void()> outbox_written;                          // wake the delivery workers
  std::function<void(const governance::GovernanceResult&, const std::vector<Insight>&)> governed;  // metrics
};

// How long an interaction waits in the queue before its next cycle, when this
// one ended transiently (network, 5xx, 429s, no token) or found the summary not
// ready yet. Full jitter, so a backlog that failed together does not return
// together. Transient: from genesys.retry.max (what one request already
// backed off to) up to ten times that.
BackoffPolicy requeue_backoff(const Config& config);
inline constexpr BackoffPolicy kNotReadyBackoff{std::chrono::seconds(4), std::chrono::minutes(1)};

class InteractionProcessor {
 public:
  explicit InteractionProcessor(ProcessorContext context) : ctx_(std::move(context)) {}

  // Runs one cycle of the leased interaction; `fetched` (may be empty) is
  // called once the upstream part is over, so the caller can hand the fetch
  // slot on while the cycle settles. Throws only when the queue fails (the
  // outcome could not be stored).
  boost::asio::awaitable<void> process(queue::Lease lease, std::function<void()> fetched = {});

 private:
  ProcessorContext ctx_;
};

}  // namespace insightd::pipeline
