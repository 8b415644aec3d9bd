// SPDX-License-Identifier: Apache-2.0
// Positions and completeness of the diagnostics: every problem at once, each
// at the line:col of the offending node.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/config_builder.hpp"

namespace insightd {
namespace {

using test::load_text;

TEST(Diagnostics, PrintAsFileLineColumnMessage) {
  EXPECT_EQ((Diagnostic{"a.yaml", 3, 7, "boom"}.str()), "a.yaml:3:7: boom");
  EXPECT_EQ((Diagnostic{"a.yaml", 0, 0, "cannot read"}.str()), "a.yaml: cannot read");
}

TEST(Diagnostics, UnknownKeyNamesKeyAndSectionAtTheKeyPosition) {
  const std::string yaml =
      "genesys:\n"
      "  client_id: id\n"
      "  client_secret: s\n"
      "  clientid: typo\n"
      "crm:\n"
      "  url: https://crm.example.com\n"
      "  signing_secret: s\n";
  auto r = load_text(yaml);
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].str(),
            "test.yaml:4:3: unknown key 'clientid' in genesys (did you mean 'client_id'?)");
}

TEST(Diagnostics, UnknownKeyWithoutCloseMatchListsTheKnownKeys) {
  auto r = load_text(test::ConfigBuilder().add("governance", "colour: blue").yaml());
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].message,
            "unknown key 'colour' in governance (known: max_age, stale, pii, detect, default_region)");
}

TEST(Diagnostics, UnknownSectionAndNestedKeyAreNamed) {
  auto r = load_text(
      test::ConfigBuilder().add("genesis", "x: 1").add("crm", "backoff: {initial: 1s, maximum: 2m}").yaml());
  ASSERT_EQ(r.errors.size(), 2u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].message, "unknown key 'maximum' in crm.backoff (did you mean 'max'?)");
  EXPECT_EQ(r.errors[0].column, 26);
  EXPECT_EQ(r.errors[1].message, "unknown section 'genesis' (did you mean 'genesys'?)");
  EXPECT_EQ(r.errors[1].column, 1);
}

TEST(Diagnostics, ThreeMistakesGiveExactlyThreeDiagnosticsInFileOrder) {
  const std::string yaml =
      "genesys:\n"                               // 1
      "  client_id: id\n"                        // 2
      "  client_secret: s\n"                     // 3
      "  concurrency: 0\n"                       // 4  out of range
      "retrieval:\n"                             // 5
      "  insight_types: [keyword, mood]\n"       // 6  unknown type
      "crm:\n"                                   // 7
      "  url: https://crm.example.com/ingest\n"  // 8
      "  signing_secret: s\n"                    // 9
      "  timout: 5s\n";                          // 10 typo
  auto r = load_text(yaml);
  EXPECT_FALSE(r.config);
  ASSERT_EQ(r.errors.size(), 3u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].str(), "test.yaml:4:16: genesys.concurrency: must be between 1 and 256 (got 0)");
  EXPECT_EQ(r.errors[1].line, 6);
  EXPECT_EQ(r.errors[1].column, 28);
  EXPECT_EQ(r.errors[2].str(), "test.yaml:10:3: unknown key 'timout' in crm (did you mean 'timeout'?)");
}

TEST(Diagnostics, MissingRequiredKeysAreEachReportedAtTheirSection) {
  const std::string yaml =
      "genesys:\n"
      "  region: mypurecloud.ie\n"
      "crm:\n"
      "  timeout: 5s\n";
  auto r = load_text(yaml);
  ASSERT_EQ(r.errors.size(), 4u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].str(), "test.yaml:1:1: genesys.client_id is required");
  EXPECT_EQ(r.errors[1].str(), "test.yaml:1:1: genesys: client_secret or client_secret_file is required");
  EXPECT_EQ(r.errors[2].str(), "test.yaml:3:1: crm.url is required");
  EXPECT_EQ(r.errors[3].str(), "test.yaml:3:1: crm: signing_secret or signing_secret_file is required");
}

TEST(Diagnostics, EmptyFileReportsTheRequiredKeys) {
  auto r = load_text("");
  EXPECT_FALSE(r.config);
  EXPECT_EQ(r.errors.size(), 4u) << test::all_messages(r);
}

TEST(Diagnostics, TopLevelMustBeAMapping) {
  auto r = load_text("- genesys\n- crm\n");
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].str(),
            "test.yaml:1:1: expected a mapping of sections (genesys, retrieval, crm, ...)");
}

