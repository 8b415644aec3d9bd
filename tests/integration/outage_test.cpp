// SPDX-License-Identifier: Apache-2.0
// Ordinary outages never lose work: the real `insightd run --drain` against
// `insightd-sim` with the login endpoint down, page requests failing past one
// cycle's retries, an interaction that never recovers, and cycles longer than
// the lease.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <regex>

#include "support/audit_lines.hpp"
#include "support/sim_process.hpp"

namespace insightd::test {
namespace {

namespace json = boost::json;

std::uint64_t requests_with(const json::object& stats, const char* endpoint, const char* status) {
  const auto* by_endpoint = stats.at("requests").as_object().if_contains(endpoint);
  if (!by_endpoint) return 0;
  const auto* n = by_endpoint->as_object().if_contains(status);
  return n ? n->to_number<std::uint64_t>() : 0;
}

// Before: every queued interaction was `failed` within a second and --drain
// exited 0 with nothing delivered. Now leasing waits for a token.
TEST(Outage, TheLoginEndpointDownFor20sDelaysWorkAndLosesNothing) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  constexpr std::int64_t kOutageMs = 20000;
  SimProcess sim(dir, ca, {"--token-outage", std::to_string(kOutageMs)});
  auto config = write_config(dir, sim.base_url(), {.ca_file = ca.ca_cert});
  std::vector<std::string> ids;
  for (int i = 0; i < 50; ++i) ids.push_back(fmt::format("it-login-{:02}", i));
  ASSERT_EQ(insightd(dir, config, {"enqueue", "-"}, "enqueue", write_ids(dir, ids)).exit_code, 0);

  Process daemon({INSIGHTD_BIN, "run", "--drain", "-c", config.string()}, dir.path() / "run");
  // While the login is down, /readyz says why (admin.listen port 0: the port is logged).
  const std::regex bound(R"(admin endpoint on http://127\.0\.0\.1:(\d+))");
  std::string port;
  ASSERT_TRUE(eventually([&] {
    // The match points into `log`: take the port out before `log` goes away.
    const auto log = daemon.err();
    std::smatch m;
    if (!std::regex_search(log, m, bound)) return false;
    port = m[1].str();
    return true;
  })) << daemon.err();
  http::Request readyz;
  readyz.url = "http://127.0.0.1:" + port + "/readyz";
  http::Response not_ready;
  ASSERT_TRUE(eventually([&] {
    not_ready = http_call(readyz, "");
    return not_ready.status == 503 && not_ready.body.find("no access token") != std::string::npos;
  })) << not_ready.status
      << " " << not_ready.body;
  EXPECT_NE(not_ready.body.find("HTTP 503"), std::string::npos) << not_ready.body;

  ASSERT_EQ(daemon.wait_for(std::chrono::minutes(3)), 0) << daemon.err();
  RunResult run{0, daemon.out(), daemon.err()};

  auto status = status_json(dir, config);
  EXPECT_EQ(count_of(status, "done"), 50);
  EXPECT_EQ(count_of(status, "failed"), 0);
  EXPECT_EQ(count_of(status, "dead"), 0);

  // No interaction was fetched, nor even leased, while there was no token:
  // one cycle each, and no API request before the login came back.
  auto records = audit_records(run.out);
  EXPECT_EQ(records.size(), 50u);
  for (const auto& record : records) {
    EXPECT_EQ(record.at("outcome"), "done") << json::serialize(record);
    EXPECT_EQ(record.at("attempts"), 1) << json::serialize(record);
  }
  auto stats = sim.stats().as_object();
  EXPECT_GT(requests_with(stats, "oauth_token", "503"), 1u) << "the daemon kept asking for a token";
  for (const auto& t : stats.at("api_request_ms").as_array())
    EXPECT_GE(t.to_number<std::int64_t>(), kOutageMs) << "an API request while the login was down";
  EXPECT_NE(run.err.find("leasing paused"), std::string::npos) << run.err;
}

// Before: 5 failed tries of one page request made the interaction `failed`.
TEST(Outage, APageFailingPastOneCyclesRetriesIsRequeuedAndDone) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  SimProcess sim(dir, ca);
  auto config = write_config(dir, sim.base_url(), {.ca_file = ca.ca_cert});
  ASSERT_EQ(insightd(dir, config, {"enqueue", "it-503-outage", "it-fine"}, "enqueue").exit_code, 0);

