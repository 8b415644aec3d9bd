// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to src/sim: the simulator's mutable state and the shape every
// endpoint returns. Endpoints run under `mutex`, without suspending.
#include <boost/json/value.hpp>
#include <boost/url/url_view.hpp>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "insightd/http/server.hpp"
#include "insightd/sim/faults.hpp"
#include "insightd/sim/insight_query.hpp"
#include "insightd/sim/options.hpp"
#include "insightd/sim/runtime_faults.hpp"
#include "insightd/sim/stats.hpp"
#include "insightd/sim/token_bucket.hpp"
#include "insightd/sim/token_store.hpp"
#include "platform.hpp"

namespace insightd::sim {

struct SimState {
  SimState(SimOptions opts, SimClock clk);

  SimOptions options;
  SimClock clock;
  std::string crm_key;                           // HMAC key bytes from options.crm_secret
  std::chrono::system_clock::time_point anchor;  // generated dates are relative to it

  mutable std::mutex mutex;
  TokenStore tokens;
  TokenBucket bucket;
  std::chrono::steady_clock::time_point epoch;  // time zero of the stats
  SimStats stats;

  // Per-ID fault memory, cleared by reset().
  std::unordered_map<std::string, int> requests_per_id;
  std::unordered_set<std::string> rate_limited_ids;
  std::unordered_set<std::string> token_revoked_ids;
  std::unordered_set<std::string> summary_requested_ids;
  RuntimeFaults runtime_faults;  // POST /sim/faults

  // The platform side (conversations, channels) and the notifications
  // listener's control: set by the Simulator; called under `mutex`, it only
  // posts the action to the listener's executor.
  Platform platform;
  std::string notifications_base_uri;  // "ws://host:port" of the WebSocket listener
  std::function<void(std::string_view action)> notifications_control;

  std::int64_t now_ms() const;
  void clear();
};

// An answer, the endpoint name it is counted under, and how long to hold it.
struct Reply {
  std::string endpoint;
  http::Response response;
  std::chrono::milliseconds delay{0};
};

// A validated API call for one interaction, after authentication and rate limiting.
struct ApiCall {
  std::string interaction_id;
  Faults faults;
  std::string bearer;
  boost::urls::url_view url;
};

http::Response json_response(unsigned status, const boost::json::value& body);
// {"status","code","message"} as Genesys answers errors.
http::Response error_response(const ApiError& error);
// "ININ-Correlation-Id" values: UUID-shaped random hex.
std::string correlation_id();

Reply oauth_token(SimState& state, const http::ServerRequest& request);
Reply api_request(SimState& state, const http::ServerRequest& request, boost::urls::url_view url);
Reply agentassist_insights(SimState& state, const ApiCall& call);
Reply copilot_summaries(SimState& state, const ApiCall& call);
Reply sta_summaries(SimState& state, const ApiCall& call);
Reply sta_sentiments(SimState& state, const ApiCall& call);
Reply crm_ingest(SimState& state, const http::ServerRequest& request);

// The gate of every API call (bearer token, the global bucket): a refusal, or
// nullopt to go on. Counts the call in the stats' request times.
std::optional<Reply> refuse_unauthorized(SimState& state, const http::ServerRequest& request,
                                         const std::string& endpoint);
// Notifications channels, the analytics query and the assistants, or nullopt
// when the path is none of them.
std::optional<Reply> platform_request(SimState& state, const http::ServerRequest& request,
                                      boost::urls::url_view url);

}  // namespace insightd::sim
