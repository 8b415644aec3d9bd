// SPDX-License-Identifier: Apache-2.0
// Precision and recall of the PII scanner over six labelled corpora:
// data/pii_corpus.tsv (the tuning corpus), data/pii_corpus_holdout.tsv
// (written after the detector was finished, measured once before tuning on it),
// data/pii_corpus_holdout2.tsv (written by hand before that tuning, measured
// before and after it, then tuned on in a third round) and
// data/pii_corpus_holdout3.tsv (written after the third round, measured once,
// then tuned on in a fourth round), data/pii_corpus_holdout4.tsv (written
// blind to the detector during the fourth round, measured once after it,
// then tuned on in a fifth round) and data/pii_corpus_holdout5.tsv (written
// blind during the fifth round, measured once after it, not tuned on).
// Each run prints per-kind and overall precision and recall, and the share
// of hard-negative lines left untouched.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "insightd/governance/pii.hpp"

using namespace insightd::governance;

namespace {

struct Labelled {
  int line;
  std::string text;
  std::map<std::string, int> expected;  // kind -> count
  std::string region;                   // default region the line is read in
  bool hard_negative;                   // in a "hard negatives" section
};

// <text> TAB <kinds or -> [TAB <region>]; "# --- ..." starts a section.
std::vector<Labelled> load_corpus(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  std::vector<Labelled> rows;
  std::string line;
  bool hard = false;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.starts_with("# ---")) hard = line.find("hard negative") != std::string::npos;
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields;
    std::stringstream split(line);
    for (std::string field; std::getline(split, field, '\t');) fields.push_back(field);
    if (fields.size() < 2 || fields.size() > 3) {
      ADD_FAILURE() << path << ":" << number << ": expected text, kinds and an optional region";
      continue;
    }
    Labelled row{number, fields[0], {}, fields.size() == 3 ? fields[2] : "US", hard};
    std::stringstream kinds(fields[1]);
    for (std::string kind; std::getline(kinds, kind, ',');) {
      if (kind == "-") continue;
      if (!parse_pii_kind(kind)) ADD_FAILURE() << path << ":" << number << ": unknown kind '" << kind << "'";
      ++row.expected[kind];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string describe(const std::map<std::string, int>& kinds) {
  std::string out;
  for (const auto& [kind, n] : kinds) out += kind + "x" + std::to_string(n) + " ";
  return out.empty() ? "- " : out;
}

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
};

struct Score {
  std::size_t lines = 0;
  Counts overall;
  std::map<std::string, Counts> per_kind;
  int hard_lines = 0;
  int hard_clean = 0;  // hard-negative lines with no finding beyond their labels
  double hard_negative_precision() const {
    return hard_lines == 0 ? 1.0 : static_cast<double>(hard_clean) / hard_lines;
  }
};

// Findings per line compared with the labels as multisets of kinds.
Score measure(const std::string& name) {
  const auto corpus = load_corpus(std::string(INSIGHTD_TEST_DATA_DIR) + "/governance/data/" + name);
  std::map<std::string, std::unique_ptr<PiiScanner>> scanners;
  Score score;
  score.lines = corpus.size();
  for (const auto& row : corpus) {
    auto& scanner = scanners[row.region];
    if (!scanner) scanner = std::make_unique<PiiScanner>(PiiOptions{.default_region = row.region});
    std::map<std::string, int> found;
    for (const auto& f : scanner->scan(row.text)) ++found[std::string(to_string(f.kind))];
    std::map<std::string, int> all = found;
    for (const auto& [kind, n] : row.expected) all.try_emplace(kind, 0);
    bool false_positive = false;
    for (const auto& [kind, n_found] : all) {
      const auto it = row.expected.find(kind);
      const int n_expected = it == row.expected.end() ? 0 : it->second;
      Counts& k = score.per_kind[kind];
      const int tp = std::min(n_found, n_expected), fp = std::max(0, n_found - n_expected),
                fn = std::max(0, n_expected - n_found);
      k.tp += tp, k.fp += fp, k.fn += fn;
      score.overall.tp += tp, score.overall.fp += fp, score.overall.fn += fn;
      false_positive |= fp > 0;
    }
    if (row.hard_negative) {
      ++score.hard_lines;
      score.hard_clean += false_positive ? 0 : 1;
    }
    if (found != row.expected) {
      std::cout << "  mismatch " << name << ":" << row.line << ": expected " << describe(row.expected)
                << "found " << describe(found) << "| " << row.text << "\n";
    }
  }
  std::printf("%s: %zu lines, %d labelled findings\n", name.c_str(), score.lines,
              score.overall.tp + score.overall.fn);
  std::printf("  %-8s %5s %4s %4s %9s %7s\n", "kind", "TP", "FP", "FN", "precision", "recall");
  for (const auto& [kind, c] : score.per_kind) {
    std::printf("  %-8s %5d %4d %4d %9.4f %7.4f\n", kind.c_str(), c.tp, c.fp, c.fn, c.precision(),
                c.recall());
  }
  const auto& o = score.overall;
  std::printf("  %-8s %5d %4d %4d %9.4f %7.4f\n", "overall", o.tp, o.fp, o.fn, o.precision(), o.recall());
  std::printf("  hard negatives: %d lines, %d untouched, precision %.4f\n", score.hard_lines,
              score.hard_clean, score.hard_negative_precision());
  return score;
}

// What a corpus must keep: its line count, and precision, recall and
// hard-negative precision at or above the floors.
struct Floors {
  std::size_t lines;
  double precision, recall, hard_negative_precision;
};

void expect_at_least(const Score& s, const Floors& floors) {
  ASSERT_GE(s.lines, floors.lines);
  EXPECT_GE(s.overall.precision(), floors.precision);
  EXPECT_GE(s.overall.recall(), floors.recall);
  EXPECT_GE(s.hard_negative_precision(), floors.hard_negative_precision);
}

// kind -> precision, recall floors
using KindFloors = std::map<std::string, std::pair<double, double>>;

void expect_per_kind_at_least(const Score& s, const KindFloors& per_kind) {
  for (const auto& [kind, floors] : per_kind) {
    const auto it = s.per_kind.find(kind);
    ASSERT_NE(it, s.per_kind.end()) << kind;
    EXPECT_GE(it->second.precision(), floors.first) << kind;
    EXPECT_GE(it->second.recall(), floors.second) << kind;
  }
}

}  // namespace

