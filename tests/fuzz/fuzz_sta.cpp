// SPDX-License-Identifier: Apache-2.0
// Both speech-and-text-analytics parsers (summaries and sentiments) on the
// same arbitrary body: their shapes share fields, so one corpus serves both.
#include <cstddef>
#include <cstdint>

#include "fuzz_pages.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace insightd;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  std::string summaries_detail;
  fuzz::check_page(genesys::parse_sta_summaries(body, fuzz::kInteraction, &summaries_detail),
                   summaries_detail, "sta");
  std::string sentiments_detail;
  fuzz::check_page(genesys::parse_sta_sentiments(body, fuzz::kInteraction, &sentiments_detail),
                   sentiments_detail, "sta");
  return 0;
}
