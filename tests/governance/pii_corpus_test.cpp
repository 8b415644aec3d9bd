// Precision and recall of the PII scanner over the labelled corpus in
// data/pii_corpus.tsv (issue 5: both must be >= 0.98).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "insightd/governance/pii.hpp"

using namespace insightd::governance;

namespace {

struct Labelled {
  int line;
  std::string text;
  std::map<std::string, int> expected;  // kind -> count
};

std::vector<Labelled> load_corpus(const std::string& path) {
  std::ifstream in(path);
  std::vector<Labelled> rows;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line.front() == '#') continue;
    const auto tab = line.rfind('\t');
    if (tab == std::string::npos) {
      ADD_FAILURE() << path << ":" << number << ": no tab";
      continue;
    }
    Labelled row{number, line.substr(0, tab), {}};
    std::stringstream kinds(line.substr(tab + 1));
    for (std::string kind; std::getline(kinds, kind, ',');) {
      if (kind != "-") ++row.expected[kind];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string describe(const std::map<std::string, int>& kinds) {
  std::string out;
  for (const auto& [kind, n] : kinds) out += kind + "x" + std::to_string(n) + " ";
  return out.empty() ? "-" : out;
}

}  // namespace

TEST(PiiCorpus, PrecisionAndRecallAtLeast98Percent) {
  const auto corpus = load_corpus(std::string(INSIGHTD_TEST_DATA_DIR) + "/governance/data/pii_corpus.tsv");
  ASSERT_GE(corpus.size(), 250u);

  const PiiScanner scanner;
  int true_positives = 0, false_positives = 0, false_negatives = 0, expected_total = 0;
  for (const auto& row : corpus) {
    std::map<std::string, int> found;
    for (const auto& f : scanner.scan(row.text)) ++found[std::string(to_string(f.kind))];
    for (const auto& [kind, n] : row.expected) expected_total += n;
    // Per line, findings are compared as multisets of kinds.
    std::map<std::string, int> all = found;
    for (const auto& [kind, n] : row.expected) all.try_emplace(kind, 0);
    for (const auto& [kind, n_found] : all) {
      const auto it = row.expected.find(kind);
      const int n_expected = it == row.expected.end() ? 0 : it->second;
      true_positives += std::min(n_found, n_expected);
      false_positives += std::max(0, n_found - n_expected);
      false_negatives += std::max(0, n_expected - n_found);
    }
    if (found != row.expected) {
      std::cout << "  mismatch line " << row.line << ": expected " << describe(row.expected) << "found "
                << describe(found) << "| " << row.text << "\n";
    }
  }
  const double precision = true_positives + false_positives == 0
                               ? 1.0
                               : static_cast<double>(true_positives) / (true_positives + false_positives);
  const double recall = static_cast<double>(true_positives) / (true_positives + false_negatives);
  std::cout << "PII corpus: " << corpus.size() << " lines, " << expected_total << " labelled findings, "
            << true_positives << " TP, " << false_positives << " FP, " << false_negatives << " FN\n"
            << "PII corpus precision: " << precision << "\n"
            << "PII corpus recall: " << recall << "\n";
  EXPECT_GE(precision, 0.98);
  EXPECT_GE(recall, 0.98);
  EXPECT_GE(expected_total, 150);  // the corpus must stay rich in positives, not only negatives
}
