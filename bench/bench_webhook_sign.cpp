// SPDX-License-Identifier: Apache-2.0
// Webhook signing (issue 7): the Standard Webhooks HMAC over the body of one
// 200-insight part, alone and as the whole signed request the deliverer sends.
#include <benchmark/benchmark.h>

#include <chrono>
#include <string>

#include "bench_data.hpp"
#include "insightd/common/webhook_signature.hpp"
#include "insightd/delivery/webhook_request.hpp"

namespace {

constexpr const char* kCrmSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
constexpr std::int64_t kTimestamp = 1795000000;

void BM_SignWebhook(benchmark::State& state) {
  const auto message = insightd::bench::webhook_message_200();
  const auto key = insightd::webhook_key_from_secret(kCrmSecret).value();
  for (auto _ : state) {
    auto signature = insightd::sign_webhook(key, message.webhook_id, kTimestamp, message.body);
    benchmark::DoNotOptimize(signature);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * message.body.size()));
  state.counters["body_bytes"] = static_cast<double>(message.body.size());
}
BENCHMARK(BM_SignWebhook);

void BM_MakeWebhookRequest(benchmark::State& state) {
  const auto message = insightd::bench::webhook_message_200();
  const auto key = insightd::webhook_key_from_secret(kCrmSecret).value();
  for (auto _ : state) {
    auto request = insightd::delivery::make_webhook_request(message, "https://crm.example.com/ingest", key,
                                                            kTimestamp, std::chrono::seconds(15));
    benchmark::DoNotOptimize(request);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * message.body.size()));
}
BENCHMARK(BM_MakeWebhookRequest);

void BM_WebhookKeyFromSecret(benchmark::State& state) {
  for (auto _ : state) {
    auto key = insightd::webhook_key_from_secret(kCrmSecret);
    benchmark::DoNotOptimize(key);
  }
}
BENCHMARK(BM_WebhookKeyFromSecret);

}  // namespace
