// SPDX-License-Identifier: Apache-2.0
#pragma once
// Loading and validating the YAML configuration (insightd.yaml(5)).
//
// Every problem is collected, not just the first: check-config prints them all
// as FILE:LINE:COL: message. A Config is returned only when there is no error.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "insightd/config/config.hpp"

namespace insightd {

// One problem found in a configuration file. line and column are 1-based.
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;

  std::string str() const;  // "FILE:LINE:COL: message"
};

struct LoadResult {
  std::optional<Config> config;  // set only when errors is empty
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> warnings;
};

// Looks up an environment variable; the default (an empty function) is getenv.
// Used for ${VAR} substitution and $CREDENTIALS_DIRECTORY.
using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

// A larger file is refused unread ("cannot read the configuration file: ...").
inline constexpr std::size_t kMaxConfigFileBytes = 1u << 20;

LoadResult load_config_file(const std::string& path, EnvLookup env = {});
// display_name is the FILE of every diagnostic; relative secret paths resolve
// against the working directory (load_config_file: the file's directory).
LoadResult load_config_text(std::string_view yaml, const std::string& display_name, EnvLookup env = {});

// "250ms", "10s", "5m", "24h" (a non-negative integer and one unit).
std::optional<Duration> parse_duration(std::string_view text);

}  // namespace insightd