TEST(Diagnostics, SectionThatIsNotAMappingIsOneError) {
  auto r = load_text(test::ConfigBuilder().yaml() + "log: loud\n");
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].str(), "test.yaml:7:6: log: expected a mapping of keys");
}

TEST(Diagnostics, DuplicateKeyIsAnErrorAtTheSecondOccurrence) {
  auto r = load_text(test::ConfigBuilder().add("crm", "timeout: 5s").add("crm", "timeout: 6s").yaml());
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].str(), "test.yaml:8:3: crm.timeout: duplicate key");
}

TEST(Diagnostics, YamlSyntaxErrorIsOneDiagnosticWithItsPosition) {
  const std::string yaml =
      "genesys:\n"
      "  client_id: id\n"
      "  insight_types: [keyword, summary\n"
      "crm:\n";
  auto r = load_text(yaml);
  EXPECT_FALSE(r.config);
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  // yaml-cpp notices the unclosed list where the next key starts.
  EXPECT_EQ(r.errors[0].line, 4);
  EXPECT_EQ(r.errors[0].column, 4);
  EXPECT_EQ(r.errors[0].message, "YAML syntax error: end of sequence flow not found");
}

TEST(Diagnostics, AnUnclosedQuoteIsASyntaxErrorWhereItOpens) {
  for (const char* quote : {"\"", "'"}) {
    const std::string yaml = std::string("genesys:\n  client_id: ") + quote +
                             "id\n"
                             "crm:\n"
                             "  url: https://crm.example.com\n";
    auto r = load_text(yaml);
    EXPECT_FALSE(r.config);
    ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
    EXPECT_EQ(r.errors[0].line, 2) << r.errors[0].str();
    EXPECT_EQ(r.errors[0].column, 14) << r.errors[0].str();
    EXPECT_EQ(r.errors[0].message,
              "YAML syntax error: this quote is never closed (the value runs to the end of the file)");
  }
}

// Found by fuzz_config (a stack overflow): walking the document for
// unclosed quotes followed the alias into its own anchor for ever.
TEST(Diagnostics, AnAnchorContainingItsOwnAliasIsAnErrorAtTheAnchor) {
  const std::string yaml =
      "genesys: &a\n"
      "  client_id: id\n"
      "  again: *a\n";
  auto r = load_text(yaml);
  EXPECT_FALSE(r.config);
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].str(),
            "test.yaml:1:10: YAML error: this anchored node contains an alias of itself (it has no end)");
  auto in_list = load_text("genesys:\n  insight_types: &t [keyword, *t]\n");
  ASSERT_EQ(in_list.errors.size(), 1u) << test::all_messages(in_list);
  EXPECT_NE(in_list.errors[0].message.find("alias of itself"), std::string::npos) << in_list.errors[0].str();
}

// Each alias level multiplies the nodes reached; the walk visits each once,
// so nine levels of ten (10^9 paths) take no longer than the text.
TEST(Diagnostics, AliasesOfAliasesAreWalkedOnce) {
  std::string yaml = "x0: &a0 [\"'\", \"'\"]\n";
  for (int level = 1; level < 10; ++level) {
    std::vector<std::string> aliases(10, fmt::format("*a{}", level - 1));
    yaml += fmt::format("x{}: &a{} [{}]\n", level, level, fmt::join(aliases, ", "));
  }
  auto r = load_text(yaml);
  EXPECT_FALSE(r.config);
  for (const auto& e : r.errors) EXPECT_EQ(e.message.find("never closed"), std::string::npos) << e.str();
  EXPECT_FALSE(r.errors.empty());  // x0 ... are unknown sections
}

TEST(Diagnostics, QuotesThatCloseAreNotMistakenForUnclosedOnes) {
  const auto yaml = test::ConfigBuilder()
                        .add("crm", R"(timeout: "5s")")
                        .add("log", R"(level: 'info')")
                        .add("governance", R"(detect_note_is_not_a_key: 'it''s \"fine\"')")
                        .yaml();
  auto r = load_text(yaml);
  for (const auto& e : r.errors) EXPECT_EQ(e.message.find("never closed"), std::string::npos) << e.str();
  auto escaped = load_text(test::ConfigBuilder().add("crm", R"(timeout: "5\"s")").yaml());
  for (const auto& e : escaped.errors)
    EXPECT_EQ(e.message.find("never closed"), std::string::npos) << e.str();
}

TEST(Diagnostics, BadIndentationIsASyntaxError) {
  auto r = load_text("genesys:\n  client_id: id\n    burst: 3\n");
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].line, 3);
  EXPECT_NE(r.errors[0].message.find("YAML syntax error"), std::string::npos);
}

}  // namespace
}  // namespace insightd
