// SPDX-License-Identifier: Apache-2.0
// `insightd status` on Redis lists the live daemons of the deployment and what
// each holds: two backend objects announced as daemons on a real
// redis-server, each holding leases; the status command itself (and any other
// command) is not listed.
#include <gmock/gmock.h>
#include <unistd.h>

#include <boost/asio/ip/host_name.hpp>
#include <boost/json.hpp>
#include <set>
#include <string>

#include "support/backend_session.hpp"
#include "support/redis_server.hpp"
#include "support/sim_process.hpp"

namespace insightd::test {
namespace {

namespace json = boost::json;
using ::testing::ContainsRegex;
using ::testing::HasSubstr;

QueueConfig redis_queue(const RedisServer& redis) {
  QueueConfig cfg;
  cfg.backend = QueueBackend::redis;
  cfg.redis_url = redis.url();
  cfg.redis_key_prefix = "it";  // as write_config's
  return cfg;
}

TEST(StatusDaemons, RedisStatusListsEachLiveDaemonWithTheLeasesItHolds) {
  RedisServer redis;
  TempDir dir;
  ConfigOptions options;
  options.redis_url = redis.url();
  const auto config = write_config(dir, "https://127.0.0.1:9", options);
  BackendSession a(redis_queue(redis), {}, queue::OpenedBy::daemon);
  BackendSession b(redis_queue(redis), {}, queue::OpenedBy::daemon);
  a.run(a.backend->enqueue({"x1", "x2", "x3", "x4"}));
  auto leased = a.run(a.backend->lease(2));
  ASSERT_EQ(leased.size(), 2u);
  ASSERT_TRUE(a.run(a.backend->complete(leased[0], {{"wh-1", leased[0].interaction_id, 1, 1, "{}"}}, "{}")));
  ASSERT_EQ(b.run(b.backend->lease_deliveries(1)).size(), 1u);
  ASSERT_EQ(b.run(b.backend->lease(1)).size(), 1u);

  const auto status = status_json(dir, config);
  const auto& daemons = status.at("daemons").as_array();
  ASSERT_EQ(daemons.size(), 2u) << json::serialize(status);  // the status command is not one
  for (const auto& d : daemons) {
    const auto& o = d.as_object();
    EXPECT_EQ(o.at("host").as_string(), boost::asio::ip::host_name());
    EXPECT_EQ(o.at("pid").to_number<std::int64_t>(), ::getpid());
    EXPECT_EQ(o.at("version").as_string(), INSIGHTD_VERSION);
    EXPECT_THAT(std::string(o.at("started_at").as_string()), ContainsRegex("^20[0-9-]+T[0-9:.]+Z$"));
    EXPECT_LE(o.at("started_at").as_string(), o.at("last_seen_at").as_string());
    EXPECT_LT(o.at("last_seen_at").as_string(), o.at("expires_at").as_string());
    EXPECT_EQ(o.at("fetch_leases").to_number<std::int64_t>(), 1);
  }
  // a: x2 in flight (x1 went to the outbox); b: x3 in flight and x1's delivery.
  std::multiset<std::int64_t> deliveries;
  for (const auto& d : daemons) deliveries.insert(d.at("delivery_leases").to_number<std::int64_t>());
  EXPECT_EQ(deliveries, (std::multiset<std::int64_t>{0, 1}));

  auto text = insightd(dir, config, {"status"}, "status-text");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("daemons       2\n"));
  EXPECT_THAT(text.out,
              ContainsRegex("HOST +PID +VERSION +SINCE +LAST SEEN +FETCH LEASES +DELIVERY LEASES\n"));
  const auto row = boost::asio::ip::host_name() + " +" + std::to_string(::getpid()) + " +" +
                   INSIGHTD_VERSION + " +20[-0-9T:.]+Z +[0-9]+s ago +1 +";
  EXPECT_THAT(text.out, ContainsRegex(row + "0\n"));
  EXPECT_THAT(text.out, ContainsRegex(row + "1\n"));
}

TEST(StatusDaemons, SQLiteStatusListsNoDaemons) {
  TempDir dir;
  const auto config = write_config(dir, "https://127.0.0.1:9", {});
  const auto status = status_json(dir, config);
  EXPECT_TRUE(status.at("daemons").as_array().empty());
  auto text = insightd(dir, config, {"status"}, "status-text");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, ::testing::Not(HasSubstr("daemons")));
}

}  // namespace
}  // namespace insightd::test
