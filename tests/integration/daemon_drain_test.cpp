// SPDX-License-Identifier: Apache-2.0
// `insightd run --drain` (the real binary) against `insightd-sim`: final
// states, the rate budget as the simulator saw it, 429 pauses across workers,
// SIGTERM, and a lease left by a killed daemon.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>

#include "support/audit_lines.hpp"
#include "support/sim_process.hpp"

namespace insightd::test {
namespace {

namespace json = boost::json;

TEST(DaemonDrain, TwoHundredInteractionsReachTheirFinalStatesWithinTheRateBudget) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  SimProcess sim(dir, ca, {"--retry-after", "1"});
  ConfigOptions options{.ca_file = ca.ca_cert, .requests_per_minute = 1200, .burst = 10, .concurrency = 8};
  auto config = write_config(dir, sim.base_url(), options);

  std::vector<std::string> ids;
  std::map<std::string, std::string> expected;
  for (int i = 0; i < 200; ++i) {
    std::string id;
    if (i % 20 == 3) {
      id = fmt::format("it-{:03}-notfound", i);
      expected[id] = "failed";
    } else if (i % 20 == 7) {
      id = fmt::format("it-{:03}-flaky", i);
      expected[id] = "done";
    } else if (i % 20 == 11) {
      id = fmt::format("it-{:03}-malformed", i);
      expected[id] = "done";
    } else if (i % 50 == 15) {  // 15, 65, 115, 165: none collides with the cases above
      id = fmt::format("it-{:03}-ratelimit", i);
      expected[id] = "done";
    } else {
      id = fmt::format("it-{:03}", i);
      expected[id] = "done";
    }
    ids.push_back(id);
  }
  auto enq = insightd(dir, config, {"enqueue", "-"}, "enqueue", write_ids(dir, ids));
  ASSERT_EQ(enq.exit_code, 0) << enq.err;

  auto run = insightd(dir, config, {"run", "--drain"}, "run");
  ASSERT_EQ(run.exit_code, 0) << run.err;

  // Every interaction in the state its fault calls for, one audit record each.
  EXPECT_EQ(audit_outcomes(run.out), expected);
  auto status = status_json(dir, config);
  EXPECT_EQ(count_of(status, "done"), 190);
  EXPECT_EQ(count_of(status, "failed"), 10);
  EXPECT_EQ(count_of(status, "pending"), 0);
  EXPECT_EQ(count_of(status, "in_flight"), 0);
  EXPECT_EQ(count_of(status, "outbox_depth"), 0);

  auto stats = sim.stats().as_object();
  // The budget: 1200/min = 20/s with a burst of 10. In any one-second window the
  // simulator may see at most burst + rate (token requests count too).
  std::vector<std::int64_t> times;
  for (const auto& t : stats.at("api_request_ms").as_array()) times.push_back(t.to_number<std::int64_t>());
  std::sort(times.begin(), times.end());
  ASSERT_GT(times.size(), 200u);
  std::size_t worst = 0;
  for (std::size_t i = 0, j = 0; i < times.size(); ++i) {
    while (times[i] - times[j] >= 1000) ++j;
    worst = std::max(worst, i - j + 1);
  }
  EXPECT_LE(worst, 10u + 20u) << "requests in the busiest second";

  // Every 429 paused every worker for Retry-After. The simulator sees when it
  // answered, not when the daemon read the answer: requests the other workers
  // had already sent may still arrive inside the pause (later under a
  // sanitizer), one per worker at most. Without the pause the budget would
  // bring about 20 in that second.
  int rate_limited = 0;
  for (const auto& e : stats.at("rate_limited").as_array()) {
    const auto& event = e.as_object();
    ++rate_limited;
    const auto at = event.at("at_ms").to_number<std::int64_t>();
    const auto pause_end = at + event.at("retry_after_s").to_number<std::int64_t>() * 1000 - 5;
    const auto inside_pause =
        std::count_if(times.begin(), times.end(), [&](std::int64_t t) { return t > at && t < pause_end; });
    EXPECT_LE(inside_pause, options.concurrency - 1) << "requests inside the pause after the 429 at " << at;
    ASSERT_TRUE(event.contains("next_api_request_ms") && !event.at("next_api_request_ms").is_null());
  }
  EXPECT_EQ(rate_limited, 4);  // one per `ratelimit` interaction

