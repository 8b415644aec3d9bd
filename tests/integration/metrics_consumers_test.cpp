// SPDX-License-Identifier: Apache-2.0
// What consumes /metrics, checked against a real scrape of `insightd run`
// working against the simulator: every metric the Grafana dashboard and the
// alerting rules query is exported (a renamed metric fails here, not on an
// operator's screen), promtool accepts the exposition, and the CRM state
// gauges the alerts use follow a 410 and an open circuit.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <boost/json.hpp>
#include <regex>
#include <set>

#include "support/prometheus_text.hpp"
#include "support/repo_files.hpp"
#include "support/running_daemon.hpp"

namespace insightd::test {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

// Exported only once the intake exists (another branch); tolerated while absent.
const std::set<std::string> intake_metrics = {
    "insightd_intake_socket_connected", "insightd_intake_watermark_seconds", "insightd_intake_leader",
    "insightd_intake_events_total", "insightd_intake_enqueued_total"};

std::set<std::string> metric_names_in(const std::string& query) {
  static const std::regex name(R"(\binsightd_[a-zA-Z0-9_]+)");
  std::set<std::string> names;
  for (auto it = std::sregex_iterator(query.begin(), query.end(), name); it != std::sregex_iterator(); ++it)
    names.insert(it->str());
  return names;
}

// Every PromQL string of the dashboard: panel targets' `expr` and the
// templating variables' `query` / `definition`, at any depth (rows nest panels).
void collect_dashboard_queries(const json::value& v, std::vector<std::string>& out) {
  if (const auto* object = v.if_object()) {
    for (const auto& [key, value] : *object) {
      const bool query_key = key == "expr" || key == "definition" || key == "query";
      if (query_key && value.is_string()) out.emplace_back(value.as_string());
      collect_dashboard_queries(value, out);
    }
  } else if (const auto* array = v.if_array()) {
    for (const auto& item : *array) collect_dashboard_queries(item, out);
  }
}

std::vector<std::string> dashboard_queries() {
  std::vector<std::string> out;
  collect_dashboard_queries(json::parse(read_file(repo_root / "contrib/grafana/insightd.json")), out);
  return out;
}

std::vector<std::string> alert_expressions() {
  std::vector<std::string> out;
  const auto rules = YAML::LoadFile((repo_root / "contrib/prometheus/insightd-rules.yaml").string());
  for (const auto& group : rules["groups"])
    for (const auto& rule : group["rules"]) out.push_back(rule["expr"].as<std::string>());
  return out;
}

// Sample names (histograms: _bucket, _sum, _count) of a scrape.
std::set<std::string> sample_names(const Exposition& scrape) {
  std::set<std::string> names;
  for (const auto& [_, family] : scrape.families)
    for (const auto& sample : family.samples) names.insert(sample.name);
  return names;
}

std::vector<std::string> missing_from(const std::vector<std::string>& queries, const Exposition& scrape) {
  const auto exported = sample_names(scrape);
  std::vector<std::string> missing;
  for (const auto& query : queries)
    for (const auto& name : metric_names_in(query))
      if (!exported.contains(name) && !intake_metrics.contains(name))
        missing.push_back(fmt::format("{} in: {}", name, query));
  return missing;
}

// A daemon that has fetched, governed (PII), failed (404), been rate limited
// (429) and delivered, so every labelled family has its series.
class LiveScrape : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NE(body, nullptr) << "the daemon did not start or settle its work"; }

  static void SetUpTestSuite() {
    dir = new TempDir;
    sim = new SimProcess(*dir, TestCa::shared());
    const auto config = write_config(*dir, sim->base_url(), {.ca_file = TestCa::shared().ca_cert});
    daemon = new RunningDaemon(*dir, config);
    const std::vector<std::string> ids = {"it-scrape-1", "it-scrape-2-pii", "it-scrape-3-notfound",
                                          "it-scrape-4-ratelimit"};
    std::vector<std::string> args = {"enqueue"};
    args.insert(args.end(), ids.begin(), ids.end());
    ASSERT_EQ(insightd(*dir, config, args, "enqueue").exit_code, 0);
    ASSERT_TRUE(eventually([] {
      auto s = parse_prometheus_text(daemon->get("/metrics").body);
      const double settled = s.value("insightd_interactions_total", {{"outcome", "done"}}).value_or(0) +
                             s.value("insightd_interactions_total", {{"outcome", "failed"}}).value_or(0);
      return settled >= 4;
    })) << daemon->process().err();
    body = new std::string(daemon->get("/metrics").body);
  }
  static void TearDownTestSuite() {
    if (daemon) {
      EXPECT_EQ(daemon->stop(30s), 0) << daemon->process().err();
    }
    delete body;
    delete daemon;
    delete sim;
    delete dir;
  }

  static Exposition scrape() {
    auto parsed = parse_prometheus_text(*body);
    EXPECT_TRUE(parsed.errors.empty()) << parsed.errors.front();
    return parsed;
  }

  static inline TempDir* dir = nullptr;
  static inline SimProcess* sim = nullptr;
  static inline RunningDaemon* daemon = nullptr;
  static inline std::string* body = nullptr;
};

