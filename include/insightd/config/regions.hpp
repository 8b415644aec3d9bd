// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Genesys Cloud region domains (genesys.region in insightd.yaml(5)): api.{domain} and login.{domain}.
#include <span>
#include <string>
#include <string_view>

namespace insightd {

std::span<const std::string_view> genesys_regions() noexcept;
bool is_genesys_region(std::string_view domain) noexcept;

inline std::string api_base_url_for(std::string_view region) {
  return "https://api." + std::string(region);
}
inline std::string login_base_url_for(std::string_view region) {
  return "https://login." + std::string(region);
}

}  // namespace insightd
