// SPDX-License-Identifier: Apache-2.0
// How the daemon reads the CRM's answers, through the real binaries: only the
// status of a webhook answer counts, whatever the size of its body.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/sim_process.hpp"

namespace insightd::test {
namespace {

namespace json = boost::json;

TEST(CrmAnswers, AnAcceptanceWithABodyOverTheClientLimitIsDeliveredOnce) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  SimProcess sim(dir, ca);
  // One counted failure would open the circuit (and log it).
  auto config = write_config(dir, sim.base_url(), {.ca_file = ca.ca_cert, .breaker_failures = 1});
  const std::vector<std::string> ids = {"it-big-crmbigbody-1", "it-big-crmbigbody-2"};
  ASSERT_EQ(insightd(dir, config, {"enqueue", ids[0], ids[1]}, "enqueue").exit_code, 0);

  auto run = insightd(dir, config, {"run", "--drain"}, "run");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto status = status_json(dir, config);
  EXPECT_EQ(status.at("done").to_number<int>(), 2) << json::serialize(status);
  EXPECT_EQ(status.at("dead").to_number<int>(), 0) << json::serialize(status);
  EXPECT_EQ(status.at("outbox_depth").to_number<int>(), 0) << json::serialize(status);

  // Each webhook was sent once: no retry.
  std::map<std::string, int> sent;
  const auto deliveries = sim.deliveries();
  for (const auto& v : deliveries.as_object().at("deliveries").as_array()) {
    ++sent[std::string(v.as_object().at("webhook_id").as_string())];
  }
  EXPECT_FALSE(sent.empty());
  for (const auto& [webhook_id, count] : sent) EXPECT_EQ(count, 1) << webhook_id;
  EXPECT_EQ(run.err.find("circuit open"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("body exceeds"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace insightd::test
