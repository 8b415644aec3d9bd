// SPDX-License-Identifier: Apache-2.0
// Scans the benchmark's insight texts a given number of rounds, for counting
// instructions with callgrind (bench/pii_instructions): a measure that does
// not depend on what else the machine is running.
// Usage: insightd-pii-rounds ROUNDS [long]
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "insightd/governance/pii.hpp"
#include "pii_texts.hpp"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: insightd-pii-rounds ROUNDS [long]\n");
    return 2;
  }
  const long rounds = std::strtol(argv[1], nullptr, 10);
  const bool long_text = argc == 3 && std::string_view(argv[2]) == "long";
  const insightd::governance::PiiScanner scanner;
  const std::string text = insightd::bench::long_insight_text();
  std::size_t bytes = 0, findings = 0;
  for (long r = 0; r < rounds; ++r) {
    if (long_text) {
      findings += scanner.scan(text).size();
      bytes += text.size();
      continue;
    }
    for (const auto& t : insightd::bench::insight_texts()) {
      findings += scanner.scan(t).size();
      bytes += t.size();
    }
  }
  std::printf("%zu bytes %zu findings\n", bytes, findings);
  return 0;
}
