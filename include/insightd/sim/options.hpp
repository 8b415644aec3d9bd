// SPDX-License-Identifier: Apache-2.0
#pragma once
// Settings of the Genesys Cloud + CRM simulator (insightd-sim), and the clocks
// it reads, injectable so tests control token expiry and rate limiting.
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace insightd::sim {

struct SimOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;     // 0: any free port
  std::string tls_cert_file;  // both set: HTTPS
  std::string tls_key_file;

  // OAuth client credentials the login endpoint accepts.
  std::string client_id = "insightd-sim";
  std::string client_secret = "insightd-sim-secret";
  std::chrono::seconds token_ttl{86400};  // Genesys' default token lifetime
  // The login endpoint answers 503 for this long after the start (or a reset):
  // an identity-provider outage.
  std::chrono::milliseconds token_outage{0};

  // Server-side token bucket over every /api/v2 request; 0 requests per minute = off.
  unsigned rate_limit_rpm = 0;
  unsigned burst = 10;
  std::chrono::milliseconds latency{0};          // added to every API response
  std::chrono::seconds retry_after{2};           // Retry-After of the `ratelimit` fault
  std::chrono::milliseconds slow_latency{1500};  // extra latency of the `slow` fault

  // CRM receiver. The default secret is the Standard Webhooks documentation example.
  std::string crm_secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  unsigned crm_fail_first = 0;  // 503 for the first N attempts of every webhook-id
  bool crm_gone = false;        // 410 for everything
  std::chrono::milliseconds crm_latency{0};
  unsigned crm_status = 0;  // non-zero: always answer this status
  std::chrono::seconds crm_timestamp_tolerance{300};
  // Keep each received body for GET /sim/crm/deliveries. Off for load runs: a
  // receiver that keeps 56 KB per webhook spends its CPU faulting in new memory.
  bool crm_keep_bodies = true;

  // The platform the intake reads: conversations on these queues, one stage
  // (connected -> customer ended -> wrap-up done) per tick, a new one per tick.
  std::vector<std::string> queues;
  double conversations_per_minute = 0;    // ticks per minute; 0 = no conversations
  std::uint64_t conversations_total = 0;  // start no more than this many; 0 = no limit
  double drop_events = 0.0;               // share of conversation events not sent (0..1)
  std::vector<std::string>
      conversation_ids;  // the first conversations' IDs (fault markers work); then random
  std::chrono::milliseconds heartbeat_interval{30000};

  std::uint64_t seed = 0;  // varies the generated data; same seed + ID = same data
};

// The clocks the simulator reads. `steady` drives token expiry, the rate
// limiter and the request timestamps in the stats; `wall` anchors createdDate.
struct SimClock {
  std::function<std::chrono::steady_clock::time_point()> steady;
  std::function<std::chrono::system_clock::time_point()> wall;

  static SimClock system();
};

}  // namespace insightd::sim
