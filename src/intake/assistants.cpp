// SPDX-License-Identifier: Apache-2.0
#include "insightd/intake/assistants.hpp"

#include <fmt/format.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace insightd::intake {

result<EntityListing> parse_entity_listing(std::string_view body) {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  if (ec || !value.is_object()) return errc::malformed_response;
  const auto& o = value.get_object();
  const auto* entities = o.if_contains("entities");
  if (!entities || !entities->is_array()) return errc::malformed_response;
  EntityListing listing;
  for (const auto& entity : entities->get_array()) {
    const auto* id = entity.is_object() ? entity.get_object().if_contains("id") : nullptr;
    if (!id || !id->is_string() || id->get_string().empty()) return errc::malformed_response;
    listing.ids.emplace_back(id->get_string());
  }
  if (const auto* next = o.if_contains("nextUri"); next && next->is_string())
    listing.next_uri = std::string(next->get_string());
  return listing;
}

std::string assistants_path() {
  return "/api/v2/assistants?pageSize=100";
}

std::string assistant_queues_path(std::string_view assistant_id) {
  return fmt::format("/api/v2/assistants/{}/queues?pageSize=100", assistant_id);
}

}  // namespace insightd::intake
