// SPDX-License-Identifier: Apache-2.0
#pragma once
// One interaction cycle, from a lease to its next durable state:
// fetch (rate-limited, paginated) → governance → first delivery attempt → done,
// or the outbox for what the CRM did not accept; or failed / dead / back to
// pending. Writes the audit record when the cycle ends here; when it ends in
// the outbox, the fetch-side audit fields travel in the outbox row.
#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>

#include "insightd/common/backoff.hpp"
#include "insightd/config/config.hpp"
#include "insightd/genesys/fetcher.hpp"
#include "insightd/governance/governance.hpp"
#include "insightd/queue/backend.hpp"

namespace insightd::observability {
struct AuditRecord;
}
namespace insightd::delivery {
class Deliverer;
}

namespace insightd::app {

// What the processor needs from the rest of the daemon.
struct ProcessorContext {
  const Config* config = nullptr;
  genesys::Fetcher* fetcher = nullptr;
  const governance::PiiScanner* scanner = nullptr;
  queue::WorkQueue* store = nullptr;
  delivery::Deliverer* deliverer = nullptr;  // null: every message goes through the outbox
  std::function<void(const observability::AuditRecord&)> audit;  // a finished cycle
  std::function<void()> outbox_written;                          // wake the delivery workers
  std::function<void()> fetched;  // the upstream part is over: the fetch slot is free
  std::function<void(const governance::GovernanceResult&, const std::vector<Insight>&)> governed;  // metrics
};

// How long an interaction waits in the queue before its next cycle, when this
// one ended transiently (network, 5xx, 429s, no token) or found the summary not
// ready yet. Full jitter, so a backlog that failed together does not return
// together. Transient: from genesys.retry.max (what one request already
// backed off to) up to ten times that.
BackoffPolicy requeue_backoff(const Config& config);
inline constexpr BackoffPolicy not_ready_backoff{std::chrono::seconds(4), std::chrono::minutes(1)};

boost::asio::awaitable<void> process_interaction(ProcessorContext ctx, queue::Lease lease);

}  // namespace insightd::app
