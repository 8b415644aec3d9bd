// SPDX-License-Identifier: Apache-2.0
// The copilot conversation-summaries parser on arbitrary bodies.
#include <cstddef>
#include <cstdint>

#include "fuzz_pages.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace insightd;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  fuzz::check_page(genesys::parse_copilot_summaries(body, fuzz::kInteraction), "copilot-summaries");
  return 0;
}
