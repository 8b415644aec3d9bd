// SPDX-License-Identifier: Apache-2.0
#include <algorithm>

#include "insightd/sim/insight_data.hpp"
#include "sim/sim_fixture.hpp"

using namespace insightd;
using namespace insightd::sim;
using namespace insightd::sim::testing;

namespace {

struct Fetched {
  std::vector<boost::json::object> entities;
  int pages = 0;
  std::vector<std::int64_t> total_counts;
};

}  // namespace

class SimAgentassist : public SimFixture {
 protected:
  // Follows nextPageToken to the end.
  Fetched fetch_all(const std::string& id, const std::string& query) {
    Fetched out;
    const std::string bearer = token();
    std::string page_token;
    do {
      std::string q = query;
      if (!page_token.empty()) q += (q.empty() ? "" : "&") + std::string("nextPageToken=") + page_token;
      auto r = get(insights_url(id, q), bearer);
      EXPECT_EQ(r.status, 200u) << r.body;
      if (r.status != 200) break;
      auto body = json(r).as_object();
      for (auto& e : body.at("entities").as_array()) out.entities.push_back(e.as_object());
      out.total_counts.push_back(body.at("totalCount").as_int64());
      page_token = body.contains("nextPageToken") ? std::string(body.at("nextPageToken").as_string()) : "";
      ++out.pages;
    } while (!page_token.empty() && out.pages < 1000);
    return out;
  }

  std::vector<SimInsight> generated(const std::string& id) {
    return generate_insights(id, options.seed, wall_now);  // the fixture's wall clock is the data anchor
  }
};

