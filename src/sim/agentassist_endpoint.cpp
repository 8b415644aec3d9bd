// SPDX-License-Identifier: Apache-2.0
// GET /api/v2/agentassist/interactions/{id}/insights (source agentassist).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "insightd/sim/insight_data.hpp"
#include "insightd/sim/insight_query.hpp"
#include "sim_state.hpp"

namespace insightd::sim {

Reply agentassist_insights(SimState& state, const ApiCall& call) {
  constexpr std::string_view kEndpoint = "agentassist_insights";
  auto query = parse_insight_query(call.url.params());
  if (auto* error = std::get_if<ApiError>(&query)) return {std::string(kEndpoint), error_response(*error)};
  const auto& q = std::get<InsightQuery>(query);

  auto selected = select_page(generate_insights(call.interaction_id, state.options.seed, state.anchor),
                              call.interaction_id, q);
  if (auto* error = std::get_if<ApiError>(&selected)) return {std::string(kEndpoint), error_response(*error)};
  const auto& page = std::get<InsightPage>(selected);

  boost::json::array entities;
  for (const auto& insight : page.entities) entities.push_back(to_entity_json(insight));
  boost::json::object body{{"entities", std::move(entities)}, {"totalCount", page.total_count}};
  // Like the Genesys API, an absent field means "none": the last page has no nextPageToken.
  if (!page.next_page_token.empty()) body["nextPageToken"] = page.next_page_token;

  // The `tokenexpiry` fault: page 1 is served, then its token stops working.
  if (call.faults.token_expiry && q.page_token.empty() &&
      state.token_revoked_ids.insert(call.interaction_id).second) {
    state.tokens.revoke(call.bearer);
  }
  return {std::string(kEndpoint), json_response(200, body)};
}

}  // namespace insightd::sim
