// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the simulator observed, for tests and the demo: served at GET /sim/stats
// and GET /sim/crm/deliveries, and in-process through Simulator::stats().
#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace insightd::sim {

// One 429 served. `next_api_request_ms` is when the next API request (from
// any client) arrived, so a test can check every client paused >= Retry-After.
struct RateLimitEvent {
  std::int64_t at_ms = 0;
  std::int64_t retry_after_s = 0;
  std::string cause;  // "bucket" (--rate-limit) | "ratelimit" | "longlimit" (ID faults)
  std::optional<std::int64_t> next_api_request_ms;
};

struct CrmReceipt {
  std::int64_t at_ms = 0;
  std::string webhook_id;
  std::string idempotency_key;
  std::string interaction_id;  // from the body; empty when absent
  std::int64_t part = 0;       // from the body; 0 when absent
  std::int64_t parts = 0;
  bool signature_ok = false;
  bool timestamp_ok = false;
  int attempt = 0;      // 1 for the first receipt of this webhook-id
  unsigned status = 0;  // what the receiver answered
  std::string body;
};

struct SimStats {
  // Times are milliseconds on the steady clock since the simulator started (or was reset),
  // which was at this wall-clock time (Unix ms): to line them up with another process's clock.
  std::int64_t epoch_unix_ms = 0;
  std::map<std::string, std::map<unsigned, std::uint64_t>> requests;  // endpoint -> status -> count
  std::uint64_t token_requests = 0;
  std::uint64_t tokens_issued = 0;
  std::vector<std::int64_t> api_request_ms;
  std::vector<RateLimitEvent> rate_limited;

  std::vector<CrmReceipt> crm_receipts;
  std::map<std::string, std::uint64_t> crm_receipts_per_webhook_id;
  std::map<std::string, std::uint64_t> crm_accepted_per_webhook_id;  // 2xx answers only
  std::uint64_t crm_signature_failures = 0;
  std::uint64_t crm_stale_timestamps = 0;
  std::set<std::string> crm_interactions_delivered;  // interactions with a 2xx receipt

  // The platform: conversations and the notifications WebSocket.
  std::uint64_t conversations_started = 0;
  std::vector<std::string> conversations_finished;               // wrap-up done, in order
  std::map<std::string, std::int64_t> conversation_finished_ms;  // id -> when
  // Finished while no open socket was subscribed to their queue (a client
  // down, between channels): only the analytics query can find these.
  std::vector<std::string> conversations_finished_unheard;
  std::uint64_t events_sent = 0, events_dropped = 0;
  std::uint64_t sockets_accepted = 0, sockets_cut = 0, socket_closing_sent = 0;

  std::uint64_t count(const std::string& endpoint, unsigned status) const;
};

// The /sim/stats document: everything but the CRM bodies.
boost::json::object to_json(const SimStats& stats);
// The /sim/crm/deliveries document: {"deliveries":[{...receipt, "body":"..."}]}.
boost::json::object deliveries_json(const SimStats& stats);

}  // namespace insightd::sim
