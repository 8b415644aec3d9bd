// SPDX-License-Identifier: Apache-2.0
// The delivery workers against a scripted client and a recording in-memory outbox.
#include "insightd/delivery/deliverer.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <set>

#include "delivery/fakes.hpp"
#include "insightd/common/webhook_signature.hpp"
#include "insightd/delivery/endpoint.hpp"

using namespace insightd;
using namespace insightd::delivery;
using namespace insightd::delivery::test;
using namespace std::chrono_literals;

namespace {

std::int64_t to_int(std::string_view s) {
  std::int64_t v = -1;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct DelivererTest : ::testing::Test {
  boost::asio::io_context io{1};
  std::shared_ptr<FakeOutbox> outbox = std::make_shared<FakeOutbox>();
  RecordingObserver observer;
  CrmConfig crm = test_crm_config();
};

TEST_F(DelivererTest, PostsSignedStandardWebhookAndMarksItDelivered) {
  outbox->add("msg_1", "conv-1", R"({"type":"agentassist.insights.synced","insights":[]})");
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(204); });
  Deliverer deliverer(io.get_executor(), outbox, client, crm, &observer, fast_polling());
  auto before = unix_now();

  ASSERT_TRUE(run_until(io, deliverer, [&] { return !observer.finished.empty(); }));

  ASSERT_EQ(client.sent.size(), 1u);
  const auto& r = client.sent[0].request;
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, crm.url);
  EXPECT_EQ(r.timeout, crm.timeout);
  EXPECT_EQ(r.body, outbox->rows[0].message.body);
  EXPECT_EQ(r.headers.get("Content-Type"), "application/json");
  EXPECT_EQ(r.headers.get("webhook-id"), "msg_1");
  EXPECT_EQ(r.headers.get("Idempotency-Key"), "msg_1");
  auto timestamp = to_int(r.headers.get("webhook-timestamp"));
  EXPECT_GE(timestamp, before);
  EXPECT_LE(timestamp, unix_now());
  auto key = webhook_key_from_secret(crm.signing_secret);
  ASSERT_TRUE(key);
  EXPECT_TRUE(verify_webhook(*key, "msg_1", timestamp, r.body, r.headers.get("webhook-signature")));

  ASSERT_EQ(outbox->delivered_rows.size(), 1u);
  EXPECT_EQ(outbox->delivered_rows[0].status, 204);
  EXPECT_TRUE(outbox->retries.empty());
  ASSERT_EQ(observer.attempts.size(), 1u);
  EXPECT_EQ(observer.attempts[0].first, 204);
  EXPECT_GE(observer.attempts[0].second, 0.0);
  EXPECT_EQ(observer.finished[0].webhook_id, "msg_1");
  EXPECT_EQ(observer.finished[0].last_status, 204);
  EXPECT_EQ(observer.finished[0].finished.state, queue::State::done);
}

// One lease serves every worker's next delivery: far fewer queue operations
// than deliveries, and still each row sent once.
TEST_F(DelivererTest, WorkersShareLeasesAndSendEachRowOnce) {
  crm.concurrency = 4;
  for (int i = 0; i < 40; ++i) outbox->add("msg_" + std::to_string(i), "conv-" + std::to_string(i));
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(200); });
  Deliverer deliverer(io.get_executor(), outbox, client, crm, &observer, fast_polling());

  ASSERT_TRUE(run_until(io, deliverer, [&] { return outbox->delivered_rows.size() == 40; }));

  std::set<std::string> sent;
  for (const auto& s : client.sent) sent.emplace(s.request.headers.get("webhook-id"));
  EXPECT_EQ(client.sent.size(), 40u);
  EXPECT_EQ(sent.size(), 40u);
  EXPECT_LE(outbox->lease_calls, 20) << "about one lease per 4 deliveries, plus the workers' last looks";
}