TEST(PiiCorpus, TuningCorpusPrecisionAndRecallAtLeast99Percent) {
  const Score s = measure("pii_corpus.tsv");
  EXPECT_GE(s.overall.tp + s.overall.fn, 200);  // rich in positives, not only negatives
  expect_at_least(s, {.lines = 350, .precision = 0.99, .recall = 0.99, .hard_negative_precision = 0.99});
}

// The out-of-sample corpus: the floors are the numbers last measured on it
// (docs/pii.md), so a change can only keep or improve them.
TEST(PiiCorpus, HoldoutCorpusKeepsItsFirstMeasurement) {
  // First measured: precision 0.9956, recall 0.9847, hard negatives 168/170 = 0.9882.
  // After tuning on it: precision 1.0000, recall 0.9934, hard negatives 170/170.
  // After the classes the second holdout found: recall 0.9956 (456 of 458).
  expect_at_least(measure("pii_corpus_holdout.tsv"),
                  {.lines = 500, .precision = 1.0, .recall = 0.995, .hard_negative_precision = 1.0});
}

// The second out-of-sample corpus, written by hand before the detector changes
// that followed the first holdout's measurement, and never tuned on.
TEST(PiiCorpus, SecondHoldoutCorpusKeepsItsMeasurement) {
  // Before those changes: precision 0.9868, recall 0.9825, hard negatives 76/79 = 0.9620.
  // After them: precision 0.9912, recall 0.9869, hard negatives 77/79 = 0.9747.
  // After fixing the classes it found (trunk-prefix and partly listed phone
  // blocks, attributive birth words, software words before a dotted quad):
  // precision 1.0000, recall 1.0000, hard negatives 79/79.
  expect_at_least(measure("pii_corpus_holdout2.tsv"),
                  {.lines = 200, .precision = 1.0, .recall = 1.0, .hard_negative_precision = 1.0});
}

