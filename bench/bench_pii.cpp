// SPDX-License-Identifier: Apache-2.0
// PII scanner throughput on realistic insight text (issue 5): MB/s and ns
// per insight. Run: insightd-bench-governance (or insightd-bench) built Release.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "insightd/governance/pii.hpp"
#include "pii_texts.hpp"

using insightd::bench::insight_texts;
using insightd::bench::long_insight_text;
using insightd::governance::PiiScanner;

namespace {

// One call per insight, as the governance step scans them: the time per
// iteration is the time per insight.
void BM_ScanInsight(benchmark::State& state) {
  const PiiScanner scanner;
  const auto& texts = insight_texts();
  std::size_t next = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    const auto& text = texts[next];
    benchmark::DoNotOptimize(scanner.scan(text));
    bytes += static_cast<std::int64_t>(text.size());
    next = next + 1 == texts.size() ? 0 : next + 1;
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ScanInsight);

// The same mix, but every phone number is one the scanner has not seen: each
// costs libphonenumber's full parse (its verdict cache never hits). One text
// in eight carries a number, as in insight_texts().
void BM_ScanInsightUnseenPhones(benchmark::State& state) {
  const PiiScanner scanner;
  const auto& texts = insight_texts();
  std::size_t next = 0;
  std::int64_t bytes = 0;
  int serial = 0;
  std::string with_phone;
  for (auto _ : state) {
    const std::string* text = &texts[next];
    if (next % 8 == 0) {
      ++serial;
      char number[32];
      std::snprintf(number, sizeof number, "+1 415-%03d-%04d", 200 + (serial / 10000) % 800, serial % 10000);
      with_phone = "Customer asked to be called back on ";
      with_phone.append(number).append(" after 5pm to finish the setup.");
      text = &with_phone;
    }
    benchmark::DoNotOptimize(scanner.scan(*text));
    bytes += static_cast<std::int64_t>(text->size());
    next = next + 1 == texts.size() ? 0 : next + 1;
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ScanInsightUnseenPhones);

// The same texts joined into one long transcript-sized text (~64 KiB).
void BM_ScanLongText(benchmark::State& state) {
  const PiiScanner scanner;
  const std::string text = long_insight_text();
  for (auto _ : state) benchmark::DoNotOptimize(scanner.scan(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ScanLongText);

// Text with no digit and no '@' (most keywords and sentiment reasons).
void BM_ScanPlainProse(benchmark::State& state) {
  const PiiScanner scanner;
  const std::string text =
      "Customer could not log in after the password reset and the second-factor code never arrived; the "
      "agent "
      "walked them through the recovery flow and the customer was satisfied with the outcome.";
  for (auto _ : state) benchmark::DoNotOptimize(scanner.scan(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ScanPlainProse);

// Worst case for candidate confirmation: a long run of card-like digit
// groups, each a candidate that the rules reject. Must stay linear.
void BM_ScanDigitGroups(benchmark::State& state) {
  const PiiScanner scanner;
  std::string text;
  while (text.size() < static_cast<std::size_t>(state.range(0))) text += "5555 ";
  for (auto _ : state) benchmark::DoNotOptimize(scanner.scan(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ScanDigitGroups)->Arg(4 << 10)->Arg(64 << 10);

}  // namespace
