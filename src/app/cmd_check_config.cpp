// insightd check-config: every problem on its own line, FILE:LINE:COL: message.
#include <cstdio>

#include "insightd/app/commands.hpp"
#include "insightd/config/loader.hpp"

namespace insightd::app {

int cmd_check_config(const std::string& config_path) {
  const LoadResult loaded = load_config_file(config_path);
  // Messages name keys, files and variables, never a secret's value.
  for (const auto& warning : loaded.warnings) std::fprintf(stderr, "warning: %s\n", warning.str().c_str());
  for (const auto& error : loaded.errors) std::fprintf(stderr, "%s\n", error.str().c_str());
  if (!loaded.config) return 2;
  std::printf("%s: ok\n", config_path.c_str());
  return 0;
}

}  // namespace insightd::app