  auto run = insightd(dir, config, {"run", "--drain"}, "run");
  ASSERT_EQ(run.exit_code, 0) << run.err;

  EXPECT_EQ(audit_outcomes(run.out),
            (std::map<std::string, std::string>{{"it-503-outage", "done"}, {"it-fine", "done"}}));
  std::vector<std::string> outage_outcomes;
  for (const auto& record : audit_records(run.out))
    if (record.at("interaction_id") == "it-503-outage")
      outage_outcomes.emplace_back(record.at("outcome").as_string());
  // 6 x 503 with 4 attempts per cycle: one cycle ends `retry`, the next one done.
  EXPECT_EQ(outage_outcomes, (std::vector<std::string>{"retry", "done"}));
  EXPECT_EQ(count_of(status_json(dir, config), "failed"), 0);
}

// After give_up_after of transient failures the interaction is a dead letter:
// listed with the reason, and replayable.
TEST(Outage, AnInteractionThatNeverRecoversIsDeadLetteredAfterGiveUpAfter) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  SimProcess sim(dir, ca);
  auto config = write_config(dir, sim.base_url(), {.ca_file = ca.ca_cert, .give_up_after = "2s"});
  ASSERT_EQ(insightd(dir, config, {"enqueue", "it-503-alldown"}, "enqueue").exit_code, 0);

  auto run = insightd(dir, config, {"run", "--drain"}, "run");
  ASSERT_EQ(run.exit_code, 0) << run.err;

  auto status = status_json(dir, config);
  EXPECT_EQ(count_of(status, "dead"), 1);
  EXPECT_EQ(count_of(status, "failed"), 0);
  auto outcomes = audit_outcomes(run.out);
  EXPECT_EQ(outcomes["it-503-alldown"], "dead");
  EXPECT_GT(audit_records(run.out).size(), 2u) << "retried before giving up";

  auto list = insightd(dir, config, {"dead-letters", "list"}, "dead-letters");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("it-503-alldown"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("gave up after 2s of transient failures"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("transient"), std::string::npos) << list.out;

  auto replay = insightd(dir, config, {"dead-letters", "replay", "it-503-alldown"}, "replay");
  ASSERT_EQ(replay.exit_code, 0) << replay.err;
  EXPECT_EQ(count_of(status_json(dir, config), "pending"), 1);
}

// Before: a cycle longer than lease_timeout was leased again by the same
// daemon while it still ran (a second cycle, more page requests).
TEST(Outage, CyclesLongerThanTheLeaseRunOnceEach) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  SimProcess sim(dir, ca, {"--latency", "600"});
  // 250 insights at 100 per page: 3 pages, about 1.8 s per cycle, against a 1 s lease.
  auto config = write_config(dir, sim.base_url(), {.ca_file = ca.ca_cert, .lease_timeout = "1s"});
  std::vector<std::string> ids;
  for (int i = 0; i < 6; ++i) ids.push_back(fmt::format("it-long-{}-n250", i));
  ASSERT_EQ(insightd(dir, config, {"enqueue", "-"}, "enqueue", write_ids(dir, ids)).exit_code, 0);

  auto run = insightd(dir, config, {"run", "--drain"}, "run");
  ASSERT_EQ(run.exit_code, 0) << run.err;

  EXPECT_EQ(count_of(status_json(dir, config), "done"), 6);
  auto records = audit_records(run.out);
  EXPECT_EQ(records.size(), 6u);
  for (const auto& record : records) EXPECT_EQ(record.at("attempts"), 1) << json::serialize(record);
  EXPECT_EQ(requests_with(sim.stats().as_object(), "agentassist_insights", "200"), 6u * 3u);
  EXPECT_EQ(run.err.find("lease expired"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace insightd::test
