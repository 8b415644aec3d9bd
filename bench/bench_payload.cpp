// SPDX-License-Identifier: Apache-2.0
// Building the CRM payload (issue 7): 200 governed insights into one
// serialised webhook body, as the daemon does once per interaction.
#include <benchmark/benchmark.h>

#include "bench_data.hpp"

namespace {

void BM_BuildWebhookPayload(benchmark::State& state) {
  auto page = insightd::genesys::parse_agentassist_page(insightd::bench::agentassist_page_json(200),
                                                        insightd::bench::kBenchInteractionId);
  const auto insights = page.value().insights;
  const boost::json::object governance{{"governance_pass", true}, {"masked", 0}};
  std::size_t body_bytes = 0;
  for (auto _ : state) {
    auto messages =
        insightd::delivery::build_messages(insightd::bench::kBenchInteractionId, "cycle-1", "agentassist",
                                           "2026-11-24T02:00:00.000Z", insights, governance, 200);
    body_bytes = messages.front().body.size();
    benchmark::DoNotOptimize(messages);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body_bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * insights.size()));
  state.counters["body_bytes"] = static_cast<double>(body_bytes);
}
BENCHMARK(BM_BuildWebhookPayload);

}  // namespace
