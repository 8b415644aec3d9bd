// SPDX-License-Identifier: Apache-2.0
// CRM delivery through the real binaries: retries against a failing CRM,
// exactly-once as seen by webhook-id, signatures, backoff bounds, and
// kill -9 at random points without losing anything.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <random>
#include <set>

#include "insightd/common/backoff.hpp"
#include "support/audit_lines.hpp"
#include "support/sim_process.hpp"

namespace insightd::test {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

struct Receipt {
  std::int64_t at_ms;
  std::string webhook_id;
  std::string idempotency_key;
  std::string interaction_id;
  std::int64_t part;
  std::int64_t parts;
  bool signature_ok;
  unsigned status;
};

std::vector<Receipt> receipts(const SimProcess& sim) {
  std::vector<Receipt> out;
  const auto document = sim.deliveries();  // keep it alive: the loop walks inside it
  for (const auto& v : document.as_object().at("deliveries").as_array()) {
    const auto& r = v.as_object();
    out.push_back({r.at("at_ms").to_number<std::int64_t>(), std::string(r.at("webhook_id").as_string()),
                   std::string(r.at("idempotency_key").as_string()),
                   std::string(r.at("interaction_id").as_string()), r.at("part").to_number<std::int64_t>(),
                   r.at("parts").to_number<std::int64_t>(), r.at("signature_ok").as_bool(),
                   r.at("status").to_number<unsigned>()});
  }
  return out;
}

TEST(Delivery, ACrmFailingTheFirstThreeAttemptsGetsEverythingExactlyOnce) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  SimProcess sim(dir, ca, {"--crm-fail-first", "3"});
  // Every webhook fails three times on purpose: the circuit breaker (tested in
  // tests/delivery) would pause deliveries for its cool-down, so it is set out of the way.
  ConfigOptions options{.ca_file = ca.ca_cert,
                        .crm_max_attempts = 6,
                        .crm_backoff_initial = "50ms",
                        .crm_backoff_max = "400ms",
                        .breaker_failures = 100000};
  auto config = write_config(dir, sim.base_url(), options);
  std::vector<std::string> ids;
  for (int i = 0; i < 30; ++i) ids.push_back(fmt::format("it-crm-{:02}", i));
  ASSERT_EQ(insightd(dir, config, {"enqueue", "-"}, "enqueue", write_ids(dir, ids)).exit_code, 0);

  auto run = insightd(dir, config, {"run", "--drain"}, "run");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(count_of(status_json(dir, config), "done"), 30);

  std::map<std::string, std::vector<Receipt>> by_webhook;
  std::map<std::string, std::set<std::string>> webhooks_per_interaction;
  for (const auto& r : receipts(sim)) {
    EXPECT_TRUE(r.signature_ok) << r.webhook_id;
    EXPECT_EQ(r.idempotency_key, r.webhook_id);
    by_webhook[r.webhook_id].push_back(r);
    webhooks_per_interaction[r.interaction_id].insert(r.webhook_id);
  }
  EXPECT_EQ(webhooks_per_interaction.size(), 30u);
  const BackoffPolicy backoff{50ms, 400ms};
  for (const auto& [webhook_id, attempts] : by_webhook) {
    ASSERT_EQ(attempts.size(), 4u) << webhook_id << ": three 503s, then accepted";
    int accepted = 0;
    for (const auto& a : attempts) accepted += (a.status >= 200 && a.status < 300) ? 1 : 0;
    EXPECT_EQ(accepted, 1) << webhook_id;
    EXPECT_EQ(attempts.back().status, 200u);
    for (std::size_t k = 1; k < attempts.size(); ++k) {
      const auto gap = attempts[k].at_ms - attempts[k - 1].at_ms;
      // Full jitter: anywhere in [0, ceiling]; the idle delivery workers look
      // for due rows every 500 ms, and the machine may be loaded: 1 s slack.
      EXPECT_LE(gap, backoff.ceiling(static_cast<int>(k)).count() + 1000)
          << webhook_id << " attempt " << k + 1;
      EXPECT_GE(gap, 0);
    }
  }
  // One webhook per interaction (each fits in one part), so no duplicate deliveries.
  for (const auto& [interaction, webhooks] : webhooks_per_interaction)
    EXPECT_EQ(webhooks.size(), 1u) << interaction;
}

