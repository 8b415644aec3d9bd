// SPDX-License-Identifier: Apache-2.0
// What the intake reads from Genesys, on arbitrary text: a notifications
// WebSocket message (and its conversation event's progress), and the bodies of
// the analytics query, channel creation, subscription and entity listing
// answers. Invariants: every parser answers a value or malformed_response
// (never throws); a conversation notification names the queue of its topic; a
// finished conversation has the id the live path reads; an analytics page's
// ended conversations are among its entries and named.
#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "insightd/intake/analytics.hpp"
#include "insightd/intake/assistants.hpp"
#include "insightd/intake/conversation.hpp"
#include "insightd/intake/notification.hpp"
#include "insightd/intake/topics.hpp"

namespace {

using namespace insightd;
using namespace insightd::intake;

void check_progress(const boost::json::object& body) {
  const Progress progress = conversation_progress(body);
  FUZZ_CHECK(to_string(progress) != "");
  // The live path reads the id of a finished conversation without checking.
  if (progress != Progress::malformed) FUZZ_CHECK(!body.at("id").as_string().empty());
}

void check_notification(std::string_view text) {
  const auto n = parse_notification(text);
  if (!n) {
    FUZZ_CHECK(n.error() == errc::malformed_response);
    return;
  }
  switch (n->kind) {
    case Notification::Kind::heartbeat:
    case Notification::Kind::pong:
      FUZZ_CHECK(n->topic == "channel.metadata");
      break;
    case Notification::Kind::conversation:
      FUZZ_CHECK(!n->queue_id.empty());
      FUZZ_CHECK(queue_topic(n->queue_id) == n->topic);
      FUZZ_CHECK(queue_of_topic(n->topic) == n->queue_id);
      check_progress(n->event_body);
      break;
    case Notification::Kind::socket_closing:
    case Notification::Kind::other:
      FUZZ_CHECK(n->queue_id.empty() && n->event_body.empty());
      break;
  }
}

void check_analytics_page(std::string_view text) {
  const auto page = parse_analytics_page(text);
  if (!page) {
    FUZZ_CHECK(page.error() == errc::malformed_response);
    return;
  }
  FUZZ_CHECK(page->ended.size() <= page->conversations);
  for (const auto& id : page->ended) FUZZ_CHECK(!id.empty());
  for (int number : {1, 2, 1 << 30}) (void)more_pages(*page, number);
}

void check_subscription_answers(std::string_view text) {
  if (const auto channel = parse_channel(text); channel)
    FUZZ_CHECK(!channel->id.empty() && !channel->connect_uri.empty());
  else
    FUZZ_CHECK(channel.error() == errc::malformed_response);

  const std::vector<std::string> requested{queue_topic("q1"), queue_topic("q2")};
  if (const auto rejected = rejected_topics(text, requested); rejected) {
    for (const auto& topic : *rejected)
      FUZZ_CHECK(std::find(requested.begin(), requested.end(), topic) != requested.end());
  } else {
    FUZZ_CHECK(rejected.error() == errc::malformed_response);
  }

  if (const auto listing = parse_entity_listing(text); listing) {
    for (const auto& id : listing->ids) FUZZ_CHECK(!id.empty());
  } else {
    FUZZ_CHECK(listing.error() == errc::malformed_response);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_notification(text);
  // The input as an event body itself, so the progress rule is reached
  // without the fuzzer first finding a queue topic.
  boost::system::error_code ec;
  const auto value = boost::json::parse(text, ec);
  if (!ec && value.is_object()) check_progress(value.get_object());
  check_analytics_page(text);
  check_subscription_answers(text);
  (void)parse_watermark(text);
  return 0;
}
