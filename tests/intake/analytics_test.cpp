// SPDX-License-Identifier: Apache-2.0
#include "insightd/intake/analytics.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <cstdint>
#include <limits>

#include "fixtures.hpp"
#include "insightd/intake/assistants.hpp"

namespace insightd::intake {
namespace {
using namespace std::chrono_literals;

SysTime at(std::int64_t unix_seconds) {
  return SysTime{std::chrono::seconds(unix_seconds)};
}
constexpr std::int64_t kNow = 1'795'000'000;  // 2026-11-18T...Z
constexpr std::int64_t kDay = 86'400;

TEST(ReconcileWindow, FirstRunReachesBackLookback) {
  auto w = reconcile_window(std::nullopt, at(kNow), 15min, 24h);
  EXPECT_EQ(w.start, at(kNow - kDay));
  EXPECT_EQ(w.end, at(kNow));
}

TEST(ReconcileWindow, WatermarkMinusOverlap) {
  auto w = reconcile_window(at(kNow - 300), at(kNow), 15min, 24h);
  EXPECT_EQ(w.start, at(kNow - 300 - 900));
  EXPECT_EQ(w.end, at(kNow));
}

TEST(ReconcileWindow, OldWatermarkIsNotCutToLookback) {
  // A daemon down for three days catches up all three.
  auto w = reconcile_window(at(kNow - 3 * kDay), at(kNow), 15min, 24h);
  EXPECT_EQ(w.start, at(kNow - 3 * kDay - 900));
}

TEST(ReconcileWindow, WatermarkAheadOfTheClockIsEmpty) {
  auto w = reconcile_window(at(kNow + 3600), at(kNow), 15min, 24h);
  EXPECT_EQ(w.start, w.end);
  EXPECT_TRUE(split_interval(w).empty());
}

TEST(SplitInterval, SevenDaysIsOnePiece) {
  auto pieces = split_interval({at(kNow - 7 * kDay), at(kNow)});
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0], (Interval{at(kNow - 7 * kDay), at(kNow)}));
}

TEST(SplitInterval, SplitsEverySevenDaysAndCoversTheWindow) {
  auto pieces = split_interval({at(kNow - 15 * kDay - 60), at(kNow)});
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0], (Interval{at(kNow - 15 * kDay - 60), at(kNow - 8 * kDay - 60)}));
  EXPECT_EQ(pieces[1], (Interval{at(kNow - 8 * kDay - 60), at(kNow - kDay - 60)}));
  EXPECT_EQ(pieces[2], (Interval{at(kNow - kDay - 60), at(kNow)}));
  for (const auto& p : pieces) EXPECT_LE(p.end - p.start, kMaxQueryInterval);
}

TEST(Iso8601, IntervalText) {
  Interval i{SysTime{std::chrono::milliseconds(1'764'475'200'123)},
             SysTime{std::chrono::milliseconds(1'764'478'800'000)}};
  EXPECT_EQ(to_iso8601(i), "2025-11-30T04:00:00.123Z/2025-11-30T05:00:00.000Z");
}

TEST(AnalyticsQuery, Body) {
  Interval i{SysTime{std::chrono::seconds(1'764'475'200)}, SysTime{std::chrono::seconds(1'764'478'800)}};
  auto body = boost::json::parse(analytics_query_body(i, {"q1", "q2"}, 3)).as_object();
  EXPECT_EQ(body.at("interval").as_string(), "2025-11-30T04:00:00.000Z/2025-11-30T05:00:00.000Z");
  EXPECT_EQ(body.at("orderBy").as_string(), "conversationStart");
  EXPECT_EQ(body.at("paging").at("pageSize").as_int64(), 100);
  EXPECT_EQ(body.at("paging").at("pageNumber").as_int64(), 3);
  const auto& end_filter = body.at("conversationFilters").at(0).at("predicates").at(0);
  EXPECT_EQ(end_filter.at("dimension").as_string(), "conversationEnd");
  EXPECT_EQ(end_filter.at("operator").as_string(), "exists");
  const auto& queues = body.at("segmentFilters").at(0);
  EXPECT_EQ(queues.at("type").as_string(), "or");
  ASSERT_EQ(queues.at("predicates").as_array().size(), 2u);
  EXPECT_EQ(queues.at("predicates").at(1).at("dimension").as_string(), "queueId");
  EXPECT_EQ(queues.at("predicates").at(1).at("operator").as_string(), "matches");
  EXPECT_EQ(queues.at("predicates").at(1).at("value").as_string(), "q2");
}

