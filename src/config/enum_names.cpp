// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/enum_names.hpp"

#include "insightd/config/config.hpp"

namespace insightd {

std::string_view to_string(SourceKind s) noexcept {
  return enum_to_string(s, "?");
}
std::string_view to_string(SortBy s) noexcept {
  return enum_to_string(s, "?");
}
std::string_view to_string(SortOrder s) noexcept {
  return enum_to_string(s, "?");
}

}  // namespace insightd
