// SPDX-License-Identifier: Apache-2.0
// `queue.backend: redis` end to end: every command that opens the queue works
// on a real redis-server (tests/support/redis_server.hpp), and with Redis
// unreachable every command says so, naming Redis and its address, and exits
// 1, while the daemon stays up and says so on /readyz.
#include <gmock/gmock.h>

#include <string>
#include <vector>

#include "support/redis_server.hpp"
#include "support/running_daemon.hpp"
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

// Redis down is not a reason to exit (systemd would only restart it into the
// same outage): the daemon stays up, not ready, naming Redis, and a SIGTERM
// meanwhile still ends it cleanly. tests/integration/redis_deployment_test.cpp
// has Redis appearing later.
TEST(QueueBackend, UnreachableRedisIsNamedByTheDaemonAtStartUp) {
  TempDir dir;
  RunningDaemon daemon(dir, redis_config(dir, "redis://127.0.0.1:9/0"));
  http::Response ready;
  EXPECT_TRUE(eventually([&] {
    ready = daemon.get("/readyz");
    return ready.status == 503 && ready.body.find("Redis unreachable at 127.0.0.1:9") != std::string::npos;
  })) << ready.status
      << " " << ready.body;
  EXPECT_EQ(daemon.get("/healthz").status, 200u);
  EXPECT_FALSE(daemon.process().wait_for(std::chrono::milliseconds(0))) << daemon.process().err();
  EXPECT_THAT(daemon.process().err(), HasSubstr("Redis unreachable at 127.0.0.1:9"));
  EXPECT_EQ(daemon.stop(), 0) << daemon.process().err();
}

}  // namespace
}  // namespace insightd::test
