// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/utf8.hpp"

#include <boost/locale/utf.hpp>

namespace insightd {

std::optional<std::size_t> first_invalid_utf8(std::string_view text) noexcept {
  using traits = boost::locale::utf::utf_traits<char>;
  const char* p = text.data();
  const char* const end = text.data() + text.size();
  while (p != end) {
    const char* start = p;
    const auto code_point = traits::decode(p, end);
    if (code_point == boost::locale::utf::illegal || code_point == boost::locale::utf::incomplete)
      return static_cast<std::size_t>(start - text.data());
  }
  return std::nullopt;
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) noexcept {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // a continuation byte
  return text.substr(0, cut);
}

}  // namespace insightd
