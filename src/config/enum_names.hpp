// SPDX-License-Identifier: Apache-2.0
#pragma once
// The spellings the configuration accepts: every configuration enum's wire
// names (insightd/common/enum_names.hpp), and spdlog's level names.
#include <array>
#include <string_view>

#include "insightd/common/enum_names.hpp"
#include "insightd/config/config.hpp"

namespace insightd::config_detail {

template <class E, std::size_t N>
using NameTable = std::array<EnumName<E>, N>;

// spdlog's level names.
inline constexpr std::array<std::string_view, 7> kLogLevelNames{"trace", "debug",    "info", "warn",
                                                                "error", "critical", "off"};

}  // namespace insightd::config_detail
