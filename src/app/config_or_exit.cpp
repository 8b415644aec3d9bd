// SPDX-License-Identifier: Apache-2.0
#include "config_or_exit.hpp"

#include <cstdio>

namespace insightd::app {

std::optional<Config> load_config_for_command(const std::string& path) {
  auto loaded = load_config_file(path);
  for (const auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.str().c_str());
  for (const auto& w : loaded.warnings) std::fprintf(stderr, "warning: %s\n", w.str().c_str());
  return std::move(loaded.config);
}

}  // namespace insightd::app
