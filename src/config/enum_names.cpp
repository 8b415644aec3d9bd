// SPDX-License-Identifier: Apache-2.0
#include "enum_names.hpp"

namespace insightd {

std::string_view to_string(SourceKind s) noexcept {
  return config_detail::name_of(config_detail::source_names, s);
}
std::string_view to_string(SortBy s) noexcept {
  return config_detail::name_of(config_detail::sort_by_names, s);
}
std::string_view to_string(SortOrder s) noexcept {
  return config_detail::name_of(config_detail::sort_order_names, s);
}

}  // namespace insightd
