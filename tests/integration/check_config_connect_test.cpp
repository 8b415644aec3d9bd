// SPDX-License-Identifier: Apache-2.0
// `insightd check-config --connect` against the real simulator (Genesys login
// and CRM over TLS) and a real redis-server: one line per connection naming
// what was tried and the result, exit 1 when one fails, never a secret.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "support/redis_server.hpp"
#include "support/sim_process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_ca.hpp"

namespace {

using insightd::test::lines;
using insightd::test::RedisServer;
using insightd::test::RedisServerOptions;
using insightd::test::RunResult;
using insightd::test::SimProcess;
using insightd::test::TempDir;
using insightd::test::TestCa;

constexpr const char* kRedisPassword = "redis-s3cret-7c2e";

// The simulator's config, switched to the redis backend at `redis_url`.
std::filesystem::path write_redis_config(const TempDir& dir, const SimProcess& sim,
                                         const std::string& redis_url) {
  const auto path = insightd::test::write_config(dir, sim.base_url(), {.ca_file = TestCa::shared().ca_cert});
  dir.write("redis-password", std::string(kRedisPassword) + "\n");
  auto yaml = insightd::test::read_file(path);
  const std::string sqlite = "  backend: sqlite\n";
  yaml.replace(yaml.find(sqlite), sqlite.size(),
               "  backend: redis\n  redis: {url: \"" + redis_url +
                   "\", password_file: " + (dir.path() / "redis-password").string() + "}\n");
  return dir.write("insightd.yaml", yaml);
}

RunResult check_connect(const TempDir& dir, const std::filesystem::path& config) {
  return insightd::test::insightd(dir, config, {"check-config", "--connect"}, "check-config");
}

void expect_no_secret(const RunResult& run) {
  for (const std::string secret : std::initializer_list<const char*>{
           insightd::test::kSimClientSecret, insightd::test::kSimCrmSecret, kRedisPassword}) {
    EXPECT_EQ(run.out.find(secret), std::string::npos) << "a secret was printed:\n" << run.out;
    EXPECT_EQ(run.err.find(secret), std::string::npos) << "a secret was printed:\n" << run.err;
  }
}

TEST(CheckConfigConnect, EveryConnectionWorks) {
  TempDir dir;
  SimProcess sim(dir, TestCa::shared());
  RedisServer redis(RedisServerOptions{.requirepass = kRedisPassword});
  const auto config = write_redis_config(dir, sim, redis.url(2));

  const auto run = check_connect(dir, config);
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  const auto out = lines(run.out);
  ASSERT_EQ(out.size(), 4u) << run.out;
  EXPECT_EQ(out[0], config.string() + ": ok");
  EXPECT_EQ(out[1], "genesys login: POST " + sim.base_url() + "/oauth/token for client 'it-client': ok, " +
                        "an access token valid for 86400 s");
  EXPECT_EQ(out[2], "crm: HEAD " + sim.base_url() + "/crm/ingest: ok, answered HTTP 405 over TLS");
  EXPECT_EQ(out[3], "redis: connect, AUTH, SELECT 2 to 127.0.0.1:" + std::to_string(redis.port()) +
                        ", PING: ok, answered PONG");
  expect_no_secret(run);
}

TEST(CheckConfigConnect, ARefusedLoginAnUntrustedCrmAndAWrongRedisPasswordAreEachNamed) {
  TempDir dir;
  SimProcess sim(dir, TestCa::shared());
  RedisServer redis(RedisServerOptions{.requirepass = "another-password"});
  auto config = write_redis_config(dir, sim, redis.url());
  dir.write("genesys-secret", "not-the-client-secret\n");
  // The CRM without the test CA: its certificate cannot be verified.
  auto yaml = insightd::test::read_file(config);
  const std::string crm_ca = "crm-secret\n  ca_file: \"" + TestCa::shared().ca_cert + "\"\n";
  yaml.replace(yaml.find(crm_ca), crm_ca.size(), "crm-secret\n  ca_file: \"\"\n");
  config = dir.write("insightd.yaml", yaml);

  const auto run = check_connect(dir, config);
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  const auto out = lines(run.out);
  ASSERT_EQ(out.size(), 4u) << run.out;
  EXPECT_EQ(out[1].rfind(
                "genesys login: POST " + sim.base_url() + "/oauth/token for client 'it-client': FAILED: ", 0),
            0u)
      << out[1];
  EXPECT_NE(out[1].find("HTTP 400: invalid_client"), std::string::npos) << out[1];
  EXPECT_EQ(out[2].rfind("crm: HEAD " + sim.base_url() + "/crm/ingest: FAILED: ", 0), 0u) << out[2];
  EXPECT_NE(out[2].find("certificate"), std::string::npos) << out[2];
  EXPECT_EQ(out[3].rfind(
                "redis: connect, AUTH to 127.0.0.1:" + std::to_string(redis.port()) + ", PING: FAILED: ", 0),
            0u)
      << out[3];
  EXPECT_NE(out[3].find("refused AUTH: WRONGPASS"), std::string::npos) << out[3];
  expect_no_secret(run);
}

TEST(CheckConfigConnect, UnreachableCrmAndRedisAreNamed) {
  TempDir dir;
  SimProcess sim(dir, TestCa::shared());
  std::string redis_url;
  {
    RedisServer redis;  // a port that was Redis's and is closed now
    redis_url = redis.url();
  }
  auto config = write_redis_config(dir, sim, redis_url);
  auto yaml = insightd::test::read_file(config);
  const std::string crm_url = sim.base_url() + "/crm/ingest";
  const std::string closed_url = "https://localhost:1/crm/ingest";
  yaml.replace(yaml.find(crm_url), crm_url.size(), closed_url);
  config = dir.write("insightd.yaml", yaml);

  const auto run = check_connect(dir, config);
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  const auto out = lines(run.out);
  ASSERT_EQ(out.size(), 4u) << run.out;
  EXPECT_NE(out[1].find(": ok, "), std::string::npos) << out[1];
  EXPECT_EQ(out[2].rfind("crm: HEAD " + closed_url + ": FAILED: ", 0), 0u) << out[2];
  EXPECT_NE(out[3].find(": FAILED: Redis unreachable at 127.0.0.1:"), std::string::npos) << out[3];
  expect_no_secret(run);
}

TEST(CheckConfigConnect, AnInvalidFileIsNotConnectedWith) {
  TempDir dir;
  const auto path = dir.write("insightd.yaml", "genesys:\n  client_id: id\n");
  const auto run = insightd::test::insightd(dir, path, {"check-config", "--connect"}, "invalid");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out.find("genesys login"), std::string::npos) << run.out;
}

}  // namespace
