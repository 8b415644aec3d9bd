// SPDX-License-Identifier: Apache-2.0
// The delivery workers against the real SQLite backend (temporary file).
#include <gtest/gtest.h>

#include <charconv>
#include <map>

#include "delivery/fakes.hpp"
#include "insightd/common/webhook_signature.hpp"
#include "insightd/delivery/deliverer.hpp"
#include "insightd/delivery/endpoint.hpp"
#include "insightd/delivery/payload.hpp"
#include "support/temp_dir.hpp"

using namespace insightd;
using namespace insightd::delivery;
using namespace insightd::delivery::test;
using namespace std::chrono_literals;

namespace {

std::vector<Insight> insights(int count) {
  std::vector<Insight> out;
  for (int n = 0; n < count; ++n) {
    Insight i;
    i.id = "ins-" + std::to_string(n);
    i.interaction_id = "conv-1";
    i.text = "insight " + std::to_string(n);
    i.source = "agentassist";
    out.push_back(i);
  }
  return out;
}

struct DelivererStoreTest : ::testing::Test {
  boost::asio::io_context io{1};
  insightd::test::TempDir dir;
  std::shared_ptr<queue::Backend> store;
  RecordingObserver observer;
  CrmConfig crm = test_crm_config();

  void SetUp() override {
    QueueConfig cfg;
    cfg.sqlite_path = (dir.path() / "insightd.db").string();
    store = await(queue::open_backend(io.get_executor(), cfg));
  }

  // Drives one store operation to completion.
  template <class T>
  T await(boost::asio::awaitable<T> op) {
    std::optional<T> value;
    std::exception_ptr error;
    boost::asio::co_spawn(io, std::move(op), [&](std::exception_ptr e, T v) {
      error = e;
      value = std::move(v);
    });
    io.restart();
    io.run();
    io.restart();
    if (error) std::rethrow_exception(error);
    return std::move(*value);
  }
  void await(boost::asio::awaitable<void> op) {
    std::exception_ptr error;
    boost::asio::co_spawn(io, std::move(op), [&](std::exception_ptr e) { error = e; });
    io.restart();
    io.run();
    io.restart();
    if (error) std::rethrow_exception(error);
  }

  // An interaction leased, fetched and governed, not yet written anywhere.
  std::pair<queue::Lease, std::vector<queue::OutboxMessage>> governed(const std::string& id,
                                                                      int insight_count, int per_part) {
    await(store->enqueue({id}));
    auto leases = await(store->lease(1));
    EXPECT_EQ(leases.size(), 1u);
    auto messages = build_messages(id, leases.at(0).cycle_key, "agentassist", "2026-11-24T01:00:00Z",
                                   insights(insight_count), boost::json::object{{"pass", true}}, per_part);
    return {leases.at(0), std::move(messages)};
  }

  // An interaction fetched and governed: its messages are in the outbox.
  std::vector<queue::OutboxMessage> fetched(const std::string& id, int insight_count, int per_part) {
    auto [lease, messages] = governed(id, insight_count, per_part);
    EXPECT_TRUE(await(store->complete(lease, messages, "audit-ctx")));
    return messages;
  }
};

TEST_F(DelivererStoreTest, EveryPartIsDeliveredOnceAcceptedWithTheSameWebhookIdAcrossRetries) {
  auto messages = fetched("conv-1", 5, 2);
  ASSERT_EQ(messages.size(), 3u);
  std::map<std::string, int> seen;
  // The CRM fails the first attempt of every webhook-id.
  FakeHttpClient client([&seen](const http::Request& r, std::size_t) {
    return ++seen[std::string(r.headers.get("webhook-id"))] == 1 ? respond(503) : respond(202);
  });
  Deliverer deliverer(io.get_executor(), store, client, crm, &observer, fast_polling());

  ASSERT_TRUE(run_until(io, deliverer, [&] { return !observer.finished.empty(); }));
  ASSERT_EQ(observer.finished.size(), 1u);
  EXPECT_EQ(observer.finished[0].finished.interaction_id, "conv-1");
  EXPECT_EQ(observer.finished[0].finished.state, queue::State::done);
  EXPECT_EQ(observer.finished[0].finished.audit_context, "audit-ctx");
  EXPECT_EQ(observer.finished[0].last_status, 202);

  ASSERT_EQ(seen.size(), 3u);
  for (const auto& m : messages) EXPECT_EQ(seen[m.webhook_id], 2) << m.webhook_id;
  auto key = *webhook_key_from_secret(crm.signing_secret);
  for (const auto& sent : client.sent) {
    const auto& h = sent.request.headers;
    std::int64_t ts = 0;
    std::from_chars(h.get("webhook-timestamp").data(),
                    h.get("webhook-timestamp").data() + h.get("webhook-timestamp").size(), ts);
    EXPECT_TRUE(verify_webhook(key, h.get("webhook-id"), ts, sent.request.body, h.get("webhook-signature")));
    EXPECT_EQ(h.get("Idempotency-Key"), h.get("webhook-id"));
  }
  auto info = await(store->interaction("conv-1"));
  ASSERT_TRUE(info);
  EXPECT_EQ(info->state, queue::State::done);
  EXPECT_EQ(await(store->outbox_depth()), 0);
}

TEST_F(DelivererStoreTest, DeadLetterRecordsAttemptsStatusAndError) {
  fetched("conv-1", 1, 10);
  crm.max_attempts = 2;
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(500); });
  Deliverer deliverer(io.get_executor(), store, client, crm, &observer, fast_polling());

  ASSERT_TRUE(run_until(io, deliverer, [&] { return !observer.finished.empty(); }));
  EXPECT_EQ(observer.finished[0].finished.state, queue::State::dead);
  auto dead = await(store->dead_letters());
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].interaction_id, "conv-1");
  EXPECT_EQ(dead[0].attempts, 2);
  EXPECT_EQ(dead[0].last_status, 500);
  EXPECT_EQ(dead[0].last_error, "gave up after 2 attempts: HTTP 500");
}

