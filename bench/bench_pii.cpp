// SPDX-License-Identifier: Apache-2.0
// PII scanner throughput on realistic insight text (issue 5): MB/s and ns
// per insight. Run: insightd-bench-governance (or insightd-bench) built Release.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "insightd/governance/pii.hpp"

using insightd::governance::PiiScanner;

namespace {

// Shapes of what the sources send: keywords, summaries, sentiment reasons,
// topics. Most carry no PII; many carry dates, times, amounts and order
// numbers (the scanner's hard negatives); about one in eight carries PII.
const std::vector<std::string>& insight_texts() {
  static const std::vector<std::string> texts{
      "cancellation",
      "refund request",
      "Customer called about a delayed delivery and asked for a refund of the shipping fee.",
      "Agent offered a 10% discount on the next renewal; customer accepted and thanked the agent.",
      "Sentiment turned positive after the agent explained the new pricing plan and the migration steps.",
      "Customer mentioned competitor pricing of $29.99 per month and asked whether we can match it.",
      "Topic: billing dispute. Resolution: credit issued. Follow-up: confirm the credit on the next invoice "
      "in 3 days.",
      "The customer reported that the mobile app crashes on login since the update on 2026-11-20 at 08:15.",
      "Summary: customer upgraded to premium effective 2026-12-01; order 77-1234 was adjusted accordingly.",
      "Customer is unhappy with the 45 minute wait time and the transfer between three departments.",
      "Customer asked about the 2-year warranty for model X-200 and whether accidental damage is covered.",
      "Customer's contract renews on 31.12.2026 for 12 months at 1,200.00 EUR; they want to cancel before "
      "then.",
      "Customer described a charge of 1.234,56 EUR on 15/11/2026 that they do not recognise.",
      "Shipment ETA 2026-11-27, tracking number 1Z999AA10123456784, customer wants delivery to a neighbour.",
      "The caller wants invoices for Q3 2026 and Q4 2026 sent to the finance team by the end of the week.",
      "Negative: long hold time. Negative: agent could not find the account. Positive: issue resolved in the "
      "end.",
      "Customer asked to be called back on +44 20 7946 0958 after 5pm to finish the setup.",
      "Customer updated her e-mail address to maria.garcia@example.com and asked for a confirmation.",
      "Customer read out the card number 4111 1111 1111 1111 before the agent could stop them.",
      "Refund to IBAN DE89 3704 0044 0532 0130 00 was requested for the returned items.",
      "keyword: outage",
      "Customer could not log in after the password reset and the second-factor code never arrived.",
      "Customer praised the technician who came on Tuesday and fixed the router in under an hour.",
      "Customer wants to move the appointment from 10:00-12:00 to 14:00-16:00 on 24.11.2026.",
  };
  return texts;
}

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
  std::string text;
  while (text.size() < 64 * 1024) {
    for (const auto& t : insight_texts()) (text += t) += ' ';
  }
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
