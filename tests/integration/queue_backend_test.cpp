// SPDX-License-Identifier: Apache-2.0
// `queue.backend: redis` is valid configuration, but this build has no Redis
// backend yet: the daemon and every command that opens the queue refuse it
// with one message naming the backend (open_backend's) and exit 1. When the
// Redis backend lands, these become tests that they open it.
#include <gmock/gmock.h>

#include <string>
#include <vector>

#include "support/sim_process.hpp"

namespace insightd::test {
namespace {

using ::testing::HasSubstr;

std::filesystem::path redis_config(const TempDir& dir) {
  const auto path = write_config(dir, "https://127.0.0.1:9", {});
  auto yaml = read_file(path);
  const std::string sqlite = "  backend: sqlite\n";
  const auto at = yaml.find(sqlite);
  if (at == std::string::npos) throw std::logic_error("write_config wrote no queue.backend");
  yaml.replace(at, sqlite.size(), "  backend: redis\n  redis: {url: redis://127.0.0.1:9/0}\n");
  return dir.write("insightd.yaml", yaml);
}

RunResult insightd(const TempDir& dir, std::vector<std::string> args, const std::string& name) {
  args.insert(args.begin(), INSIGHTD_BIN);
  return run_command(std::move(args), dir.path() / name, {}, {}, std::chrono::seconds(60));
}

TEST(QueueBackend, RedisIsRefusedByTheQueueCommandsWithAMessageNamingIt) {
  TempDir dir;
  const auto config = redis_config(dir).string();
  const std::vector<std::vector<std::string>> commands{{"status"},
                                                       {"enqueue", "conv-1"},
                                                       {"dead-letters", "list"},
                                                       {"dead-letters", "replay", "--all"},
                                                       {"resume-deliveries"},
                                                       {"intake", "status"}};
  int n = 0;
  for (auto args : commands) {
    const auto what = args.front();
    args.insert(args.end(), {"-c", config});
    const auto r = insightd(dir, args, "command" + std::to_string(++n));
    EXPECT_EQ(r.exit_code, 1) << what << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr("queue.backend redis")) << what;
  }
}

TEST(QueueBackend, RedisIsRefusedByTheDaemonAtStartUp) {
  TempDir dir;
  const auto r = insightd(dir, {"run", "-c", redis_config(dir).string()}, "daemon");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("queue.backend redis")) << r.out;
}

}  // namespace
}  // namespace insightd::test