TEST_F(DelivererStoreTest, GoneHoldsDeliveriesUntilTheConfiguredUrlChanges) {
  auto messages = fetched("conv-1", 1, 10);
  {
    FakeHttpClient gone([](const http::Request&, std::size_t) { return respond(410); });
    Deliverer deliverer(io.get_executor(), store, gone, crm, &observer, fast_polling());
    ASSERT_TRUE(run_until(io, deliverer, [&] { return observer.endpoint_disabled > 0; }));
    EXPECT_EQ(gone.sent.size(), 1u);
  }
  EXPECT_TRUE(await(store->held_reason()));
  EXPECT_EQ(await(store->setting(std::string(kDisabledUrlSetting))), crm.url);
  EXPECT_EQ(await(store->outbox_depth()), 1);  // held, not dropped
  EXPECT_EQ(await(store->interaction("conv-1"))->state, queue::State::delivering);

  // Restart with a new URL: released and delivered with the same webhook-id.
  crm.url = "http://127.0.0.1:2/new-ingest";
  FakeHttpClient ok([](const http::Request&, std::size_t) { return respond(200); });
  Deliverer deliverer(io.get_executor(), store, ok, crm, &observer, fast_polling());
  ASSERT_TRUE(run_until(io, deliverer, [&] { return !observer.finished.empty(); }));
  ASSERT_EQ(ok.sent.size(), 1u);
  EXPECT_EQ(ok.sent[0].request.url, crm.url);
  EXPECT_EQ(ok.sent[0].request.headers.get("webhook-id"), messages[0].webhook_id);
  EXPECT_FALSE(await(store->held_reason()));
  EXPECT_EQ(await(store->setting(std::string(kDisabledUrlSetting))), "");
  EXPECT_EQ(await(store->interaction("conv-1"))->state, queue::State::done);
}

TEST_F(DelivererStoreTest, ResumeHeldDeliveriesReleasesThemAndSaysWhyTheyWereHeld) {
  EXPECT_EQ(await(resume_held_deliveries(*store)), std::nullopt);  // not held: nothing to say

  await(disable_endpoint(*store, crm.url));
  const auto reason = await(resume_held_deliveries(*store));
  ASSERT_TRUE(reason);
  EXPECT_EQ(*reason, "CRM endpoint answered 410 Gone");
  EXPECT_FALSE(await(store->held_reason()));
  EXPECT_EQ(await(store->setting(std::string(kDisabledUrlSetting))), "");
}

TEST_F(DelivererStoreTest, NewMessagesAcceptedAtOnceAreNeverWrittenToTheOutbox) {
  auto [lease, messages] = governed("conv-1", 5, 2);
  ASSERT_EQ(messages.size(), 3u);
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(202); });
  Deliverer deliverer(io.get_executor(), store, client, crm, &observer, fast_polling());

  auto sent = await(deliverer.deliver_new(messages));
  EXPECT_EQ(sent.accepted, 3u);
  EXPECT_EQ(sent.last_status, 202);
  EXPECT_FALSE(sent.refused);
  ASSERT_EQ(client.sent.size(), 3u);
  for (std::size_t n = 0; n < 3; ++n)
    EXPECT_EQ(client.sent[n].request.headers.get("webhook-id"), messages[n].webhook_id);
  EXPECT_EQ(observer.attempts.size(), 3u);
  EXPECT_EQ(await(store->outbox_depth()), 0);
  EXPECT_TRUE(await(store->complete(lease, {}, "")));
  EXPECT_EQ(await(store->interaction("conv-1"))->state, queue::State::done);
}

