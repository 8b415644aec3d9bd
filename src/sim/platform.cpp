// SPDX-License-Identifier: Apache-2.0
#include "platform.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "insightd/common/crypto.hpp"
#include "insightd/common/rfc3339.hpp"
#include "insightd/sim/insight_data.hpp"

namespace insightd::sim {
namespace {

// UUID-shaped and hex only, so no fault marker of insight IDs ever appears in one.
std::string uuid_like() {
  const std::string hex = crypto::random_hex(16);
  return fmt::format("{}-{}-4{}-8{}-{}", hex.substr(0, 8), hex.substr(8, 4), hex.substr(13, 3),
                     hex.substr(17, 3), hex.substr(20));
}

boost::json::object participant(std::string_view purpose, const SimConversation& c, bool ended,
                                std::string_view media_state) {
  boost::json::object p{{"id", fmt::format("{}-{}", purpose, c.id.substr(0, 8))},
                        {"purpose", purpose},
                        {"connectedTime", format_rfc3339(c.start)}};
  if (purpose != "customer") p["queueId"] = c.queue_id;
  if (ended) p["endTime"] = format_rfc3339(c.customer_end);
  p["calls"] = boost::json::array{{{"id", fmt::format("call-{}", purpose)}, {"state", media_state}}};
  return p;
}

boost::json::object event_body(const SimConversation& c) {
  const bool ended = c.stage >= 1;
  auto agent = participant("agent", c, ended, ended ? "disconnected" : "connected");
  agent["userId"] = c.agent_id;
  agent["wrapupRequired"] = true;
  if (ended) agent["startAcwTime"] = format_rfc3339(c.customer_end);
  if (c.stage >= 2) {
    agent["endAcwTime"] = format_rfc3339(c.wrapup_end);
    agent["wrapup"] = {{"code", "7c3e1f0a-0000-4000-8000-00000000c0de"},
                       {"endTime", format_rfc3339(c.wrapup_end)}};
  }
  auto acd = participant("acd", c, true, "disconnected");
  acd["endTime"] = format_rfc3339(c.start);
  return {{"id", c.id},
          {"participants",
           boost::json::array{participant("customer", c, ended, ended ? "terminated" : "connected"),
                              std::move(acd), std::move(agent)}}};
}

std::string_view text_at(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string_view(v->get_string()) : std::string_view{};
}

// Every `value` of a queueId predicate in the segment filters.
std::set<std::string> requested_queues(const boost::json::object& request) {
  std::set<std::string> queues;
  const auto* filters = request.if_contains("segmentFilters");
  if (!filters || !filters->is_array()) return queues;
  for (const auto& filter : filters->get_array()) {
    const auto* predicates = filter.is_object() ? filter.get_object().if_contains("predicates") : nullptr;
    if (!predicates || !predicates->is_array()) continue;
    for (const auto& p : predicates->get_array()) {
      if (p.is_object() && text_at(p.get_object(), "dimension") == "queueId")
        queues.emplace(text_at(p.get_object(), "value"));
    }
  }
  return queues;
}

std::int64_t int_at(const boost::json::object& o, std::string_view key, std::int64_t fallback) {
  const auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->get_int64() : fallback;
}

}  // namespace

std::vector<const SimConversation*> Platform::tick(const std::vector<std::string>& queues,
                                                   std::uint64_t total, const std::vector<std::string>& ids,
                                                   time_point now) {
  std::vector<const SimConversation*> changed;
  for (const auto& id : order_) {
    auto& c = conversations_.at(id);
    if (c.stage >= 2) continue;
    ++c.stage;
    if (c.stage == 1) c.customer_end = now;
    if (c.stage == 2) {
      c.wrapup_end = now;
      ++finished_;
    }
    changed.push_back(&c);
  }
  if (!queues.empty() && (total == 0 || started_ < total)) {
    SimConversation c;
    c.id = started_ < ids.size() ? ids[started_] : uuid_like();
    c.queue_id = queues[started_ % queues.size()];
    c.agent_id = fmt::format("agent-{}", started_ % 17);
    c.start = now;
    ++started_;
    order_.push_back(c.id);
    auto [it, inserted] = conversations_.emplace(c.id, std::move(c));
    changed.push_back(&it->second);
  }
  return changed;
}

bool Platform::all_finished(std::uint64_t total) const {
  return total > 0 && started_ >= total && finished_ >= total;
}

SimChannel& Platform::create_channel() {
  const auto id = fmt::format("streaming-{}-{}", ++channel_counter_, crypto::random_hex(4));
  return channels_[id] = SimChannel{id, {}};
}

SimChannel* Platform::channel(const std::string& id) {
  auto it = channels_.find(id);
  return it == channels_.end() ? nullptr : &it->second;
}

void Platform::clear() {
  conversations_.clear();
  order_.clear();
  started_ = finished_ = 0;
}

std::string conversation_event_message(const SimConversation& c) {
  return boost::json::serialize(
      boost::json::object{{"topicName", fmt::format("v2.routing.queues.{}.conversations", c.queue_id)},
                          {"version", "2"},
                          {"eventBody", event_body(c)},
                          {"metadata", {{"CorrelationId", uuid_like()}}}});
}

std::string heartbeat_message() {
  return R"({"topicName":"channel.metadata","eventBody":{"message":"WebSocket Heartbeat"}})";
}

std::string socket_closing_message() {
  return R"({"topicName":"v2.system.socket_closing","eventBody":{"message":"The socket is closing"},"version":"2"})";
}

std::string pong_message() {
  return R"({"topicName":"channel.metadata","eventBody":{"message":"pong"}})";
}

std::optional<boost::json::object> analytics_answer(const Platform& platform,
                                                    const boost::json::value& request, std::string& error) {
  if (!request.is_object()) {
    error = "The request body must be a JSON object";
    return std::nullopt;
  }
  const auto& o = request.get_object();
  const auto interval = text_at(o, "interval");
  const auto slash = interval.find('/');
  auto start = parse_rfc3339(interval.substr(0, slash));
  auto end = slash == std::string_view::npos ? std::nullopt : parse_rfc3339(interval.substr(slash + 1));
  if (!start || !end || *end <= *start) {
    error = fmt::format("interval must be an ISO 8601 start/end, got '{}'", interval);
    return std::nullopt;
  }
  const auto from = start.value_or(std::chrono::system_clock::time_point{});
  const auto to = end.value_or(std::chrono::system_clock::time_point{});
  if (to - from > std::chrono::hours(24 * 7)) {
    error = "The interval may not exceed 7 days";
    return std::nullopt;
  }
  std::int64_t page_size = 25, page_number = 1;
  if (const auto* paging = o.if_contains("paging"); paging && paging->is_object()) {
    page_size = int_at(paging->get_object(), "pageSize", 25);
    page_number = int_at(paging->get_object(), "pageNumber", 1);
  }
  if (page_size < 1 || page_size > 100 || page_number < 1) {
    error = "paging.pageSize must be 1..100 and paging.pageNumber at least 1";
    return std::nullopt;
  }
  const auto queues = requested_queues(o);

  std::vector<const SimConversation*> hits;
  for (const auto& [id, c] : platform.conversations()) {
    if (c.stage < 1 || c.start < from || c.start >= to) continue;
    if (!queues.empty() && !queues.contains(c.queue_id)) continue;
    hits.push_back(&c);
  }
  std::sort(hits.begin(), hits.end(), [](const auto* a, const auto* b) { return a->start < b->start; });
  boost::json::array page;
  const auto first = static_cast<std::size_t>((page_number - 1) * page_size);
  for (auto i = first; i < hits.size() && i < first + static_cast<std::size_t>(page_size); ++i) {
    const auto& c = *hits[i];
    page.push_back({{"conversationId", c.id},
                    {"conversationStart", format_rfc3339(c.start)},
                    {"conversationEnd", format_rfc3339(c.customer_end)},
                    {"originatingDirection", "inbound"},
                    {"participants", boost::json::array{{{"purpose", "agent"}, {"userId", c.agent_id}}}}});
  }
  boost::json::object answer{{"totalHits", static_cast<std::int64_t>(hits.size())}};
  if (!page.empty()) answer["conversations"] = std::move(page);
  return answer;
}

}  // namespace insightd::sim
