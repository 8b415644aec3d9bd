// SPDX-License-Identifier: Apache-2.0
#pragma once
// Realistic inputs shared by the micro-benchmarks: the agentassist page
// insightd-sim serves for a "-n200" interaction, and the webhook body the
// daemon would deliver for it.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <string>
#include <string_view>

#include "insightd/common/allocator.hpp"
#include "insightd/delivery/payload.hpp"
#include "insightd/genesys/source.hpp"
#include "insightd/sim/insight_data.hpp"

namespace insightd::bench {

inline constexpr std::string_view kBenchInteractionId = "bench-interaction-n200";

// The benchmarks measure the code as the daemon runs it: with its malloc settings.
inline const bool daemon_allocator_settings = (keep_freed_memory_for_reuse(), true);

// One agentassist page body with `entities` entities (at most 200).
inline std::string agentassist_page_json(int entities) {
  const auto insights = sim::generate_insights(kBenchInteractionId, 1, std::chrono::system_clock::now());
  boost::json::array array;
  for (int i = 0; i < entities && i < static_cast<int>(insights.size()); ++i)
    array.push_back(sim::to_entity_json(insights[static_cast<std::size_t>(i)]));
  boost::json::object body{
      {"entities", std::move(array)}, {"totalCount", entities}, {"nextPageToken", "bmV4dC1wYWdlLXRva2Vu"}};
  return boost::json::serialize(body);
}

// The single webhook message (one part) for the 200 insights of that page.
inline queue::OutboxMessage webhook_message_200() {
  auto page = genesys::parse_agentassist_page(agentassist_page_json(200), kBenchInteractionId);
  auto messages = delivery::build_messages(
      kBenchInteractionId, "cycle-1", "agentassist", "2026-11-24T02:00:00.000Z",
      page ? page->insights : std::vector<Insight>{}, boost::json::object{{"pass", true}}, 200);
  return messages.front();
}

}  // namespace insightd::bench