  // A healthy CRM takes each webhook at its first attempt, made before anything
  // is written to the outbox: one receipt per done interaction, and its audit
  // record names that webhook and the CRM's answer.
  std::map<std::string, std::vector<json::object>> receipts;
  for (const auto& r : stats.at("crm").at("receipts").as_array())
    receipts[std::string(r.at("interaction_id").as_string())].push_back(r.as_object());
  for (const auto& record : audit_records(run.out)) {
    if (record.at("outcome").as_string() != "done") continue;
    const std::string id(record.at("interaction_id").as_string());
    ASSERT_EQ(receipts[id].size(), 1u) << id;
    const auto& receipt = receipts[id][0];
    EXPECT_EQ(record.at("webhook_id"), receipt.at("webhook_id")) << id;
    EXPECT_EQ(record.at("crm_webhook_status"), 200) << id;
    EXPECT_EQ(receipt.at("status"), 200) << id;
    EXPECT_TRUE(receipt.at("signature_ok").as_bool()) << id;
  }
}

// Queues `count` interactions named "<prefix>-NN-slow": every upstream answer
// for them takes 1.5 s longer, so a daemon holds them in flight for a while.
void enqueue_slow(const TempDir& dir, const std::filesystem::path& config, std::string_view prefix,
                  int count) {
  std::vector<std::string> ids;
  for (int i = 0; i < count; ++i) ids.push_back(fmt::format("{}-{:02}-slow", prefix, i));
  ASSERT_EQ(insightd(dir, config, {"enqueue", "-"}, "enqueue", write_ids(dir, ids)).exit_code, 0);
}

struct Stopped {
  int exit_code = -1;
  std::chrono::milliseconds took{};  // from the signal to the exit
  std::string log;
};

// Starts a daemon and sends it `signo` once it holds leases (work in flight).
void signal_with_work_in_flight(const TempDir& dir, const std::filesystem::path& config, int signo,
                                Stopped& stopped) {
  Process daemon({INSIGHTD_BIN, "run", "-c", config.string()}, dir.path() / "daemon");
  ASSERT_TRUE(eventually([&] { return count_of(status_json(dir, config), "leased") > 0; }));
  const auto signalled = std::chrono::steady_clock::now();
  daemon.signal(signo);
  auto code = daemon.wait_for(std::chrono::seconds(30));
  ASSERT_TRUE(code.has_value()) << "did not exit after signal " << signo;
  stopped.exit_code = *code;
  stopped.took =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - signalled);
  stopped.log = daemon.err();
}

// What one daemon left behind, a `run --drain` finishes: `count` done, nothing in flight.
void expect_a_drain_run_finishes(const TempDir& dir, const std::filesystem::path& config, int count) {
  auto rerun = insightd(dir, config, {"run", "--drain"}, "rerun");
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  auto final_status = status_json(dir, config);
  EXPECT_EQ(count_of(final_status, "done"), count);
  EXPECT_EQ(count_of(final_status, "in_flight"), 0);
}

TEST(DaemonSignals, SigtermLeavesNothingInFlightAndARestartFinishesTheRest) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  SimProcess sim(dir, ca);
  ConfigOptions options{.ca_file = ca.ca_cert, .concurrency = 4, .shutdown_grace = "10s"};
  auto config = write_config(dir, sim.base_url(), options);
  ASSERT_NO_FATAL_FAILURE(enqueue_slow(dir, config, "it-term", 40));

  Stopped stopped;
  ASSERT_NO_FATAL_FAILURE(signal_with_work_in_flight(dir, config, SIGTERM, stopped));
  EXPECT_EQ(stopped.exit_code, 0) << stopped.log;
  // Measured, not asserted (the grace period is 10 s): how long shutdown took with work in flight.
  std::printf("[ measured ] SIGTERM to exit: %lld ms\n", static_cast<long long>(stopped.took.count()));

  auto after_stop = status_json(dir, config);
  EXPECT_EQ(count_of(after_stop, "leased"), 0);
  EXPECT_LT(count_of(after_stop, "done"), 40) << "the test needs work left over";
  expect_a_drain_run_finishes(dir, config, 40);
}

// A grace shorter than one upstream answer: the cycles still fetching when it
// ends are cancelled, not waited for, and their leases go back before the
// daemon exits.
TEST(DaemonSignals, CyclesStillRunningAfterTheGraceAreCancelledAndTheirLeasesReturned) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  SimProcess sim(dir, ca);
  ConfigOptions options{.ca_file = ca.ca_cert, .concurrency = 4, .shutdown_grace = "200ms"};
  auto config = write_config(dir, sim.base_url(), options);
  ASSERT_NO_FATAL_FAILURE(enqueue_slow(dir, config, "it-cut", 8));

  Stopped stopped;
  ASSERT_NO_FATAL_FAILURE(signal_with_work_in_flight(dir, config, SIGTERM, stopped));
  EXPECT_EQ(stopped.exit_code, 0) << stopped.log;
  std::printf("[ measured ] SIGTERM to exit with a 200 ms grace: %lld ms\n",
              static_cast<long long>(stopped.took.count()));
  EXPECT_NE(stopped.log.find("still in flight after the grace period; cancelling them"), std::string::npos)
      << stopped.log;
  EXPECT_EQ(stopped.log.find("ignored cancellation"), std::string::npos) << stopped.log;
  EXPECT_EQ(stopped.log.find("unexpected exception"), std::string::npos) << stopped.log;

  auto after_stop = status_json(dir, config);
  EXPECT_EQ(count_of(after_stop, "leased"), 0);
  EXPECT_EQ(count_of(after_stop, "done"), 0) << "no cycle could have finished within the grace";
  expect_a_drain_run_finishes(dir, config, 8);
}

TEST(DaemonCrash, ALeaseOfAKilledDaemonReturnsAfterTheLeaseTimeoutAndIsFinished) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  SimProcess sim(dir, ca);
  ConfigOptions options{.ca_file = ca.ca_cert, .concurrency = 4, .lease_timeout = "2s"};
  auto config = write_config(dir, sim.base_url(), options);
  ASSERT_NO_FATAL_FAILURE(enqueue_slow(dir, config, "it-kill", 12));

  Stopped killed;
  ASSERT_NO_FATAL_FAILURE(signal_with_work_in_flight(dir, config, SIGKILL, killed));
  ASSERT_EQ(killed.exit_code, 128 + SIGKILL);
  EXPECT_GT(count_of(status_json(dir, config), "leased"), 0) << "the killed daemon's leases are still held";
  expect_a_drain_run_finishes(dir, config, 12);
}

}  // namespace
}  // namespace insightd::test
