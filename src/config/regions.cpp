// SPDX-License-Identifier: Apache-2.0
// Genesys Cloud's region domains (each with an api. and a login. host), as the official SDKs list them.
#include "insightd/config/regions.hpp"

#include <algorithm>
#include <array>

namespace insightd {
namespace {

constexpr std::array<std::string_view, 17> kRegions{
    "mypurecloud.com",  "use2.us-gov-pure.cloud", "usw2.pure.cloud",  "cac1.pure.cloud",    "sae1.pure.cloud",
    "mxc1.pure.cloud",  "mypurecloud.ie",         "euw2.pure.cloud",  "mypurecloud.de",     "euc2.pure.cloud",
    "mec1.pure.cloud",  "aps1.pure.cloud",        "apse1.pure.cloud", "mypurecloud.com.au", "mypurecloud.jp",
    "apne2.pure.cloud", "apne3.pure.cloud",
};

}  // namespace

std::span<const std::string_view> genesys_regions() noexcept {
  return kRegions;
}

bool is_genesys_region(std::string_view domain) noexcept {
  return std::find(kRegions.begin(), kRegions.end(), domain) != kRegions.end();
}

}  // namespace insightd
