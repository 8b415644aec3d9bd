// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the web console shows and does, over the queue backend: the daemon hands
// these to the admin endpoint (observability/console.hpp draws and guards them).
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <memory>
#include <string>

#include "insightd/observability/console.hpp"
#include "insightd/queue/backend.hpp"

namespace insightd::app {

inline constexpr int kConsoleThroughputMinutes = 60;
inline constexpr std::size_t kConsoleFailureRows = 100;

// The intake's status as the leading daemon recorded it in the queue backend:
// `insightd intake status --json` plus "configured" (this daemon's
// configuration has an intake section).
boost::asio::awaitable<boost::json::object> intake_view(std::shared_ptr<queue::Backend> backend,
                                                        bool configured);

// {"generated_at": RFC 3339 UTC,
//  "status": as `insightd status --json`,
//  "throughput": {"start": the first minute, "done": [per minute], "failed": [per minute]},
//  "failures": the newest failed or dead interactions (queue::to_json(Failure)),
//  "intake": intake_view}
boost::asio::awaitable<boost::json::object> console_snapshot(std::shared_ptr<queue::Backend> store,
                                                             bool intake_configured);

// The console's deps; `work_arrived` runs after a replay or a resume, so the
// lease loop and the delivery workers look for the work at once;
// `intake_configured` is asked at every snapshot (a reload can change it).
observability::ConsoleDeps console_deps(std::shared_ptr<queue::Backend> store, std::string token,
                                        std::function<void()> work_arrived,
                                        std::function<bool()> intake_configured);

}  // namespace insightd::app
