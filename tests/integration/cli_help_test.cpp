// SPDX-License-Identifier: Apache-2.0
// `insightd --help`, `--version` and usage errors, from the real binary as an
// operator runs it: the help is the man page, so it must name every
// subcommand and the documented sections.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace {

using insightd::test::run_command;
using insightd::test::RunResult;

RunResult run_insightd(std::vector<std::string> args) {
  static insightd::test::TempDir logs;
  static int runs = 0;
  args.insert(args.begin(), INSIGHTD_BIN);
  return run_command(std::move(args), logs.path() / ("run" + std::to_string(++runs)));
}

// "\nNAME\n": a heading on a line of its own. (append, not operator+: GCC 12
// warns falsely about `"literal" + std::string` under -O2, -Wrestrict.)
std::string own_line(std::string_view text) {
  std::string line = "\n";
  line.append(text).append("\n");
  return line;
}

TEST(CliHelp, HelpExitsZeroAndDocumentsEverySubcommandAndSection) {
  const auto help = run_insightd({"--help"});
  ASSERT_EQ(help.exit_code, 0) << help.err;
  for (const char* subcommand :
       {"run", "check-config", "enqueue", "fetch", "status", "dead-letters", "migrate", "demo"}) {
    EXPECT_NE(help.out.find(own_line(subcommand)), std::string::npos)
        << "no section for subcommand " << subcommand << " in:\n"
        << help.out;
  }
  // Subcommand options are listed too (man-page style), not just names.
  EXPECT_NE(help.out.find("--drain"), std::string::npos) << help.out;
  for (const char* section : {"FILES", "EXIT STATUS", "SIGNALS", "ENVIRONMENT", "SEE ALSO"}) {
    EXPECT_NE(help.out.find(own_line(section)), std::string::npos) << "no " << section << " section in:\n"
                                                                   << help.out;
  }
  EXPECT_NE(help.out.find("/etc/insightd/insightd.yaml"), std::string::npos);
  EXPECT_NE(help.out.find("CREDENTIALS_DIRECTORY"), std::string::npos);
}

TEST(CliHelp, VersionPrintsTheBuildVersion) {
  const auto version = run_insightd({"--version"});
  EXPECT_EQ(version.exit_code, 0) << version.err;
  EXPECT_EQ(version.out, std::string("insightd ") + INSIGHTD_VERSION + "\n");
}

TEST(CliHelp, UnknownSubcommandIsAUsageErrorWithExit2) {
  const auto unknown = run_insightd({"no-such-command"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_FALSE(unknown.err.empty()) << "a usage error must say what is wrong";
}

TEST(CliHelp, MissingSubcommandIsAUsageErrorWithExit2) {
  EXPECT_EQ(run_insightd({}).exit_code, 2);
}

}  // namespace
