#pragma once
// The schema of the whole file (SPEC §3 plus the keys the Config structs add).
#include "schema.hpp"

namespace insightd::config_detail {

const Schema<Config>& config_schema();

}  // namespace insightd::config_detail
