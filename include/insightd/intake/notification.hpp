// SPDX-License-Identifier: Apache-2.0
#pragma once
// Messages of the notifications WebSocket: {topicName, version, eventBody,
// metadata}. Heartbeats and pongs arrive on `channel.metadata`;
// `v2.system.socket_closing` asks the client to reconnect now.
#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "insightd/common/error.hpp"

namespace insightd::intake {

struct Notification {
  enum class Kind { heartbeat, pong, socket_closing, conversation, other };
  Kind kind = Kind::other;
  std::string topic;
  std::string queue_id;            // conversation: the queue of the topic
  boost::json::object event_body;  // conversation: the conversation
};

// malformed_response when the text is not a JSON object with a topicName.
result<Notification> parse_notification(std::string_view text);

// What a client sends to ask for a pong.
inline constexpr std::string_view kPingMessage = R"({"message":"ping"})";

}  // namespace insightd::intake
