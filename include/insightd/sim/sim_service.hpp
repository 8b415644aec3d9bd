// SPDX-License-Identifier: Apache-2.0
#pragma once
// The simulator's request handling, independent of any socket: an
// http::Handler that tests call directly and the server runs.
//
//   POST /oauth/token                                          login (client credentials)
//   GET  /api/v2/agentassist/interactions/{id}/insights        source agentassist
//   GET  /api/v2/conversations/{id}/summaries                  source copilot-summaries
//   GET  /api/v2/speechandtextanalytics/conversations/{id}/summaries|sentiments   source sta
//   POST /api/v2/notifications/channels, PUT .../channels/{id}/subscriptions,
//   POST /api/v2/analytics/conversations/details/query,
//   GET  /api/v2/assistants, /api/v2/assistants/{id}/queues     the intake's platform calls
//   POST /crm/ingest                                           CRM webhook receiver
//   POST /sim/notifications/{closing|cut|stall|resume}         notifications faults
//   GET|POST /sim/faults                                       runtime faults (loopback only)
//   GET  /sim/stats, GET /sim/crm/deliveries, POST /sim/reset  introspection
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <memory>

#include "insightd/http/server.hpp"
#include "insightd/sim/options.hpp"
#include "insightd/sim/stats.hpp"

namespace insightd::sim {

struct SimState;

class SimService {
 public:
  SimService(boost::asio::any_io_executor executor, SimOptions options, SimClock clock = SimClock::system());
  ~SimService();
  SimService(const SimService&) = delete;
  SimService& operator=(const SimService&) = delete;

  // Answers one request, after the configured latency. Never throws for bad input.
  boost::asio::awaitable<http::Response> handle(http::ServerRequest request);

  // A Handler for http::make_server; it keeps the service alive.
  static http::Handler handler(std::shared_ptr<SimService> service);

  SimStats stats() const;  // a snapshot; safe from any thread
  void reset();            // clears the stats and the per-ID fault memory

  // For the notifications listener (src/sim): lock state().mutex around use.
  SimState& state() noexcept;

 private:
  boost::asio::any_io_executor executor_;
  std::unique_ptr<SimState> state_;
};

}  // namespace insightd::sim