TEST_F(DelivererTest, RetriesReuseTheWebhookIdAndScheduleWithinTheBackoffCeiling) {
  outbox->add("msg_r", "conv-1");
  crm.max_attempts = 10;
  // Fails the first three attempts (server error, rate limit, network), then accepts.
  FakeHttpClient client([](const http::Request&, std::size_t n) -> result<http::Response> {
    if (n == 0) return respond(503);
    if (n == 1) return respond(429);
    if (n == 2) return make_error_code(errc::timeout);
    return respond(200);
  });
  Deliverer deliverer(io.get_executor(), outbox, client, crm, &observer, fast_polling());

  ASSERT_TRUE(run_until(io, deliverer, [&] { return !outbox->delivered_rows.empty(); }));

  ASSERT_EQ(client.sent.size(), 4u);
  for (const auto& sent : client.sent) {
    EXPECT_EQ(sent.request.headers.get("webhook-id"), "msg_r");
    EXPECT_EQ(sent.request.headers.get("Idempotency-Key"), "msg_r");
  }
  ASSERT_EQ(outbox->retries.size(), 3u);
  BackoffPolicy backoff{crm.backoff.initial, crm.backoff.max};
  for (std::size_t i = 0; i < outbox->retries.size(); ++i) {
    const auto& retry = outbox->retries[i];
    // Scheduled no earlier than the failure it answers and no later than
    // the moment it was recorded plus the ceiling for that attempt.
    EXPECT_GE(retry.next_attempt, client.answered_at[i]);
    EXPECT_LE(retry.next_attempt, retry.called_at + backoff.ceiling(static_cast<int>(i) + 1));
    // The next attempt went out only once due.
    EXPECT_GE(client.sent[i + 1].at, retry.next_attempt);
  }
  EXPECT_EQ(outbox->retries[0].status, 503);
  EXPECT_EQ(outbox->retries[1].status, 429);
  EXPECT_EQ(outbox->retries[2].status, 0);
  EXPECT_TRUE(outbox->retries[2].error.starts_with("network error: ")) << outbox->retries[2].error;
}

// The CRM said when it will be ready: that wins over crm.backoff.max (it was
// clamped to it, so a CRM asking for an hour was hammered every 10 minutes).
TEST_F(DelivererTest, RetryAfterIsHonouredAboveBackoffMax) {
  outbox->add("msg_ra", "conv-1");
  crm.backoff = {1ms, 200ms};
  FakeHttpClient client([](const http::Request&, std::size_t n) -> result<http::Response> {
    if (n == 0) return respond(429, "", {{"Retry-After", "1"}});
    return respond(200);
  });
  // The deliverer, the outbox and the client on one manual wall clock: the
  // second's wait is the test's to make pass.
  SystemTime now = std::chrono::system_clock::now();
  const auto manual = [&now] { return now; };
  auto options = fast_polling();
  options.wall_clock = manual;
  outbox->clock = manual;
  client.wall_clock = manual;
  Deliverer deliverer(io.get_executor(), outbox, client, crm, &observer, options);

  Running running(io, deliverer);
  ASSERT_TRUE(running.wait_for([&] { return outbox->retries.size() == 1; }));
  // Not sent again before the second has passed, however often the workers look.
  const int leases = outbox->lease_calls;
  ASSERT_TRUE(running.wait_for([&] { return outbox->lease_calls >= leases + 10; }));
  now += 999ms;
  const int leases_later = outbox->lease_calls;
  ASSERT_TRUE(running.wait_for([&] { return outbox->lease_calls >= leases_later + 10; }));
  EXPECT_EQ(client.sent.size(), 1u);
  now += 1ms;
  ASSERT_TRUE(running.wait_for([&] { return !outbox->delivered_rows.empty(); }));
  EXPECT_FALSE(running.stop());

  ASSERT_EQ(outbox->retries.size(), 1u);
  EXPECT_GE(outbox->retries[0].next_attempt, client.answered_at[0] + 1s);
  EXPECT_LE(outbox->retries[0].next_attempt, outbox->retries[0].called_at + 1s);
  ASSERT_EQ(client.sent.size(), 2u);
  EXPECT_GE(client.sent[1].at, outbox->retries[0].next_attempt);
}

TEST_F(DelivererTest, DeadLettersAfterMaxAttempts) {
  outbox->add("msg_d", "conv-1");
  crm.max_attempts = 3;
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(500); });
  Deliverer deliverer(io.get_executor(), outbox, client, crm, &observer, fast_polling());

  ASSERT_TRUE(run_until(io, deliverer, [&] { return !outbox->dead_rows.empty(); }));
  EXPECT_EQ(client.sent.size(), 3u);
  EXPECT_EQ(outbox->retries.size(), 2u);
  EXPECT_EQ(outbox->dead_rows[0].status, 500);
  EXPECT_EQ(outbox->dead_rows[0].error, "gave up after 3 attempts: HTTP 500");
  ASSERT_EQ(observer.finished.size(), 1u);
  EXPECT_EQ(observer.finished[0].finished.state, queue::State::dead);
  EXPECT_EQ(observer.finished[0].webhook_id, "msg_d");
}

