// SPDX-License-Identifier: Apache-2.0
// insightd.yaml(5) and config/insightd.example.yaml document the same keys:
// a key added to one and not the other fails here. Keys come from the man
// page's `.TP` / `.B section.key` entries and from the example's YAML (its
// commented-out keys included, as `# key: value` lines inside a section).
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "support/process.hpp"
#include "support/repo_files.hpp"

namespace {

using insightd::test::read_file;
using insightd::test::repo_root;

std::set<std::string> man_page_keys(const std::string& roff) {
  std::set<std::string> keys;
  static const std::regex key_line(R"(^\.B ([a-z_]+(\.[a-z_]+)+)$)");
  std::istringstream lines(roff);
  bool after_tp = false;
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (after_tp && std::regex_match(line, m, key_line)) keys.insert(m[1]);
    after_tp = line == ".TP";
  }
  return keys;
}

// `# key: value` becomes `key: value` at the indentation after the `# `: the
// example shows optional sections and derived defaults commented out. Prose
// comments do not start with a lower-case `key:`, so they stay comments.
std::string uncomment_keys(const std::string& yaml) {
  static const std::regex commented_key(R"(^(\s*)# ( *[a-z_]+:(\s.*)?)$)");
  std::string out;
  std::istringstream lines(yaml);
  for (std::string line; std::getline(lines, line);)
    out += std::regex_replace(line, commented_key, "$1$2") + "\n";
  return out;
}

void collect_leaf_keys(const YAML::Node& node, const std::string& prefix, std::set<std::string>& out) {
  if (!node.IsMap()) {
    out.insert(prefix);
    return;
  }
  for (const auto& entry : node) {
    const auto key = entry.first.as<std::string>();
    collect_leaf_keys(entry.second, prefix.empty() ? key : fmt::format("{}.{}", prefix, key), out);
  }
}

std::set<std::string> example_keys(const std::string& yaml) {
  std::set<std::string> keys;
  collect_leaf_keys(YAML::Load(uncomment_keys(yaml)), "", keys);
  return keys;
}

std::string joined(const std::set<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += "\n  " + k;
  return out;
}

TEST(ManPageKeys, ExtractionFindsKeysInBothFormats) {
  EXPECT_EQ(
      man_page_keys(".SH CRM\n.TP\n.B crm.url\nThe webhook.\n.B not.after.tp\n.TP\n.B crm.backoff.max\n"),
      (std::set<std::string>{"crm.url", "crm.backoff.max"}));
  EXPECT_EQ(
      example_keys("# Top: prose\ncrm:\n  url: x  # c\n  # ca_file: \"\"\n  backoff: {initial: 1s, max: "
                   "2s}\n  types: [a, b]\n# opt:  # optional\n#   on: true\n"),
      (std::set<std::string>{"crm.url", "crm.ca_file", "crm.backoff.initial", "crm.backoff.max", "crm.types",
                             "opt.on"}));
}

TEST(ManPageKeys, InsightdYaml5AndTheExampleDocumentTheSameKeys) {
  const auto man = man_page_keys(read_file(repo_root / "man/insightd.yaml.5"));
  const auto example = example_keys(read_file(repo_root / "config/insightd.example.yaml"));
  ASSERT_GE(man.size(), 40u);
  ASSERT_GE(example.size(), 40u);

  std::set<std::string> only_in_man, only_in_example;
  for (const auto& k : man)
    if (!example.contains(k)) only_in_man.insert(k);
  for (const auto& k : example)
    if (!man.contains(k)) only_in_example.insert(k);
  EXPECT_TRUE(only_in_man.empty()) << "in insightd.yaml(5), not in the example:" << joined(only_in_man);
  EXPECT_TRUE(only_in_example.empty())
      << "in the example, not in insightd.yaml(5):" << joined(only_in_example);
}

}  // namespace
