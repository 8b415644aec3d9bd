// SPDX-License-Identifier: Apache-2.0
// The agentassist page parser (a streaming JSON handler) on arbitrary bodies.
#include <cstddef>
#include <cstdint>

#include "fuzz_pages.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace insightd;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const auto page = genesys::parse_agentassist_page(body, fuzz::kInteraction);
  fuzz::check_page(page, "agentassist");
  // Every entity is either an insight or a named malformed one.
  if (page)
    FUZZ_CHECK(page->insights.size() + page->malformed.size() == static_cast<std::size_t>(page->entities));
  return 0;
}