TEST_F(DelivererTest, OtherClientErrorsDeadLetterAtOnceWithoutTheBody) {
  outbox->add("msg_4", "conv-1");
  FakeHttpClient client([](const http::Request&, std::size_t) {
    return respond(422, R"({"code":"schema_mismatch","message":"jane@example.com is not allowed"})");
  });
  Deliverer deliverer(io.get_executor(), outbox, client, crm, &observer, fast_polling());

  ASSERT_TRUE(run_until(io, deliverer, [&] { return !outbox->dead_rows.empty(); }));
  EXPECT_EQ(client.sent.size(), 1u);
  EXPECT_EQ(outbox->dead_rows[0].status, 422);
  EXPECT_EQ(outbox->dead_rows[0].error, "HTTP 422 (code: schema_mismatch)");
}

TEST_F(DelivererTest, GoneDisablesTheEndpointAndHoldsTheDelivery) {
  outbox->add("msg_g", "conv-1");
  outbox->add("msg_h", "conv-2");
  crm.concurrency = 1;
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(410); });
  Deliverer deliverer(io.get_executor(), outbox, client, crm, &observer, fast_polling());

  ASSERT_TRUE(run_until(io, deliverer, [&] { return observer.endpoint_disabled > 0; }));
  EXPECT_TRUE(outbox->held);
  EXPECT_EQ(outbox->settings.at(std::string(kDisabledUrlSetting)), crm.url);
  // The delivery is returned (not dropped, not dead) and nothing else is sent.
  EXPECT_EQ(client.sent.size(), 1u);
  ASSERT_EQ(outbox->retries.size(), 1u);
  EXPECT_EQ(outbox->retries[0].status, 410);
  EXPECT_TRUE(outbox->dead_rows.empty());
  EXPECT_FALSE(outbox->rows[0].settled);
  EXPECT_FALSE(outbox->rows[0].leased);
}

TEST_F(DelivererTest, StartUpReleasesHeldDeliveriesWhenTheUrlChanged) {
  outbox->add("msg_1", "conv-1");
  outbox->held = true;
  outbox->settings[std::string(kDisabledUrlSetting)] = "https://old-crm.example/ingest";
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(200); });
  Deliverer deliverer(io.get_executor(), outbox, client, crm, &observer, fast_polling());

  ASSERT_TRUE(run_until(io, deliverer, [&] { return !outbox->delivered_rows.empty(); }));
  EXPECT_FALSE(outbox->held);
  EXPECT_EQ(outbox->settings.at(std::string(kDisabledUrlSetting)), "");
}

TEST_F(DelivererTest, StartUpKeepsDeliveriesHeldForTheSameUrl) {
  outbox->add("msg_1", "conv-1");
  outbox->held = true;
  outbox->settings[std::string(kDisabledUrlSetting)] = crm.url;
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(200); });
  Deliverer deliverer(io.get_executor(), outbox, client, crm, &observer, fast_polling());

  // Let the workers look for work several times.
  ASSERT_TRUE(run_until(io, deliverer, [&] { return outbox->lease_calls >= 6; }));
  EXPECT_TRUE(outbox->held);
  EXPECT_TRUE(client.sent.empty());
}

TEST_F(DelivererTest, OperatorReenableReleasesAndClears) {
  outbox->held = true;
  outbox->settings[std::string(kDisabledUrlSetting)] = crm.url;
  bool done = false;
  boost::asio::co_spawn(io, reenable_endpoint(*outbox), [&](std::exception_ptr) { done = true; });
  io.run();
  ASSERT_TRUE(done);
  EXPECT_FALSE(outbox->held);
  EXPECT_EQ(outbox->settings.at(std::string(kDisabledUrlSetting)), "");
}

