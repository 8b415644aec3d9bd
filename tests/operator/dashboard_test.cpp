// SPDX-License-Identifier: Apache-2.0
// The Grafana dashboard: importable (a data source variable, no hard-wired
// data source) and every query valid PromQL, as promtool parses it. That each
// queried metric exists is checked against a live scrape in
// tests/integration/metrics_consumers_test.cpp.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "support/process.hpp"
#include "support/repo_files.hpp"
#include "support/temp_dir.hpp"

namespace insightd::test {
namespace {

namespace json = boost::json;

json::object dashboard() {
  return json::parse(read_file(repo_root / "contrib/grafana/insightd.json")).as_object();
}

std::vector<const json::object*> panels_of(const json::object& dash) {
  std::vector<const json::object*> out;
  for (const auto& p : dash.at("panels").as_array()) {
    out.push_back(&p.as_object());
    if (const auto* nested = p.as_object().if_contains("panels"))
      for (const auto& q : nested->as_array()) out.push_back(&q.as_object());
  }
  return out;
}

TEST(Dashboard, EveryPanelQueriesThroughTheDataSourceVariable) {
  const auto dash = dashboard();
  bool has_variable = false;
  for (const auto& v : dash.at("templating").at("list").as_array())
    if (v.at("name") == "DS_PROMETHEUS" && v.at("type") == "datasource") has_variable = true;
  EXPECT_TRUE(has_variable);
  int queried = 0;
  for (const auto* panel : panels_of(dash)) {
    if (panel->at("type") == "row") continue;
    SCOPED_TRACE(std::string(panel->at("title").as_string()));
    EXPECT_EQ(panel->at("datasource").at("uid"), "${DS_PROMETHEUS}");
    ASSERT_FALSE(panel->at("targets").as_array().empty());
    for (const auto& t : panel->at("targets").as_array()) {
      EXPECT_EQ(t.at("datasource").at("uid"), "${DS_PROMETHEUS}");
      ++queried;
    }
  }
  EXPECT_GE(queried, 20);
}

TEST(Dashboard, EveryQueryIsValidPromQL) {
  // promtool parses each query as a recording rule, with Grafana's variables
  // replaced by what Grafana would send.
  std::string rules = "groups:\n  - name: dashboard\n    rules:\n";
  int n = 0;
  const auto dash = dashboard();  // the panels point into it
  for (const auto* panel : panels_of(dash)) {
    const auto* targets = panel->if_contains("targets");
    if (targets == nullptr) continue;
    for (const auto& t : targets->as_array()) {
      std::string expr(t.at("expr").as_string());
      expr = std::regex_replace(expr, std::regex(R"(\$__rate_interval)"), "2m");
      expr = std::regex_replace(expr, std::regex(R"(\$instance)"), ".*");
      rules += "      - record: dashboard:query" + std::to_string(++n) +
               "\n        expr: " + json::serialize(json::value(expr)) + "\n";
    }
  }
  TempDir dir;
  const auto file = dir.write("dashboard-rules.yaml", rules);
  auto checked =
      run_command({"/usr/bin/env", "promtool", "check", "rules", file.string()}, dir.path() / "promtool");
  ASSERT_NE(checked.exit_code, 127) << "promtool not found: install the Debian package prometheus";
  EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err << rules;
}

}  // namespace
}  // namespace insightd::test