TEST_F(DelivererStoreTest, ARefusedFirstAttemptIsRecordedAndRetriedFromTheOutbox) {
  auto [lease, messages] = governed("conv-1", 5, 2);
  // Part 1 is accepted, part 2 refused once, part 3 never tried at once.
  std::map<std::string, int> seen;
  const std::string refused = messages[1].webhook_id;
  FakeHttpClient client([&](const http::Request& r, std::size_t) {
    auto id = std::string(r.headers.get("webhook-id"));
    return id == refused && ++seen[id] == 1 ? respond(503) : respond(200);
  });
  Deliverer deliverer(io.get_executor(), store, client, crm, &observer, fast_polling());

  auto sent = await(deliverer.deliver_new(messages));
  EXPECT_EQ(sent.accepted, 1u);
  ASSERT_TRUE(sent.refused);
  EXPECT_EQ(sent.refused->status, 503);
  EXPECT_EQ(sent.refused->decision.verdict, Verdict::retry);
  EXPECT_EQ(client.sent.size(), 2u);  // part 3 waits for the outbox

  auto leased = await(store->complete_attempted(lease, {messages[1], messages[2]}, "audit-ctx"));
  ASSERT_TRUE(leased);
  await(deliverer.record(std::move(*leased), std::move(*sent.refused)));
  EXPECT_EQ(await(store->outbox_depth()), 2);

  ASSERT_TRUE(run_until(io, deliverer, [&] { return !observer.finished.empty(); }));
  EXPECT_EQ(observer.finished[0].finished.state, queue::State::done);
  EXPECT_EQ(observer.finished[0].finished.audit_context, "audit-ctx");
  std::map<std::string, int> per_id;
  for (const auto& s : client.sent) ++per_id[std::string(s.request.headers.get("webhook-id"))];
  EXPECT_EQ(per_id[messages[0].webhook_id], 1);
  EXPECT_EQ(per_id[messages[1].webhook_id], 2);  // refused, then retried with the same id
  EXPECT_EQ(per_id[messages[2].webhook_id], 1);
  EXPECT_EQ(await(store->outbox_depth()), 0);
}

TEST_F(DelivererStoreTest, NothingNewIsSentWhileDeliveriesAreHeld) {
  auto [lease, messages] = governed("conv-1", 1, 10);
  await(store->hold_deliveries("CRM endpoint answered 410 Gone"));
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(200); });
  Deliverer deliverer(io.get_executor(), store, client, crm, &observer, fast_polling());
  auto sent = await(deliverer.deliver_new(messages));
  EXPECT_EQ(sent.accepted, 0u);
  EXPECT_FALSE(sent.refused);
  EXPECT_TRUE(client.sent.empty());
}

TEST_F(DelivererStoreTest, NewAndOutboxDeliveriesTogetherStayWithinCrmConcurrency) {
  crm.concurrency = 2;
  for (int n = 0; n < 4; ++n) fetched("queued-" + std::to_string(n), 1, 10);
  std::vector<std::pair<queue::Lease, std::vector<queue::OutboxMessage>>> fresh;
  for (int n = 0; n < 4; ++n) fresh.push_back(governed("new-" + std::to_string(n), 1, 10));
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(200); });
  client.latency = 5ms;
  std::size_t most = 0;
  client.on_send = [&](std::size_t) {
    most = std::max(most, client.sent.size() - client.answered_at.size());
  };
  Deliverer deliverer(io.get_executor(), store, client, crm, &observer, fast_polling());

  std::size_t accepted = 0;
  for (auto& [lease, messages] : fresh) {
    boost::asio::co_spawn(
        io, deliverer.deliver_new(messages),
        [&accepted](std::exception_ptr, Deliverer::NewDelivery d) { accepted += d.accepted; });
  }
  ASSERT_TRUE(run_until(io, deliverer, [&] { return accepted == 4 && observer.finished.size() == 4; }));
  EXPECT_EQ(client.sent.size(), 8u);
  EXPECT_EQ(most, 2u);
}

}  // namespace
