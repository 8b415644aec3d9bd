// SPDX-License-Identifier: Apache-2.0
#pragma once
// Expectations on what a PII scanner finds, with the exact text of each finding.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "insightd/governance/pii.hpp"

namespace insightd::governance::test {

// The default scanner: every kind, region US.
inline const PiiScanner& scanner() {
  static const PiiScanner instance;
  return instance;
}

using Found = std::vector<std::pair<PiiKind, std::string>>;

inline Found found(std::string_view text, const PiiScanner& s = scanner()) {
  Found out;
  for (const auto& f : s.scan(text))
    out.emplace_back(f.kind, std::string(text.substr(f.begin, f.end - f.begin)));
  return out;
}

inline void expect_single(PiiKind kind, std::string_view text, std::string_view match,
                          const PiiScanner& s = scanner()) {
  EXPECT_EQ(found(text, s), (Found{{kind, std::string(match)}})) << text;
}

inline void expect_none(std::string_view text, const PiiScanner& s = scanner()) {
  EXPECT_EQ(found(text, s), Found{}) << text;
}

}  // namespace insightd::governance::test
