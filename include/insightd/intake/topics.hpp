// SPDX-License-Identifier: Apache-2.0
#pragma once
// Topics and channels: one v2.routing.queues.{id}.conversations topic per
// queue, at most 1,000 topics per channel and 20 channels per OAuth client
// (a 21st silently removes the oldest, so planning more is an error).
#include <boost/json/fwd.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "insightd/common/error.hpp"
#include "insightd/common/result_with_message.hpp"

namespace insightd::intake {

inline constexpr std::size_t kTopicsPerChannel = 1000;
inline constexpr std::size_t kMaxChannels = 20;

std::string queue_topic(std::string_view queue_id);
// The queue of a v2.routing.queues.{id}.conversations topic.
std::optional<std::string> queue_of_topic(std::string_view topic);

// The topics of each channel, in the queues' order, duplicates dropped.
// invalid_argument (with a message) beyond kMaxChannels * kTopicsPerChannel.
result_with_message<std::vector<std::vector<std::string>>> plan_channels(
    const std::vector<std::string>& queue_ids);

// The body of PUT .../channels/{id}/subscriptions: [{"id": topic}, ...].
std::string subscriptions_body(const std::vector<std::string>& topics);

// The requested topics the subscription response does not list (the OAuth
// client lacks a permission or the queue does not exist).
result<std::vector<std::string>> rejected_topics(std::string_view response_body,
                                                 const std::vector<std::string>& requested);

// POST /api/v2/notifications/channels -> {id, connectUri, expires}.
struct Channel {
  std::string id;
  std::string connect_uri;
  std::string expires;  // RFC 3339, as given
};
result<Channel> parse_channel(std::string_view body);

}  // namespace insightd::intake
