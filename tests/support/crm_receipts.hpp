// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading what the simulator's CRM receiver saw (GET /sim/stats, "crm").
#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace insightd::test {

// Webhook-ids per (interaction, part) as the CRM received them: exactly one
// each when every part was delivered once (a redelivery keeps its webhook-id).
inline std::map<std::pair<std::string, std::int64_t>, std::set<std::string>> webhook_ids_per_part(
    const boost::json::object& stats) {
  std::map<std::pair<std::string, std::int64_t>, std::set<std::string>> ids;
  for (const auto& r : stats.at("crm").at("receipts").as_array()) {
    const auto& receipt = r.as_object();
    ids[{std::string(receipt.at("interaction_id").as_string()), receipt.at("part").to_number<std::int64_t>()}]
        .insert(std::string(receipt.at("webhook_id").as_string()));
  }
  return ids;
}

}  // namespace insightd::test
