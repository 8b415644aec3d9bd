// SPDX-License-Identifier: Apache-2.0
#include "insightd/delivery/payload.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json/value.hpp>
#include <stdexcept>

#include "insightd/common/crypto.hpp"
#include "insightd/common/json_text.hpp"

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
    // Written as text directly: a document built only to be serialised cost
    // more than the rest of the body's way to the CRM (bench/RESULTS.md).
    const auto count = static_cast<std::int64_t>(last - first);
    std::string body;
    body.reserve(1024 + static_cast<std::size_t>(count) * 320);
    auto member = [&body](std::string_view name) {
      body.push_back(body.empty() ? '{' : ',');
      json_text::append_key(body, name);
    };
    member("type");
    json_text::append_string(body, kWebhookEventType);
    member("interactionId");
    json_text::append_string(body, interaction_id);
    member("fetchedAt");
    json_text::append_string(body, fetched_at);
    member("source");
    json_text::append_string(body, source);
    member("part");
    json_text::append_number(body, static_cast<std::int64_t>(part + 1));
    member("parts");
    json_text::append_number(body, static_cast<std::int64_t>(parts));
    member("count");
    json_text::append_number(body, count);
    member("insights");
    body.push_back('[');
    for (auto it = first; it != last; ++it) {
      if (it != first) body.push_back(',');
      append_json(body, *it);
    }
    body.push_back(']');
    member("governance");
    json_text::append_value(body, governance);
    body.push_back('}');

    queue::OutboxMessage message;
    message.webhook_id = webhook_id_for(interaction_id, cycle_key, static_cast<int>(part + 1));
    message.interaction_id = std::string(interaction_id);
    message.part = static_cast<int>(part + 1);
    message.parts = static_cast<int>(parts);
    message.body = std::move(body);
    messages.push_back(std::move(message));
  }
  return messages;
}

}  // namespace insightd::delivery