TEST_F(LiveScrape, EveryMetricTheDashboardQueriesIsExported) {
  const auto queries = dashboard_queries();
  ASSERT_GE(queries.size(), 15u) << "the dashboard's queries were not found";
  const auto missing = missing_from(queries, scrape());
  EXPECT_TRUE(missing.empty()) << missing.size() << " missing, first: " << missing.front();
}

TEST_F(LiveScrape, EveryMetricTheAlertsQueryIsExported) {
  const auto expressions = alert_expressions();
  ASSERT_GE(expressions.size(), 13u);
  const auto missing = missing_from(expressions, scrape());
  EXPECT_TRUE(missing.empty()) << missing.size() << " missing, first: " << missing.front();
}

TEST_F(LiveScrape, PromtoolCheckMetricsAcceptsTheScrape) {
  const auto file = dir->write("scrape.prom", *body);
  // promtool reads the exposition on stdin; lint problems go to stderr with a non-zero exit.
  auto checked =
      run_command({"/usr/bin/env", "promtool", "check", "metrics"}, dir->path() / "promtool", {}, file);
  ASSERT_NE(checked.exit_code, 127) << "promtool not found: install the Debian package prometheus";
  EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err;
  EXPECT_EQ(checked.out + checked.err, "");
}

TEST_F(LiveScrape, CrmStateGaugesAreZeroWhenDeliveriesFlow) {
  const auto s = scrape();
  EXPECT_EQ(s.value("insightd_crm_circuit_open"), 0.0);
  EXPECT_EQ(s.value("insightd_crm_deliveries_held"), 0.0);
  EXPECT_EQ(s.value("insightd_rate_limit_budget_per_minute"), 6000.0);  // the config's requests_per_minute
}

double gauge(const RunningDaemon& daemon, const char* name) {
  return parse_prometheus_text(daemon.get("/metrics").body).value(name).value_or(-1);
}

TEST(CrmStateGauges, HeldIsOneAfterA410AndStaysOneAcrossARestart) {
  TempDir dir;
  SimProcess gone(dir, TestCa::shared(), {"--crm-gone"});
  const auto config = write_config(dir, gone.base_url(), {.ca_file = TestCa::shared().ca_cert});
  ASSERT_EQ(insightd(dir, config, {"enqueue", "it-held-1"}, "enqueue").exit_code, 0);
  {
    RunningDaemon daemon(dir, config, "daemon-1");
    EXPECT_TRUE(eventually([&] { return gauge(daemon, "insightd_crm_deliveries_held") == 1.0; }))
        << daemon.process().err();
    EXPECT_EQ(daemon.stop(), 0);
  }
  RunningDaemon restarted(dir, config, "daemon-2");  // read from the store, no new 410 needed
  EXPECT_TRUE(eventually([&] { return gauge(restarted, "insightd_crm_deliveries_held") == 1.0; }));
  EXPECT_EQ(gauge(restarted, "insightd_crm_circuit_open"), 0.0)
      << "a 410 holds; it does not open the circuit";
  EXPECT_EQ(restarted.stop(), 0);
}

TEST(CrmStateGauges, CircuitOpenIsOneAfterConsecutiveFailures) {
  TempDir dir;
  SimProcess failing(dir, TestCa::shared(), {"--crm-status", "503"});
  const auto config =
      write_config(dir, failing.base_url(),
                   {.ca_file = TestCa::shared().ca_cert, .crm_max_attempts = 100, .breaker_failures = 2});
  RunningDaemon daemon(dir, config);
  EXPECT_EQ(gauge(daemon, "insightd_crm_circuit_open"), 0.0);
  ASSERT_EQ(insightd(dir, config, {"enqueue", "it-open-1", "it-open-2", "it-open-3"}, "enqueue").exit_code,
            0);
  EXPECT_TRUE(eventually([&] { return gauge(daemon, "insightd_crm_circuit_open") == 1.0; }))
      << daemon.process().err();
  EXPECT_EQ(gauge(daemon, "insightd_crm_deliveries_held"), 0.0);
  EXPECT_EQ(daemon.stop(), 0);
}

}  // namespace
}  // namespace insightd::test
