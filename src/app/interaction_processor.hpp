#pragma once
// One interaction cycle, from a lease to its next durable state:
// fetch (rate-limited, paginated) → governance → first delivery attempt → done,
// or the outbox for what the CRM did not accept; or failed / dead / back to
// pending. Writes the audit record when the cycle ends here; when it ends in
// the outbox, the fetch-side audit fields travel in the outbox row.
#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>

#include "insightd/config/config.hpp"
#include "insightd/genesys/fetcher.hpp"
#include "insightd/governance/governance.hpp"
#include "insightd/queue/store.hpp"

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
  queue::Store* store = nullptr;
  delivery::Deliverer* deliverer = nullptr;  // null: every message goes through the outbox
  std::function<void(const observability::AuditRecord&)> audit;  // a finished cycle
  std::function<void()> outbox_written;                          // wake the delivery workers
  std::function<void()> fetched;  // the upstream part is over: the fetch slot is free
  std::function<void(const governance::GovernanceResult&, const std::vector<Insight>&)> governed;  // metrics
};

// The longest a not-ready (copilot Pending) interaction waits before it is failed.
inline constexpr int max_not_ready_attempts = 10;

boost::asio::awaitable<void> process_interaction(ProcessorContext ctx, queue::Lease lease);

}  // namespace insightd::app
