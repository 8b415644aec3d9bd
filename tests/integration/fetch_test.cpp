// SPDX-License-Identifier: Apache-2.0
// `insightd fetch` (the real binary) against `insightd-sim` (the real binary)
// over TLS with a CA made at test time.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>

#include "insightd/sim/insight_data.hpp"
#include "support/sim_process.hpp"

namespace insightd::test {
namespace {

namespace json = boost::json;

// The IDs the simulator serves for `id`, most relevant first, without its malformed entities.
std::vector<std::string> expected_ids(const std::string& id) {
  auto all = sim::generate_insights(id, 0, std::chrono::system_clock::now());
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.rank < b.rank; });
  std::vector<std::string> ids;
  for (const auto& insight : all) {
    if (!insight.malformed) ids.push_back(insight.id);
  }
  return ids;
}

std::vector<std::string> fetched_ids(const json::object& out) {
  std::vector<std::string> ids;
  for (const auto& insight : out.at("insights").as_array()) {
    ids.emplace_back(insight.as_object().at("id").as_string());
  }
  return ids;
}

class FetchOverTls : public ::testing::Test {
 protected:
  TempDir dir;
  const TestCa& ca = TestCa::shared();
  SimProcess sim{dir, ca};
};

TEST_F(FetchOverTls, MultiPageFetchReturnsExactlyTheExpectedIdsInOrder) {
  auto config = write_config(dir, sim.base_url(), {.ca_file = ca.ca_cert, .max_results = 40});
  auto r = insightd(dir, config, {"fetch", "it-multi-n150"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = json::parse(r.out).as_object();
  EXPECT_EQ(out.at("pages").as_int64(), 4);  // 150 insights, 40 per page
  EXPECT_EQ(out.at("outcome").as_string(), "ok");
  EXPECT_EQ(fetched_ids(out), expected_ids("it-multi-n150"));
  EXPECT_EQ(out.at("count").as_int64(), 150);
}

TEST_F(FetchOverTls, TokenExpiryMidPaginationIsSurvivedWithOneRefresh) {
  auto config = write_config(dir, sim.base_url(), {.ca_file = ca.ca_cert, .max_results = 50});
  auto r = insightd(dir, config, {"fetch", "it-tokenexpiry-n120"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = json::parse(r.out).as_object();
  EXPECT_EQ(fetched_ids(out), expected_ids("it-tokenexpiry-n120"));
  EXPECT_EQ(out.at("pages").as_int64(), 3);
  // One token for page 1, one refresh after the 401 on page 2.
  EXPECT_EQ(sim.stats().at("token_requests").to_number<int>(), 2);
}

TEST_F(FetchOverTls, WrongCaFailsWithACertificateError) {
  auto config = write_config(dir, sim.base_url(), {.ca_file = ca.other_ca_cert});
  auto r = insightd(dir, config, {"fetch", "it-wrongca"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("certificate verify failed"), std::string::npos) << r.err;
  EXPECT_EQ(sim.stats().at("token_requests").to_number<int>(), 0);  // nothing got through
}

TEST_F(FetchOverTls, MalformedEntitiesAreSkippedAndCounted) {
  auto config = write_config(dir, sim.base_url(), {.ca_file = ca.ca_cert});
  auto r = insightd(dir, config, {"fetch", "it-malformed-n30"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = json::parse(r.out).as_object();
  auto all = sim::generate_insights("it-malformed-n30", 0, std::chrono::system_clock::now());
  const auto malformed = std::count_if(all.begin(), all.end(), [](const auto& i) { return i.malformed; });
  ASSERT_GT(malformed, 0);
  EXPECT_EQ(out.at("malformed_skipped").as_int64(), malformed);
  EXPECT_EQ(fetched_ids(out), expected_ids("it-malformed-n30"));
}

TEST_F(FetchOverTls, NotFoundIsAPermanentFailureWithTheUpstreamMessage) {
  auto config = write_config(dir, sim.base_url(), {.ca_file = ca.ca_cert});
  auto r = insightd(dir, config, {"fetch", "it-notfound"});
  EXPECT_EQ(r.exit_code, 1);
  auto out = json::parse(r.out).as_object();
  EXPECT_EQ(out.at("outcome").as_string(), "permanent_failure");
  EXPECT_NE(std::string(out.at("error").as_string()).find("404"), std::string::npos);
  EXPECT_FALSE(out.at("correlation_id").as_string().empty());
}

}  // namespace
}  // namespace insightd::test