TEST(AnalyticsPage, ParsesEndedConversations) {
  auto page = parse_analytics_page(testing::fixture("analytics_page.json"));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->conversations, 3u);
  EXPECT_EQ(page->total_hits, 203);
  EXPECT_EQ(page->ended, (std::vector<std::string>{"c0a1b2c3-0001-4000-8000-000000000001",
                                                   "c0a1b2c3-0002-4000-8000-000000000002"}));
  EXPECT_TRUE(more_pages(*page, 2));
  EXPECT_FALSE(more_pages(*page, 3));
}

TEST(AnalyticsPage, EmptyAnswer) {
  auto page = parse_analytics_page(R"({"totalHits":0})");
  ASSERT_TRUE(page);
  EXPECT_TRUE(page->ended.empty());
  EXPECT_FALSE(more_pages(*page, 1));
  // A page with no entries ends the walk even if totalHits promised more.
  auto short_page = parse_analytics_page(R"({"conversations":[],"totalHits":500})");
  ASSERT_TRUE(short_page);
  EXPECT_FALSE(more_pages(*short_page, 1));
}

TEST(AnalyticsPage, Malformed) {
  for (const char* text :
       {"", "[]", R"({"conversations":{}})", R"({"conversations":[{"conversationEnd":"x"}]})",
        R"({"conversations":[7]})", R"({"totalHits":"many"})"}) {
    EXPECT_FALSE(parse_analytics_page(text)) << text;
  }
}

// Seen while writing fuzz_notification: a totalHits past int64 threw out of
// the parser instead of being a malformed answer.
TEST(AnalyticsPage, TotalHitsBeyondInt64IsMalformed) {
  for (const char* text : {R"({"conversations":[],"totalHits":9223372036854775808})",
                           R"({"conversations":[],"totalHits":18446744073709551615})",
                           R"({"conversations":[],"totalHits":1e30})"}) {
    auto page = parse_analytics_page(text);
    ASSERT_FALSE(page) << text;
    EXPECT_EQ(page.error(), errc::malformed_response) << text;
  }
  auto largest = parse_analytics_page(R"({"conversations":[],"totalHits":9223372036854775807})");
  ASSERT_TRUE(largest);
  EXPECT_EQ(largest->total_hits, std::numeric_limits<std::int64_t>::max());
}

TEST(Watermark, RoundTripAndRejects) {
  SysTime t{std::chrono::milliseconds(1'764'475'200'123)};
  EXPECT_EQ(watermark_text(t), "1764475200123");
  EXPECT_EQ(parse_watermark(watermark_text(t)), t);
  EXPECT_EQ(parse_watermark(""), std::nullopt);
  EXPECT_EQ(parse_watermark("12x"), std::nullopt);
  EXPECT_EQ(parse_watermark("-5"), std::nullopt);
}

// Found by fuzz_notification: a number of milliseconds past what the clock's
// nanoseconds hold (about year 2262) overflowed the conversion.
TEST(Watermark, BeyondTheClockIsRejected) {
  EXPECT_EQ(parse_watermark("17329030009010"), std::nullopt);
  EXPECT_EQ(parse_watermark("9223372036854775807"), std::nullopt);
  const auto latest = std::chrono::duration_cast<std::chrono::milliseconds>(SysTime::duration::max());
  EXPECT_EQ(parse_watermark(std::to_string(latest.count())), SysTime{latest});
}

TEST(Assistants, EntityListing) {
  auto listing = parse_entity_listing(
      R"({"entities":[{"id":"a1","name":"Sales"},{"id":"a2"}],"nextUri":"/api/v2/assistants?after=x","pageSize":2})");
  ASSERT_TRUE(listing);
  EXPECT_EQ(listing->ids, (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(listing->next_uri, "/api/v2/assistants?after=x");
  auto last = parse_entity_listing(R"({"entities":[]})");
  ASSERT_TRUE(last);
  EXPECT_TRUE(last->next_uri.empty());
  EXPECT_FALSE(parse_entity_listing(R"({"entities":[{"name":"no id"}]})"));
  EXPECT_FALSE(parse_entity_listing(R"({})"));
  EXPECT_EQ(assistant_queues_path("a1"), "/api/v2/assistants/a1/queues?pageSize=100");
}

}  // namespace
}  // namespace insightd::intake
