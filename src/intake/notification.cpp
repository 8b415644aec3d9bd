// SPDX-License-Identifier: Apache-2.0
#include "insightd/intake/notification.hpp"

#include <boost/json/parse.hpp>

#include "insightd/intake/topics.hpp"

namespace insightd::intake {

result<Notification> parse_notification(std::string_view text) {
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  if (ec || !value.is_object()) return errc::malformed_response;
  auto& message = value.get_object();
  const auto* topic = message.if_contains("topicName");
  if (!topic || !topic->is_string()) return errc::malformed_response;

  Notification n;
  n.topic = std::string(topic->get_string());
  auto* body = message.if_contains("eventBody");
  if (n.topic == "channel.metadata") {
    const auto* said = body && body->is_object() ? body->get_object().if_contains("message") : nullptr;
    const std::string_view text_said = said && said->is_string() ? std::string_view(said->get_string()) : "";
    n.kind = text_said == "pong" ? Notification::Kind::pong : Notification::Kind::heartbeat;
  } else if (n.topic == "v2.system.socket_closing") {
    n.kind = Notification::Kind::socket_closing;
  } else if (auto queue = queue_of_topic(n.topic)) {
    if (!body || !body->is_object()) return errc::malformed_response;
    n.kind = Notification::Kind::conversation;
    n.queue_id = std::move(*queue);
    n.event_body = std::move(body->get_object());
  }
  return n;
}

}  // namespace insightd::intake
