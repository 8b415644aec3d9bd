// SPDX-License-Identifier: Apache-2.0
// `insightd check-config` as operators and the unit's ExecStartPre run it:
// every problem as FILE:LINE:COL: message, exit 2; a valid file: exit 0.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <regex>
#include <sstream>
#include <string>

#include "insightd/config/loader.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace {

using insightd::test::lines;

struct Run {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

Run check_config(const std::string& path) {
  const std::string command = std::string(INSIGHTD_BIN) + " check-config -c '" + path + "' 2>&1";
  Run run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) run.output.append(buffer, n);
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

TEST(CheckConfig, ThreeMistakesGiveThreePositionedLinesAndExit2) {
  insightd::test::TempDir dir;
  const auto path = dir.write("insightd.yaml",
                              "genesys:\n"
                              "  client_id: id\n"
                              "  client_secret: gen-s3cret\n"
                              "  concurency: 4\n"  // 4:3 typo
                              "retrieval:\n"
                              "  max_results: 500\n"  // 6:16 out of range
                              "crm:\n"
                              "  url: https://crm.example.com/in\n"
                              "  signing_secret: whsec_s3cret\n"
                              "  backoff: {initial: 1s, max: 10}\n"  // 10:31 no unit
                              )
                        .string();
  const auto run = check_config(path);
  EXPECT_EQ(run.exit_code, 2) << run.output;
  const auto out = lines(run.output);
  ASSERT_EQ(out.size(), 3u) << run.output;
  const std::regex positioned("^" + path + ":([0-9]+):([0-9]+): .+$");
  std::vector<std::string> positions;
  for (const auto& line : out) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(line, m, positioned)) << line;
    positions.push_back(m[1].str() + ":" + m[2].str());
  }
  EXPECT_EQ(positions, (std::vector<std::string>{"4:3", "6:16", "10:31"}));
  EXPECT_EQ(run.output.find("s3cret"), std::string::npos) << "a secret was printed";
}

TEST(CheckConfig, ValidFilePrintsOkAndExits0) {
  insightd::test::TempDir dir;
  dir.write("crm-secret", "whsec_s3cret\n");
  const auto path = dir.write("insightd.yaml",
                              "genesys:\n"
                              "  client_id: id\n"
                              "  client_secret: gen-s3cret\n"
                              "crm:\n"
                              "  url: https://crm.example.com/in\n"
                              "  signing_secret_file: crm-secret\n")
                        .string();
  const auto run = check_config(path);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output, path + ": ok\n");
}

TEST(CheckConfig, MissingFileExits2WithTheReason) {
  const auto run = check_config("/nonexistent/insightd.yaml");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.output,
            "/nonexistent/insightd.yaml: cannot read the configuration file: No such file or directory\n");
}

TEST(CheckConfig, AFileWithoutEndIsRefusedUnread) {
  const auto run = check_config("/dev/zero");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.output,
            "/dev/zero: cannot read the configuration file: it is larger than 1024 KiB; a configuration file "
            "is a few KiB\n");
}

TEST(CheckConfig, AFileAtTheLimitIsRead) {
  insightd::test::TempDir dir;
  // Valid YAML of exactly the limit: a comment filling it up.
  std::string yaml = "log: {level: info}\n#";
  yaml.append(insightd::kMaxConfigFileBytes - yaml.size(), 'x');
  const auto path = dir.write("big.yaml", yaml).string();
  const auto run = check_config(path);
  EXPECT_EQ(run.exit_code, 2);  // the required keys are missing; but it was read
  EXPECT_EQ(run.output.find("larger than"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("is required"), std::string::npos) << run.output;
}

TEST(CheckConfig, APortOutOfRangeIsRefusedAtItsPosition) {
  insightd::test::TempDir dir;
  const auto path = dir.write("port.yaml",
                              "genesys:\n  client_id: id\n  client_secret: s\n"
                              "crm:\n  url: https://crm.example.com\n  signing_secret: whsec_c2VjcmV0\n"
                              "admin:\n  listen: 127.0.0.1:99999\n")
                        .string();
  const auto run = check_config(path);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.output, path + ":8:11: admin.listen: port 99999 is not in 0..65535 (0: any free port)\n");
}

}  // namespace
