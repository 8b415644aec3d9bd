// SPDX-License-Identifier: Apache-2.0
// Parsing one 200-entity agentassist page into insight records (issue 7;
// target >= 200 MB/s of JSON): genesys::parse_agentassist_page.
#include <benchmark/benchmark.h>

#include <string>

#include "bench_data.hpp"

namespace {

void BM_ParseAgentassistPage(benchmark::State& state) {
  const std::string body = insightd::bench::agentassist_page_json(static_cast<int>(state.range(0)));
  std::size_t records = 0;
  for (auto _ : state) {
    auto page = insightd::genesys::parse_agentassist_page(body, insightd::bench::kBenchInteractionId);
    if (!page) {
      state.SkipWithError("the page did not parse");
      break;
    }
    records += page->insights.size();
    benchmark::DoNotOptimize(page);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
  state.counters["page_bytes"] = static_cast<double>(body.size());
  state.counters["records/s"] = benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseAgentassistPage)->Arg(200)->Arg(100);

}  // namespace
