// SPDX-License-Identifier: Apache-2.0
// insightd check-config: every problem on its own line, FILE:LINE:COL: message.
// With --connect, a valid file's connections are then tried (connect_check.hpp).
#include <spdlog/spdlog.h>

#include <cstdio>

#include "connect_check.hpp"
#include "insightd/app/commands.hpp"
#include "insightd/config/loader.hpp"

namespace insightd::app {

int cmd_check_config(const std::string& config_path, bool connect) {
  const LoadResult loaded = load_config_file(config_path);
  // Messages name keys, files and variables, never a secret's value.
  for (const auto& warning : loaded.warnings) std::fprintf(stderr, "warning: %s\n", warning.str().c_str());
  for (const auto& error : loaded.errors) std::fprintf(stderr, "%s\n", error.str().c_str());
  if (!loaded.config) return 2;
  std::printf("%s: ok\n", config_path.c_str());
  if (!connect) return 0;

  spdlog::set_level(spdlog::level::off);  // each check's own line says what happened
  bool all_ok = true;
  for (const auto& check : check_connections(*loaded.config)) {
    std::printf("%s\n", check.line.c_str());
    all_ok = all_ok && check.ok;
  }
  return all_ok ? 0 : 1;
}

}  // namespace insightd::app
