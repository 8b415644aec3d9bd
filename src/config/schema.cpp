// SPDX-License-Identifier: Apache-2.0
#include "schema.hpp"

namespace insightd::config_detail {

std::string unknown_key_message(std::string_view key, std::string_view section,
                                std::span<const std::string_view> known) {
  std::string message = section.empty() ? fmt::format("unknown section '{}'", key)
                                        : fmt::format("unknown key '{}' in {}", key, section);
  if (auto guess = closest_match(key, known); !guess.empty())
    message += fmt::format(" (did you mean '{}'?)", guess);
  else
    message += fmt::format(" (known: {})", join_names(known));
  return message;
}

}  // namespace insightd::config_detail