TEST_F(SimAgentassist, PaginationReturnsEveryInsightOnceInRelevanceOrder) {
  auto all = fetch_all("ia-0042-n250", "maxResults=40");
  EXPECT_EQ(all.pages, 7);  // 6 x 40 + 10
  auto expected = generated("ia-0042-n250");
  ASSERT_EQ(all.entities.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(all.entities[i].at("id").as_string(), expected[i].id);
  for (auto total : all.total_counts) EXPECT_EQ(total, 250);
}

TEST_F(SimAgentassist, ExactMultipleOfThePageSizeHasNoEmptyTrailingPage) {
  auto all = fetch_all("ia-n50", "maxResults=25");
  EXPECT_EQ(all.pages, 2);
  EXPECT_EQ(all.entities.size(), 50u);
}

TEST_F(SimAgentassist, FiltersByTypeAndConfidenceServerSide) {
  const std::string id = "ia-filter-n300";
  auto all =
      fetch_all(id, "insightType=keyword&insightType=sentiment&confidenceThreshold=0.75&maxResults=100");
  auto gen = generated(id);
  auto expected = std::count_if(gen.begin(), gen.end(), [](const SimInsight& i) {
    return (i.type == "keyword" || i.type == "sentiment") && i.confidence >= 0.75;
  });
  ASSERT_GT(expected, 0);
  EXPECT_EQ(static_cast<long>(all.entities.size()), expected);
  EXPECT_EQ(all.total_counts.front(), expected);
  for (const auto& e : all.entities) {
    auto type = e.at("insightType").as_string();
    EXPECT_TRUE(type == "keyword" || type == "sentiment") << type;
    EXPECT_GE(e.at("confidence").as_double(), 0.75);
  }
}

TEST_F(SimAgentassist, CommaSeparatedTypesWorkLikeRepeatedOnes) {
  auto repeated = fetch_all("ia-types-n80", "insightType=topic&insightType=summary&maxResults=200");
  auto comma = fetch_all("ia-types-n80", "insightType=topic,summary&maxResults=200");
  ASSERT_EQ(repeated.entities.size(), comma.entities.size());
  for (std::size_t i = 0; i < comma.entities.size(); ++i) EXPECT_EQ(repeated.entities[i], comma.entities[i]);
}

TEST_F(SimAgentassist, SortsByConfidenceDescending) {
  auto all = fetch_all("ia-sort-n120", "sort=confidence&sortOrder=desc&maxResults=30");
  ASSERT_EQ(all.entities.size(), 120u);
  for (std::size_t i = 1; i < all.entities.size(); ++i)
    EXPECT_GE(all.entities[i - 1].at("confidence").as_double(), all.entities[i].at("confidence").as_double());
}

TEST_F(SimAgentassist, SortsByCreatedDateAscending) {
  auto all = fetch_all("ia-sort-n120", "sort=createdDate&sortOrder=asc&maxResults=30");
  ASSERT_EQ(all.entities.size(), 120u);
  for (std::size_t i = 1; i < all.entities.size(); ++i)  // RFC 3339 UTC strings sort like the times
    EXPECT_LE(all.entities[i - 1].at("createdDate").as_string(),
              all.entities[i].at("createdDate").as_string());
}

TEST_F(SimAgentassist, RelevanceAscendingIsTheReverseOfDescending) {
  auto desc = fetch_all("ia-rel-n30", "sort=relevance&sortOrder=desc");
  auto asc = fetch_all("ia-rel-n30", "sort=relevance&sortOrder=asc");
  ASSERT_EQ(desc.entities.size(), 30u);
  std::reverse(asc.entities.begin(), asc.entities.end());
  EXPECT_EQ(desc.entities, asc.entities);
}

TEST_F(SimAgentassist, InvalidParametersAre400WithAGenesysBody) {
  const auto bearer = token();
  for (auto query : {"maxResults=0", "maxResults=201", "confidenceThreshold=1.5", "sort=loudness",
                     "sortOrder=up", "insightType=emotion", "nextPageToken=bogus"}) {
    auto r = get(insights_url("ia-1", query), bearer);
    EXPECT_EQ(r.status, 400u) << query;
    auto body = json(r).as_object();
    EXPECT_EQ(body.at("status").as_int64(), 400);
    EXPECT_EQ(body.at("code").as_string(), "invalid.value");
    EXPECT_FALSE(body.at("message").as_string().empty());
  }
}

TEST_F(SimAgentassist, APageTokenIsBoundToItsQuery) {
  const auto bearer = token();
  auto first = json(get(insights_url("ia-bind-n100", "maxResults=10&sort=confidence"), bearer)).as_object();
  const std::string next(first.at("nextPageToken").as_string());
  EXPECT_EQ(
      get(insights_url("ia-bind-n100", "maxResults=10&sort=confidence&nextPageToken=" + next), bearer).status,
      200u);
  EXPECT_EQ(get(insights_url("ia-bind-n100", "maxResults=10&sort=createdDate&nextPageToken=" + next), bearer)
                .status,
            400u);
  EXPECT_EQ(get(insights_url("ia-other-n100", "maxResults=10&sort=confidence&nextPageToken=" + next), bearer)
                .status,
            400u);
}

TEST_F(SimAgentassist, MalformedEntitiesAreServedDespiteFilters) {
  auto all = fetch_all("ia-malformed-n10", "insightType=keyword&confidenceThreshold=1.0");
  long without_id = 0, bad_date = 0, unknown_type = 0;
  for (const auto& e : all.entities) {
    without_id += !e.contains("id");
    bad_date += e.at("createdDate").as_string() == "yesterday afternoon";
    unknown_type += e.at("insightType").as_string() == "emotion";
  }
  EXPECT_EQ(without_id, 1);
  EXPECT_EQ(bad_date, 1);
  EXPECT_EQ(unknown_type, 1);
}

TEST_F(SimAgentassist, EveryResponseCarriesACorrelationId) {
  const auto bearer = token();
  std::set<std::string> seen;
  for (const auto& target :
       {insights_url("ia-1"), insights_url("ia-notfound"), std::string("/api/v2/nothing")}) {
    auto r = get(target, bearer);
    auto id = std::string(r.headers.get("ININ-Correlation-Id"));
    EXPECT_EQ(id.size(), 36u) << target;
    EXPECT_EQ(std::count(id.begin(), id.end(), '-'), 4) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 3u);
}
