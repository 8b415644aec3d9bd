// SPDX-License-Identifier: Apache-2.0
#pragma once
// What every source's page parser promises, whatever the body: a result or an
// error with a message, and insights that are complete and in range.
#include <cmath>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "insightd/genesys/source.hpp"

namespace insightd::fuzz {

inline constexpr std::string_view kInteraction = "fuzz-conversation";

inline void check_page(const result_with_message<genesys::Page>& page, std::string_view source) {
  if (!page) {
    FUZZ_CHECK(!page.error().message.empty());
    return;
  }
  FUZZ_CHECK(page->entities >= 0);
  for (const auto& insight : page->insights) {
    FUZZ_CHECK(!insight.id.empty());
    FUZZ_CHECK(insight.interaction_id == kInteraction);
    FUZZ_CHECK(insight.source == source);
    FUZZ_CHECK(std::isfinite(insight.confidence) && insight.confidence >= 0.0 && insight.confidence <= 1.0);
  }
  for (const auto& m : page->malformed) {
    FUZZ_CHECK(!m.location.empty());
    FUZZ_CHECK(!m.reason.empty());
  }
}

}  // namespace insightd::fuzz
