#include "insightd/delivery/payload.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>
#include <stdexcept>

#include "insightd/common/crypto.hpp"

namespace insightd::delivery {

std::string webhook_id_for(std::string_view interaction_id, std::string_view cycle_key, int part) {
  // Length-prefixed, so no two different triples hash the same input.
  const auto input =
      fmt::format("{}:{}{}:{}{}", part, interaction_id.size(), interaction_id, cycle_key.size(), cycle_key);
  return "msg_" + crypto::sha256_hex(input).substr(0, 32);
}

std::vector<queue::OutboxMessage> build_messages(std::string_view interaction_id, std::string_view cycle_key,
                                                 std::string_view source, std::string_view fetched_at,
                                                 const std::vector<Insight>& insights,
                                                 const boost::json::object& governance,
                                                 int max_insights_per_part) {
  if (max_insights_per_part < 1)
    throw std::invalid_argument("build_messages: max_insights_per_part must be >= 1");
  const auto per_part = static_cast<std::size_t>(max_insights_per_part);
  const auto parts = std::max<std::size_t>(1, (insights.size() + per_part - 1) / per_part);

  std::vector<queue::OutboxMessage> messages;
  messages.reserve(parts);
  for (std::size_t part = 0; part < parts; ++part) {
    auto first = insights.begin() + static_cast<std::ptrdiff_t>(std::min(part * per_part, insights.size()));
    auto last =
        insights.begin() + static_cast<std::ptrdiff_t>(std::min((part + 1) * per_part, insights.size()));
    // The document exists only to be serialised: build it in one arena.
    // Sized for the whole document up front: growing it block by block cost page faults.
    boost::json::monotonic_resource arena(1024 + static_cast<std::size_t>(last - first) * 640);
    boost::json::array items(&arena);
    items.reserve(static_cast<std::size_t>(last - first));
    for (auto it = first; it != last; ++it) items.emplace_back(to_json(*it, items.storage()));

    boost::json::object body(&arena);
    body["type"] = kWebhookEventType;
    body["interactionId"] = interaction_id;
    body["fetchedAt"] = fetched_at;
    body["source"] = source;
    body["part"] = part + 1;
    body["parts"] = parts;
    body["count"] = items.size();
    body["insights"] = std::move(items);
    body["governance"] = governance;

    queue::OutboxMessage message;
    message.webhook_id = webhook_id_for(interaction_id, cycle_key, static_cast<int>(part + 1));
    message.interaction_id = std::string(interaction_id);
    message.part = static_cast<int>(part + 1);
    message.parts = static_cast<int>(parts);
    message.body = boost::json::serialize(body);
    messages.push_back(std::move(message));
  }
  return messages;
}

}  // namespace insightd::delivery
