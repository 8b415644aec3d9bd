// SPDX-License-Identifier: Apache-2.0
#pragma once
// The schema of the whole file: every key config/insightd.example.yaml documents.
#include "schema.hpp"

namespace insightd::config_detail {

const Schema<Config>& config_schema();

}  // namespace insightd::config_detail
