// SPDX-License-Identifier: Apache-2.0
// The PII scanner and mask on arbitrary bytes: findings are in range, sorted
// and non-overlapping; the masked text is the text with exactly the findings'
// bytes replaced by their placeholders (so it keeps no byte of any finding);
// a placeholder is never itself taken for PII.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "insightd/governance/pii.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace insightd::governance;
  static const PiiScanner scanner;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto findings = scanner.scan(text);

  std::string expected;
  std::size_t previous_end = 0;
  for (const auto& f : findings) {
    FUZZ_CHECK(f.begin < f.end);
    FUZZ_CHECK(f.end <= text.size());
    FUZZ_CHECK(f.begin >= previous_end);  // sorted, never overlapping
    expected.append(text.substr(previous_end, f.begin - previous_end));
    expected.append(placeholder(f.kind));
    previous_end = f.end;
  }
  expected.append(text.substr(previous_end));
  const std::string masked = mask(text, findings);
  FUZZ_CHECK(masked == expected);

  for (const auto& f : scanner.scan(masked)) {
    const std::string_view again = std::string_view(masked).substr(f.begin, f.end - f.begin);
    for (const auto kind : kAllPiiKinds) FUZZ_CHECK(again.find(placeholder(kind)) == std::string_view::npos);
  }
  return 0;
}
