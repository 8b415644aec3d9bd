// SPDX-License-Identifier: Apache-2.0
// The platform endpoints the intake calls:
//   POST /api/v2/notifications/channels                        a channel and its connectUri
//   PUT  /api/v2/notifications/channels/{id}/subscriptions     topics of simulated queues only
//   POST /api/v2/analytics/conversations/details/query         ended conversations, paged
//   GET  /api/v2/assistants, /api/v2/assistants/{id}/queues    one assistant over every queue
#include <fmt/format.h>

#include <boost/json/parse.hpp>

#include "insightd/common/rfc3339.hpp"
#include "sim_state.hpp"

namespace insightd::sim {
namespace {

constexpr std::string_view kAssistantId = "5a551575-0000-4000-8000-00000000a551";

std::vector<std::string> segments_of(boost::urls::url_view url) {
  std::vector<std::string> segs;
  for (auto s : url.segments()) segs.push_back(s);
  return segs;
}

Reply create_channel(SimState& state) {
  auto& channel = state.platform.create_channel();
  const auto expires = state.clock.wall() + std::chrono::hours(24);
  return {"notifications_channels",
          json_response(
              200, boost::json::object{{"id", channel.id},
                                       {"connectUri", fmt::format("{}/channels/{}",
                                                                  state.notifications_base_uri, channel.id)},
                                       {"expires", format_rfc3339(expires)}})};
}

// Topics of the simulated queues are granted; anything else is left out of
// the answer, as Genesys does for topics the client may not read.
Reply subscribe(SimState& state, const std::string& channel_id, const http::ServerRequest& request) {
  const std::string endpoint = "notifications_subscriptions";
  auto* channel = state.platform.channel(channel_id);
  if (!channel) return {endpoint, error_response({404, "not.found", "Channel " + channel_id + " not found"})};
  boost::system::error_code ec;
  auto body = boost::json::parse(request.body, ec);
  if (ec || !body.is_array())
    return {endpoint, error_response({400, "bad.request", "Expected a JSON array of {\"id\": topic}"})};
  channel->topics.clear();
  boost::json::array granted;
  for (const auto& item : body.get_array()) {
    const auto* id = item.is_object() ? item.get_object().if_contains("id") : nullptr;
    if (!id || !id->is_string()) continue;
    const std::string topic(id->get_string());
    for (const auto& queue : state.options.queues) {
      if (topic != fmt::format("v2.routing.queues.{}.conversations", queue)) continue;
      channel->topics.insert(topic);
      granted.push_back(boost::json::object{{"id", topic}});
    }
  }
  return {endpoint, json_response(200, boost::json::object{{"entities", std::move(granted)}})};
}

Reply analytics_query(SimState& state, const http::ServerRequest& request) {
  const std::string endpoint = "analytics_conversations_query";
  boost::system::error_code ec;
  auto body = boost::json::parse(request.body, ec);
  std::string error = "The request body is not JSON";
  auto answer = ec ? std::nullopt : analytics_answer(state.platform, body, error);
  if (!answer) return {endpoint, error_response({400, "bad.request", error})};
  return {endpoint, json_response(200, *answer)};
}

Reply assistants() {
  return {
      "assistants",
      json_response(
          200, boost::json::object{
                   {"entities", boost::json::array{{{"id", kAssistantId}, {"name", "Simulated assistant"}}}},
                   {"pageSize", 100}})};
}

Reply assistant_queues(SimState& state, const std::string& assistant_id) {
  if (assistant_id != kAssistantId)
    return {"assistant_queues",
            error_response({404, "not.found", "Assistant " + assistant_id + " not found"})};
  boost::json::array queues;
  for (const auto& q : state.options.queues)
    queues.push_back(boost::json::object{{"id", q}, {"mediaTypes", boost::json::array{"call", "message"}}});
  return {"assistant_queues", json_response(200, boost::json::object{{"entities", std::move(queues)}})};
}

Reply method_not_allowed(std::string endpoint, const http::ServerRequest& request) {
  return {std::move(endpoint),
          error_response({405, "method.not.allowed", request.method + " is not supported here"})};
}

}  // namespace

std::optional<Reply> platform_request(SimState& state, const http::ServerRequest& request,
                                      boost::urls::url_view url) {
  const auto s = segments_of(url);
  if (s.size() < 3 || s[0] != "api" || s[1] != "v2") return std::nullopt;
  const std::vector<std::string> rest(s.begin() + 2, s.end());
  std::string endpoint;
  std::string method;
  if (rest == std::vector<std::string>{"notifications", "channels"}) {
    endpoint = "notifications_channels", method = "POST";
  } else if (rest.size() == 4 && rest[0] == "notifications" && rest[1] == "channels" &&
             rest[3] == "subscriptions") {
    endpoint = "notifications_subscriptions", method = "PUT";
  } else if (rest == std::vector<std::string>{"analytics", "conversations", "details", "query"}) {
    endpoint = "analytics_conversations_query", method = "POST";
  } else if (rest == std::vector<std::string>{"assistants"}) {
    endpoint = "assistants", method = "GET";
  } else if (rest.size() == 3 && rest[0] == "assistants" && rest[2] == "queues") {
    endpoint = "assistant_queues", method = "GET";
  } else {
    return std::nullopt;
  }
  if (request.method != method) return method_not_allowed(endpoint, request);
  if (auto refused = refuse_unauthorized(state, request, endpoint)) return refused;
  if (endpoint == "notifications_channels") return create_channel(state);
  if (endpoint == "notifications_subscriptions") return subscribe(state, rest[2], request);
  if (endpoint == "analytics_conversations_query") return analytics_query(state, request);
  if (endpoint == "assistants") return assistants();
  return assistant_queues(state, rest[1]);
}

}  // namespace insightd::sim
