// SPDX-License-Identifier: Apache-2.0
// Every /api/v2 request passes here: routing, bearer check, the global token
// bucket, then the faults every source shares (runtime storms, notfound, forbidden, 429s, flaky).
#include <fmt/format.h>

#include <boost/algorithm/string/predicate.hpp>
#include <limits>
#include <vector>

#include "sim_state.hpp"

namespace insightd::sim {
namespace {

using Source = Reply (*)(SimState&, const ApiCall&);

struct Route {
  std::string endpoint;
  std::string interaction_id;
  Source source = nullptr;
};

bool matches(const std::vector<std::string>& segs, std::initializer_list<std::string_view> pattern) {
  if (segs.size() != pattern.size()) return false;
  std::size_t i = 0;
  for (auto p : pattern) {
    if (p != "{id}" && segs[i] != p) return false;
    ++i;
  }
  return true;
}

std::optional<Route> route(boost::urls::url_view url) {
  std::vector<std::string> segs;
  for (auto s : url.segments()) segs.push_back(s);
  if (matches(segs, {"api", "v2", "agentassist", "interactions", "{id}", "insights"}))
    return Route{"agentassist_insights", segs[4], &agentassist_insights};
  if (matches(segs, {"api", "v2", "conversations", "{id}", "summaries"}))
    return Route{"copilot_summaries", segs[3], &copilot_summaries};
  if (matches(segs, {"api", "v2", "speechandtextanalytics", "conversations", "{id}", "summaries"}))
    return Route{"sta_summaries", segs[4], &sta_summaries};
  if (matches(segs, {"api", "v2", "speechandtextanalytics", "conversations", "{id}", "sentiments"}))
    return Route{"sta_sentiments", segs[4], &sta_sentiments};
  return std::nullopt;
}

// Marks earlier 429s with the arrival time of this request.
void note_api_request(SimState& state) {
  const auto now = state.now_ms();
  state.stats.api_request_ms.push_back(now);
  for (auto it = state.stats.rate_limited.rbegin(); it != state.stats.rate_limited.rend(); ++it) {
    if (it->next_api_request_ms) break;
    it->next_api_request_ms = now;
  }
}

Reply too_many_requests(SimState& state, std::string endpoint, std::int64_t retry_after_s,
                        std::string cause) {
  state.stats.rate_limited.push_back({state.now_ms(), retry_after_s, std::move(cause), std::nullopt});
  Reply reply{std::move(endpoint), error_response({429, "too.many.requests.retry.after",
                                                   "Rate limit exceeded the maximum. Retry the request in [" +
                                                       std::to_string(retry_after_s) + "] seconds"})};
  reply.response.headers.set("Retry-After", std::to_string(retry_after_s));
  return reply;
}

std::optional<std::string> bearer_of(const http::ServerRequest& request) {
  constexpr std::string_view kScheme = "Bearer ";
  auto header = request.headers.get("Authorization");
  if (!boost::algorithm::istarts_with(header, kScheme)) return std::nullopt;
  return std::string(header.substr(kScheme.size()));
}

}  // namespace

std::optional<Reply> refuse_unauthorized(SimState& state, const http::ServerRequest& request,
                                         const std::string& endpoint) {
  note_api_request(state);
  auto bearer = bearer_of(request);
  if (!bearer)
    return Reply{endpoint,
                 error_response({401, "authentication.required",
                                 "No authentication bearer token specified in authorization header."})};
  if (!state.tokens.valid(*bearer, state.clock.steady()))
    return Reply{endpoint, error_response({401, "bad.credentials", "Invalid login credentials."})};
  if (const auto storm = state.runtime_faults.api_429_retry_after_s(state.clock.steady()))
    return too_many_requests(state, endpoint, storm, "storm");
  if (auto wait = state.bucket.try_take(state.clock.steady()))
    return too_many_requests(state, endpoint, wait->count(), "bucket");
  return std::nullopt;
}

Reply api_request(SimState& state, const http::ServerRequest& request, boost::urls::url_view url) {
  if (auto reply = platform_request(state, request, url)) return std::move(*reply);
  auto found = route(url);
  if (!found)
    return {"unknown", error_response({404, "not.found", "No API matches " + std::string(url.path())})};
  if (request.method != "GET")
    return {found->endpoint,
            error_response({405, "method.not.allowed", request.method + " is not supported here"})};
  if (auto refused = refuse_unauthorized(state, request, found->endpoint)) return std::move(*refused);

  ApiCall call{found->interaction_id, faults_for(found->interaction_id),
               std::string(bearer_of(request).value()), url};
  if (const unsigned status = state.runtime_faults.next_api_error(state.clock.steady()))
    return {found->endpoint,
            error_response({status, status == 500 ? "internal.server.error" : "service.unavailable",
                            "Storm of server errors (POST /sim/faults api_errors)"})};
  const auto& f = call.faults;
  Reply reply = [&]() -> Reply {
    if (f.not_found)
      return {found->endpoint,
              error_response({404, "not.found", "Interaction " + call.interaction_id + " was not found"})};
    if (f.forbidden)
      return {found->endpoint,
              error_response({403, "missing.permissions",
                              "Missing permission to read interaction " + call.interaction_id})};
    if (f.chatty_error)
      return {found->endpoint, error_response({400, "bad.request",
                                               fmt::format("Query rejected for customer {} ({}), card {}",
                                                           kChattyEmail, kChattyPhone, kChattyCard)})};
    if (f.long_limit) return too_many_requests(state, found->endpoint, kLongLimitRetryAfterS, "longlimit");
    if (f.rate_limit && state.rate_limited_ids.insert(call.interaction_id).second)
      return too_many_requests(state, found->endpoint, state.options.retry_after.count(), "ratelimit");
    const int failures = f.down     ? std::numeric_limits<int>::max()
                         : f.outage ? kOutageFailures
                         : f.flaky  ? kFlakyFailures
                                    : 0;
    if (failures > 0 && ++state.requests_per_id[call.interaction_id] <= failures)
      return {found->endpoint,
              error_response({503, "service.unavailable", "The service is temporarily unavailable"})};
    return found->source(state, call);
  }();
  if (f.slow) reply.delay += state.options.slow_latency;
  return reply;
}

}  // namespace insightd::sim
