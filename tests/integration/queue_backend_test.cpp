// SPDX-License-Identifier: Apache-2.0
// `queue.backend: redis` end to end: every command that opens the queue works
// on a real redis-server (tests/support/redis_server.hpp), and with Redis
// unreachable the daemon and every command say so, naming Redis and its
// address, and exit 1.
#include <gmock/gmock.h>

#include <string>
#include <vector>

#include "support/redis_server.hpp"
#include "support/sim_process.hpp"

namespace insightd::test {
namespace {

using ::testing::HasSubstr;

std::filesystem::path redis_config(const TempDir& dir, const std::string& url) {
  const auto path = write_config(dir, "https://127.0.0.1:9", {});
  auto yaml = read_file(path);
  const std::string sqlite = "  backend: sqlite\n";
  const auto at = yaml.find(sqlite);
  if (at == std::string::npos) throw std::logic_error("write_config wrote no queue.backend");
  yaml.replace(at, sqlite.size(), "  backend: redis\n  redis: {url: " + url + "}\n");
  return dir.write("insightd.yaml", yaml);
}

RunResult insightd(const TempDir& dir, std::vector<std::string> args, const std::string& name) {
  args.insert(args.begin(), INSIGHTD_BIN);
  return run_command(std::move(args), dir.path() / name, {}, {}, std::chrono::seconds(60));
}

const std::vector<std::vector<std::string>> queue_commands{{"status"},
                                                           {"enqueue", "conv-1"},
                                                           {"dead-letters", "list"},
                                                           {"dead-letters", "replay", "--all"},
                                                           {"resume-deliveries"},
                                                           {"intake", "status"}};

TEST(QueueBackend, TheQueueCommandsWorkOnRedis) {
  RedisServer redis;
  TempDir dir;
  const auto config = redis_config(dir, redis.url()).string();
  int n = 0;
  for (auto args : queue_commands) {
    const auto what = args.front();
    args.insert(args.end(), {"-c", config});
    const auto r = insightd(dir, args, "command" + std::to_string(++n));
    EXPECT_EQ(r.exit_code, 0) << what << ": " << r.err;
  }
  const auto status = insightd(dir, {"status", "-c", config}, "status");
  EXPECT_EQ(status.exit_code, 0) << status.err;
  EXPECT_THAT(status.out, ::testing::ContainsRegex("pending +1\n"));  // conv-1, enqueued above
}

TEST(QueueBackend, UnreachableRedisIsNamedByTheQueueCommands) {
  TempDir dir;
  const auto config = redis_config(dir, "redis://127.0.0.1:9/0").string();
  int n = 0;
  for (auto args : queue_commands) {
    const auto what = args.front();
    args.insert(args.end(), {"-c", config});
    const auto r = insightd(dir, args, "command" + std::to_string(++n));
    EXPECT_EQ(r.exit_code, 1) << what << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr("Redis unreachable at 127.0.0.1:9")) << what;
  }
}

TEST(QueueBackend, UnreachableRedisIsNamedByTheDaemonAtStartUp) {
  TempDir dir;
  const auto r = insightd(dir, {"run", "-c", redis_config(dir, "redis://127.0.0.1:9/0").string()}, "daemon");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("Redis unreachable at 127.0.0.1:9")) << r.out;
}

}  // namespace
}  // namespace insightd::test
