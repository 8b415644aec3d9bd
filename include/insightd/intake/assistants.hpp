// SPDX-License-Identifier: Apache-2.0
#pragma once
// `assisted` queues: GET /api/v2/assistants, then for each assistant
// GET /api/v2/assistants/{id}/queues. Both answer entity listings
// {entities[{id, ...}], nextUri}; an assistant queue's id is the queue id.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "insightd/common/error.hpp"

namespace insightd::intake {

struct EntityListing {
  std::vector<std::string> ids;
  std::string next_uri;  // "" on the last page; relative to the API base
};
result<EntityListing> parse_entity_listing(std::string_view body);

std::string assistants_path();  // "/api/v2/assistants?pageSize=100"
std::string assistant_queues_path(std::string_view assistant_id);

}  // namespace insightd::intake
