// SPDX-License-Identifier: Apache-2.0
// The alerting rules as an on-call engineer meets them: every alert says what
// happened and links a runbook section that exists, and the promtool unit
// tests make every alert both fire and stay silent. (promtool itself checks
// and runs them: the promtool_* tests in tests/CMakeLists.txt.)
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "support/process.hpp"
#include "support/repo_files.hpp"

namespace {

using insightd::test::read_file;
using insightd::test::repo_root;

// The anchor GitHub and most Markdown renderers give a heading: lower case,
// punctuation dropped, spaces as hyphens.
std::string heading_anchor(const std::string& heading) {
  std::string anchor;
  for (char c : heading) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')
      anchor += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (c == ' ')
      anchor += '-';
  }
  return anchor;
}

std::set<std::string> anchors_of(const std::filesystem::path& markdown) {
  std::set<std::string> anchors;
  std::istringstream lines(read_file(markdown));
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with('#')) continue;
    const auto text = line.find_first_not_of("# ");
    if (text != std::string::npos) anchors.insert(heading_anchor(line.substr(text)));
  }
  return anchors;
}

std::vector<YAML::Node> alerts() {
  std::vector<YAML::Node> out;
  const auto rules = YAML::LoadFile((repo_root / "contrib/prometheus/insightd-rules.yaml").string());
  for (const auto& group : rules["groups"])
    for (const auto& rule : group["rules"])
      if (rule["alert"]) out.push_back(rule);
  return out;
}

TEST(AlertRules, EveryAlertHasASummaryADescriptionAndARunbookSectionThatExists) {
  const auto all = alerts();
  ASSERT_GE(all.size(), 13u);
  const auto anchors = anchors_of(repo_root / "docs/operations.md");
  for (const auto& alert : all) {
    const auto name = alert["alert"].as<std::string>();
    SCOPED_TRACE(name);
    const auto annotations = alert["annotations"];
    ASSERT_TRUE(annotations.IsMap());
    EXPECT_FALSE(annotations["summary"].as<std::string>("").empty());
    EXPECT_FALSE(annotations["description"].as<std::string>("").empty());
    const auto runbook = annotations["runbook"].as<std::string>("");
    const std::string prefix = "docs/operations.md#";
    ASSERT_TRUE(runbook.starts_with(prefix)) << runbook;
    EXPECT_TRUE(anchors.contains(runbook.substr(prefix.size()))) << runbook << ": no such section";
    EXPECT_EQ(runbook.substr(prefix.size()), heading_anchor(name)) << "the section is named after the alert";
    EXPECT_TRUE(alert["labels"]["severity"].IsDefined());
  }
}

TEST(AlertRules, EveryAlertHasAUnitTestThatFiresItAndOneThatDoesNot) {
  const auto tests =
      YAML::LoadFile((repo_root / "contrib/prometheus/tests/insightd-rules.test.yaml").string())["tests"];
  std::map<std::string, int> fired, silent;
  for (const auto& test : tests)
    for (const auto& check : test["alert_rule_test"]) {
      const auto name = check["alertname"].as<std::string>();
      const auto expected = check["exp_alerts"];
      ++(expected && expected.size() > 0 ? fired : silent)[name];
    }
  for (const auto& alert : alerts()) {
    const auto name = alert["alert"].as<std::string>();
    EXPECT_GT(fired[name], 0) << name << " has no test that fires it";
    EXPECT_GT(silent[name], 0) << name << " has no test in which it stays silent";
  }
}

}  // namespace
