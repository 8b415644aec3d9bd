// SPDX-License-Identifier: Apache-2.0
#pragma once
// The CRM webhook bodies for one governed interaction (docs/architecture.md):
//   {"type":"agentassist.insights.synced","interactionId","fetchedAt","source",
//    "part","parts","count","insights":[…],"governance":{…}}
// `insights` is always an array (never null); an interaction with no insights
// still yields one message. More than `max_insights_per_part` insights are split
// into parts; `count` is the number of insights in that part's body.
// Each message's webhook-id derives from the interaction, the cycle's key and the
// part (webhook_id_for): a cycle redone after a crash, whose first attempt may
// already have reached the CRM before anything was written, sends the same ids;
// retries from the outbox keep the stored id.
#include <boost/json/object.hpp>
#include <string_view>
#include <vector>

#include "insightd/common/insight.hpp"
#include "insightd/queue/types.hpp"

namespace insightd::delivery {

inline constexpr std::string_view kWebhookEventType = "agentassist.insights.synced";

// Throws std::invalid_argument when max_insights_per_part < 1 (config validation prevents it).
std::vector<queue::OutboxMessage> build_messages(std::string_view interaction_id, std::string_view cycle_key,
                                                 std::string_view source, std::string_view fetched_at,
                                                 const std::vector<Insight>& insights,
                                                 const boost::json::object& governance,
                                                 int max_insights_per_part);

// "msg_" + 32 hex digits of SHA-256 over the three: the same for the same cycle
// and part, different for another interaction, cycle or part.
std::string webhook_id_for(std::string_view interaction_id, std::string_view cycle_key, int part);

}  // namespace insightd::delivery
