// SPDX-License-Identifier: Apache-2.0
// Both speech-and-text-analytics parsers (summaries and sentiments) on the
// same arbitrary body: their shapes share fields, so one corpus serves both.
#include <cstddef>
#include <cstdint>

#include "fuzz_pages.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace insightd;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  fuzz::check_page(genesys::parse_sta_summaries(body, fuzz::kInteraction), "sta");
  fuzz::check_page(genesys::parse_sta_sentiments(body, fuzz::kInteraction), "sta");
  return 0;
}
