// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/interaction_id.hpp"

#include <fmt/format.h>

namespace insightd {

result_with_message<void> valid_interaction_id(std::string_view id) {
  auto reject = [](std::string reason) {
    return ErrorWithMessage{errc::invalid_argument, std::move(reason)};
  };
  if (id.empty()) return reject("empty interaction ID");
  if (id.size() > kMaxInteractionIdLength)
    return reject(
        fmt::format("interaction ID is {} characters long (at most {})", id.size(), kMaxInteractionIdLength));
  for (std::size_t i = 0; i < id.size(); ++i) {
    auto c = static_cast<unsigned char>(id[i]);
    // Printable ASCII without space: '!' (0x21) to '~' (0x7e).
    if (c < 0x21 || c > 0x7e) {
      const char* what = (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f')
                             ? "whitespace"
                             : "a non-printable or non-ASCII byte";
      return reject(fmt::format("interaction ID contains {} at character {}", what, i + 1));
    }
  }
  return {};
}

}  // namespace insightd
