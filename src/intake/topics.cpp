// SPDX-License-Identifier: Apache-2.0
#include "insightd/intake/topics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <set>

namespace insightd::intake {
namespace {
constexpr std::string_view kPrefix = "v2.routing.queues.";
constexpr std::string_view kSuffix = ".conversations";

std::string_view text_of(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string_view(v->get_string()) : std::string_view{};
}
}  // namespace

std::string queue_topic(std::string_view queue_id) {
  return fmt::format("{}{}{}", kPrefix, queue_id, kSuffix);
}

std::optional<std::string> queue_of_topic(std::string_view topic) {
  if (!topic.starts_with(kPrefix) || !topic.ends_with(kSuffix)) return std::nullopt;
  topic.remove_prefix(kPrefix.size());
  topic.remove_suffix(kSuffix.size());
  if (topic.empty() || topic.find('.') != std::string_view::npos) return std::nullopt;
  return std::string(topic);
}

result_with_message<std::vector<std::vector<std::string>>> plan_channels(
    const std::vector<std::string>& queue_ids) {
  std::vector<std::string> topics;
  std::set<std::string_view> seen;
  for (const auto& id : queue_ids)
    if (seen.insert(id).second) topics.push_back(queue_topic(id));
  if (topics.size() > kMaxChannels * kTopicsPerChannel) {
    return ErrorWithMessage{
        errc::invalid_argument,
        fmt::format("{} queues need more than the {} channels of {} topics an OAuth client "
                    "may hold; split the queues over several deployments with their own "
                    "OAuth clients",
                    topics.size(), kMaxChannels, kTopicsPerChannel)};
  }
  std::vector<std::vector<std::string>> channels;
  for (std::size_t i = 0; i < topics.size(); i += kTopicsPerChannel) {
    auto end = std::min(topics.size(), i + kTopicsPerChannel);
    channels.emplace_back(std::make_move_iterator(topics.begin() + static_cast<std::ptrdiff_t>(i)),
                          std::make_move_iterator(topics.begin() + static_cast<std::ptrdiff_t>(end)));
  }
  return channels;
}

std::string subscriptions_body(const std::vector<std::string>& topics) {
  boost::json::array body;
  for (const auto& topic : topics) body.push_back(boost::json::object{{"id", topic}});
  return boost::json::serialize(body);
}

result<std::vector<std::string>> rejected_topics(std::string_view response_body,
                                                 const std::vector<std::string>& requested) {
  boost::system::error_code ec;
  auto value = boost::json::parse(response_body, ec);
  if (ec || !value.is_object()) return errc::malformed_response;
  const auto* entities = value.get_object().if_contains("entities");
  if (!entities || !entities->is_array()) return errc::malformed_response;
  std::set<std::string, std::less<>> accepted;
  for (const auto& entity : entities->get_array())
    if (entity.is_object()) accepted.emplace(text_of(entity.get_object(), "id"));
  std::vector<std::string> rejected;
  for (const auto& topic : requested)
    if (!accepted.contains(topic)) rejected.push_back(topic);
  return rejected;
}

result<Channel> parse_channel(std::string_view body) {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  if (ec || !value.is_object()) return errc::malformed_response;
  const auto& o = value.get_object();
  Channel channel{std::string(text_of(o, "id")), std::string(text_of(o, "connectUri")),
                  std::string(text_of(o, "expires"))};
  if (channel.id.empty() || channel.connect_uri.empty()) return errc::malformed_response;
  return channel;
}

}  // namespace insightd::intake