TEST_F(DelivererTest, BreakerOpensAfterConsecutiveFailuresAndStopsSending) {
  for (int i = 0; i < 10; ++i) outbox->add("msg_" + std::to_string(i), "conv-" + std::to_string(i));
  crm.concurrency = 1;
  crm.max_attempts = 100;
  crm.breaker_failures = 3;
  crm.breaker_cooldown = 1h;
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(503); });
  Deliverer deliverer(io.get_executor(), outbox, client, crm, &observer, fast_polling());

  Running running(io, deliverer);
  ASSERT_TRUE(running.wait_for([&] { return !observer.breaker.empty(); }));
  // Give the worker many chances to misbehave while the circuit is open (it
  // wakes every poll interval, and wake() must not bypass the breaker).
  const int leases = outbox->lease_calls;
  deliverer.wake();
  for (int i = 0; i < 20; ++i) io.run_one_for(20ms);
  EXPECT_EQ(client.sent.size(), 3u);
  EXPECT_EQ(outbox->lease_calls, leases);  // an open circuit does not even lease
  EXPECT_EQ(observer.breaker, std::vector<bool>{true});
  EXPECT_FALSE(running.stop());
}

TEST_F(DelivererTest, BreakerProbesAfterTheCooldownAndClosesOnSuccess) {
  for (int i = 0; i < 4; ++i) outbox->add("msg_" + std::to_string(i), "conv-" + std::to_string(i));
  crm.concurrency = 2;
  crm.max_attempts = 100;
  crm.breaker_failures = 2;
  crm.breaker_cooldown = 30ms;
  // The CRM fails every POST sent before the circuit opened (two workers may
  // have one in flight each then), and accepts the rest.
  FakeHttpClient client;
  client.set_script([&](const http::Request&, std::size_t n) {
    const bool before_open =
        observer.breaker_at.empty() || client.sent.at(n).steady_at < observer.breaker_at[0];
    return before_open ? respond(503) : respond(200);
  });
  Deliverer deliverer(io.get_executor(), outbox, client, crm, &observer, fast_polling());

  ASSERT_TRUE(run_until(io, deliverer, [&] { return outbox->delivered_rows.size() == 4; }));
  EXPECT_EQ(observer.breaker, (std::vector<bool>{true, false}));
  ASSERT_GE(client.sent.size(), 3u);
  // The probe, and all that followed it, went out only after the cool-down
  // (a POST already in flight when the circuit opened may still be answered).
  const auto opened = observer.breaker_at.at(0);
  int after_open = 0;
  for (const auto& sent : client.sent) {
    if (sent.steady_at < opened) continue;
    EXPECT_GE(sent.steady_at - opened, crm.breaker_cooldown) << sent.request.headers.get("webhook-id");
    ++after_open;
  }
  EXPECT_GT(after_open, 0);
}

TEST_F(DelivererTest, StopLetsTheInFlightPostFinishAndRecordsIt) {
  outbox->add("msg_s", "conv-1");
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(200); });
  client.latency = 30ms;
  Deliverer deliverer(io.get_executor(), outbox, client, crm, &observer, fast_polling());
  client.on_send = [&](std::size_t) { deliverer.stop(); };

  Running running(io, deliverer);
  // on_send stopped the deliverer: run() ends by itself once the POST is answered.
  ASSERT_TRUE(running.wait_for([&] { return running.finished(); }));
  EXPECT_EQ(client.sent.size(), 1u);
  ASSERT_EQ(outbox->delivered_rows.size(), 1u);
}

// A full disk used to end the workers and then the daemon (a restart loop
// until space came back): the answer is now stored once the outbox works again.
TEST_F(DelivererTest, AnOutcomeTheOutboxCannotStoreIsStoredOnceItCanWithoutAnotherPost) {
  outbox->add("msg_x", "conv-1");
  outbox->delivered_failures = 2;
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(200); });
  Deliverer deliverer(io.get_executor(), outbox, client, crm, &observer, fast_polling());

  Running running(io, deliverer);
  ASSERT_TRUE(running.wait_for([&] { return outbox->delivered_rows.size() == 1; }));
  EXPECT_EQ(outbox->delivered_failures, 0);
  EXPECT_EQ(client.sent.size(), 1u);  // the answer was kept, not asked for again
  EXPECT_FALSE(running.finished());   // the workers carry on
  outbox->add("msg_y", "conv-2");
  deliverer.wake();
  ASSERT_TRUE(running.wait_for([&] { return outbox->delivered_rows.size() == 2; }));
  EXPECT_FALSE(running.stop());
}