// The third out-of-sample corpus, written after the detector's third round
// was final, committed before the scanner ran on it and measured once:
// precision 418/419 = 0.9976, recall 418/423 = 0.9882, hard negatives
// 193/194 = 0.9948 (below the 0.99 recall bar; docs/pii.md lists the misses).
// The fourth round fixed the classes of those misses (general rules, with
// unit tests in pii_classes_test.cpp): 1.0000, 1.0000, 194/194. The floors are
// that measurement, overall and per kind.
TEST(PiiCorpus, ThirdHoldoutCorpusKeepsItsMeasurement) {
  const Score s = measure("pii_corpus_holdout3.tsv");
  expect_at_least(s, {.lines = 590, .precision = 1.0, .recall = 1.0, .hard_negative_precision = 1.0});
  const KindFloors per_kind = {
      {"card", {1.0, 1.0}}, {"dob", {1.0, 1.0}},   {"email", {1.0, 1.0}},   {"iban", {1.0, 1.0}},
      {"ip", {1.0, 1.0}},   {"phone", {1.0, 1.0}}, {"routing", {1.0, 1.0}}, {"ssn", {1.0, 1.0}},
  };
  expect_per_kind_at_least(s, per_kind);
}

// The fourth out-of-sample corpus, written by an engineer who read neither the
// detector's source nor its tests nor the tuning corpus, while the fourth
// round was being made; committed before the scanner ran on it and measured
// once, after that round was merged: precision 553/558 = 0.9910, recall
// 553/566 = 0.9770, hard negatives 221/226 = 0.9779 (below the 0.99 bar on
// recall and hard negatives; docs/pii.md lists the misses). The fifth round
// fixed the classes of those misses (general rules, with unit tests in
// pii_classes_test.cpp): 1.0000, 1.0000, 226/226. The floors are that
// measurement, overall and per kind.
TEST(PiiCorpus, FourthHoldoutCorpusKeepsItsMeasurement) {
  const Score s = measure("pii_corpus_holdout4.tsv");
  expect_at_least(s, {.lines = 746, .precision = 1.0, .recall = 1.0, .hard_negative_precision = 1.0});
  const KindFloors per_kind = {
      {"card", {1.0, 1.0}}, {"dob", {1.0, 1.0}},   {"email", {1.0, 1.0}},   {"iban", {1.0, 1.0}},
      {"ip", {1.0, 1.0}},   {"phone", {1.0, 1.0}}, {"routing", {1.0, 1.0}}, {"ssn", {1.0, 1.0}},
  };
  expect_per_kind_at_least(s, per_kind);
}

// The fifth out-of-sample corpus, written during the fifth round by an
// engineer who read neither the detector, nor its tests, nor the tuning
// corpus, nor docs/pii.md's rules and misses; committed before the scanner
// ran on it and measured once after that round: precision 483/485 = 0.9959,
// recall 483/486 = 0.9938, hard negatives 281/283 = 0.9929. The floors are
// that measurement, overall and per kind.
TEST(PiiCorpus, FifthHoldoutCorpusKeepsItsMeasurement) {
  const Score s = measure("pii_corpus_holdout5.tsv");
  expect_at_least(s, {.lines = 745, .precision = 0.995, .recall = 0.993, .hard_negative_precision = 0.992});
  const KindFloors per_kind = {
      {"card", {0.985, 1.0}}, {"dob", {1.0, 1.0}},     {"email", {1.0, 1.0}},     {"iban", {1.0, 1.0}},
      {"ip", {0.969, 1.0}},   {"phone", {1.0, 0.994}}, {"routing", {1.0, 0.913}}, {"ssn", {1.0, 1.0}},
  };
  expect_per_kind_at_least(s, per_kind);
}