// Enqueues 500 IDs, kills the daemon at five random points, then drains: nothing
// is lost, and a part delivered more than once (after a crash) always carried
// the same webhook-id. Returns how many receipts the CRM accepted.
std::size_t expect_kill_nine_loses_nothing(const std::vector<std::string>& sim_args, unsigned seed) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  SimProcess sim(dir, ca, sim_args);
  ConfigOptions options{.ca_file = ca.ca_cert,
                        .concurrency = 16,
                        .crm_max_attempts = 8,
                        .crm_backoff_initial = "20ms",
                        .crm_backoff_max = "200ms",
                        .lease_timeout = "2s",
                        .breaker_failures = 100000};
  auto config = write_config(dir, sim.base_url(), options);
  std::vector<std::string> ids;
  for (int i = 0; i < 500; ++i) ids.push_back(fmt::format("it-crash-{:03}", i));
  EXPECT_EQ(insightd(dir, config, {"enqueue", "-"}, "enqueue", write_ids(dir, ids)).exit_code, 0);

  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> delay_ms(200, 1500);
  for (int round = 0; round < 5; ++round) {
    Process daemon({INSIGHTD_BIN, "run", "-c", config.string()}, dir.path() / fmt::format("crash-{}", round));
    const auto kill_after = std::chrono::milliseconds(delay_ms(rng));
    // Kill once the daemon has worked for a random while (it may finish first: then there is nothing to
    // kill).
    const auto code = daemon.wait_for(kill_after);
    if (!code) {
      daemon.signal(SIGKILL);
      EXPECT_EQ(daemon.wait_for(10s), 128 + SIGKILL);
    }
  }
  auto final_run = insightd(dir, config, {"run", "--drain"}, "final");
  EXPECT_EQ(final_run.exit_code, 0) << final_run.err;

  auto status = status_json(dir, config);
  EXPECT_EQ(count_of(status, "done"), 500);
  EXPECT_EQ(count_of(status, "pending"), 0);
  EXPECT_EQ(count_of(status, "in_flight"), 0);
  EXPECT_EQ(count_of(status, "dead"), 0);

  std::map<std::pair<std::string, std::int64_t>, std::set<std::string>> webhooks_per_part;
  std::set<std::string> accepted_interactions;
  std::size_t accepted = 0;
  for (const auto& r : receipts(sim)) {
    EXPECT_TRUE(r.signature_ok);
    if (r.status >= 200 && r.status < 300) {
      webhooks_per_part[{r.interaction_id, r.part}].insert(r.webhook_id);
      accepted_interactions.insert(r.interaction_id);
      ++accepted;
    }
  }
  EXPECT_EQ(accepted_interactions.size(), 500u);
  for (const auto& [part, webhooks] : webhooks_per_part) {
    EXPECT_EQ(webhooks.size(), 1u) << part.first << " part " << part.second
                                   << " reached the CRM under several ids";
  }
  return accepted;
}

// Every first attempt refused: every webhook goes through the outbox.
TEST(Delivery, KillNineAtRandomPointsLosesNothingAndRepeatsKeepTheirWebhookId) {
  expect_kill_nine_loses_nothing({"--crm-fail-first", "1", "--crm-latency", "5"}, 20261124);
}

// Every first attempt accepted: nothing is written before the CRM has it, so a
// kill between its answer and the commit makes the restarted daemon fetch and
// send the interaction again, which must be under the same webhook-id.
TEST(Delivery, KillNineWhileFirstAttemptsAreAcceptedRepeatsThemUnderTheSameWebhookId) {
  const auto accepted = expect_kill_nine_loses_nothing({"--crm-latency", "20"}, 20261125);
  EXPECT_GE(accepted, 500u);
}

}  // namespace
}  // namespace insightd::test

namespace insightd::test {
namespace {

TEST(Delivery, A410HoldsDeliveriesUntilAnOperatorResumesThem) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  std::filesystem::path config;
  std::string port;
  {
    SimProcess gone(dir, ca, {"--crm-gone"});
    port = std::to_string(gone.port());
    config = write_config(dir, gone.base_url(), {.ca_file = ca.ca_cert});
    ASSERT_EQ(insightd(dir, config, {"enqueue", "it-gone-1", "it-gone-2"}, "enqueue").exit_code, 0);

    // --drain does not wait forever on held deliveries: it ends with exit 1 and says why.
    auto run = insightd(dir, config, {"run", "--drain"}, "run-gone");
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_NE(run.err.find("resume-deliveries"), std::string::npos) << run.err;
  }
  auto held = status_json(dir, config);
  EXPECT_EQ(held.at("delivering").to_number<int>(), 2) << "held, not dropped";
  EXPECT_TRUE(held.at("deliveries_held").is_string());

  // The CRM is fixed at the same URL; the operator re-enables delivery.
  SimProcess fixed(dir, ca, {"--port", port});
  auto resumed = insightd(dir, config, {"resume-deliveries"}, "resume");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.out.find("deliveries resumed"), std::string::npos) << resumed.out;
  EXPECT_TRUE(status_json(dir, config).at("deliveries_held").is_null());

  auto run = insightd(dir, config, {"run", "--drain"}, "run-fixed");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(status_json(dir, config).at("done").to_number<int>(), 2);
  std::set<std::string> delivered;
  for (const auto& r : receipts(fixed)) {
    if (r.status == 200) delivered.insert(r.interaction_id);
  }
  EXPECT_EQ(delivered, (std::set<std::string>{"it-gone-1", "it-gone-2"}));
}

}  // namespace
}  // namespace insightd::test