TEST_F(DelivererTest, AtShutdownAnUnstoredOutcomeStaysLeasedForRedelivery) {
  outbox->add("msg_x", "conv-1");
  outbox->delivered_failures = 1000000;
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(200); });
  Deliverer deliverer(io.get_executor(), outbox, client, crm, &observer, fast_polling());

  Running running(io, deliverer);
  ASSERT_TRUE(running.wait_for([&] { return outbox->delivered_failures < 1000000; }));
  EXPECT_FALSE(running.stop());  // no exception: an outage is not a failure of the daemon
  EXPECT_TRUE(outbox->delivered_rows.empty());
  EXPECT_TRUE(outbox->rows.at(0).leased);
  EXPECT_FALSE(outbox->rows.at(0).settled);
}

TEST(DelivererConfig, RejectsAnInvalidSigningSecret) {
  boost::asio::io_context io;
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(200); });
  auto crm = test_crm_config();
  crm.signing_secret = "whsec_not base64!";
  EXPECT_THROW(Deliverer(io.get_executor(), std::make_shared<FakeOutbox>(), client, crm),
               std::invalid_argument);
  crm.signing_secret = "";
  EXPECT_THROW(Deliverer(io.get_executor(), std::make_shared<FakeOutbox>(), client, crm),
               std::invalid_argument);
}

}  // namespace

TEST_F(DelivererTest, CancelAbandonsTheInFlightPostAndLeavesItsRowLeasedForRedelivery) {
  outbox->add("msg_c", "conv-1");
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(200); });
  client.latency = 1h;  // an answer that only a cancellation ends
  Deliverer deliverer(io.get_executor(), outbox, client, crm, &observer, fast_polling());
  client.on_send = [&](std::size_t) { deliverer.cancel(); };

  Running running(io, deliverer);
  ASSERT_TRUE(running.wait_for([&] { return running.finished(); }));
  EXPECT_FALSE(running.stop()) << "a cancel is a stop, not a failure";
  EXPECT_EQ(client.sent.size(), 1u);
  EXPECT_TRUE(client.answered_at.empty());
  EXPECT_TRUE(outbox->delivered_rows.empty());
  EXPECT_TRUE(outbox->rows.at(0).leased);
}

namespace {

// A first attempt that must wait for a POST slot, run while the only slot is taken.
awaitable<void> deliver_new_into(Deliverer* deliverer, queue::OutboxMessage message, bool* aborted) {
  const std::vector<queue::OutboxMessage> messages{std::move(message)};  // named: GCC 12 and braced lists
  try {
    co_await deliverer->deliver_new(messages);
  } catch (const boost::system::system_error& e) {
    *aborted = e.code() == boost::asio::error::operation_aborted;
  }
}

}  // namespace

TEST_F(DelivererTest, CancelEndsAFirstAttemptWaitingForAPostSlotWithOperationAborted) {
  crm.concurrency = 1;
  outbox->add("msg_busy", "conv-1");
  FakeHttpClient client([](const http::Request&, std::size_t) { return respond(200); });
  client.latency = 1h;
  Deliverer deliverer(io.get_executor(), outbox, client, crm, &observer, fast_polling());

  Running running(io, deliverer);
  ASSERT_TRUE(running.wait_for([&] { return client.sent.size() == 1; }));  // the worker holds the slot
  bool aborted = false;
  bool ended = false;
  queue::OutboxMessage message{"msg_new", "conv-2", 1, 1, R"({"insights":[]})"};
  boost::asio::co_spawn(io, deliver_new_into(&deliverer, message, &aborted),
                        [&ended](std::exception_ptr) { ended = true; });
  for (int i = 0; i < 5; ++i) io.poll();
  EXPECT_FALSE(ended) << "it waits for the slot";
  deliverer.cancel();
  for (int i = 0; i < 250 && !(ended && running.finished()); ++i) io.run_one_for(20ms);
  ASSERT_TRUE(ended && running.finished());
  EXPECT_TRUE(aborted);
  EXPECT_EQ(client.sent.size(), 1u);
}
