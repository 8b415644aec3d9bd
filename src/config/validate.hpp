// SPDX-License-Identifier: Apache-2.0
#pragma once
// Checks that span several keys, run after the schema walk: required keys,
// "exactly one of" secrets, region-derived URLs, ordered duration bounds.
#include "context.hpp"

namespace insightd::config_detail {

void validate_across_keys(const YAML::Node& root, Context& ctx, Config& config);

}  // namespace insightd::config_detail
