// SPDX-License-Identifier: Apache-2.0
#pragma once
// Loads the configuration for a command: every problem printed as
// FILE:LINE:COL: message on stderr, warnings logged, nullopt when invalid.
#include <optional>
#include <string>

#include "insightd/config/loader.hpp"

namespace insightd::app {

std::optional<Config> load_config_for_command(const std::string& path);

}  // namespace insightd::app
