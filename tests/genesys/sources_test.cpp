// SPDX-License-Identifier: Apache-2.0
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <string>
#include <vector>

#include "insightd/genesys/source.hpp"

namespace insightd::genesys {
namespace {
using ::testing::ElementsAre;

std::vector<std::string> ids(const std::vector<Insight>& insights) {
  std::vector<std::string> out;
  for (const auto& i : insights) out.push_back(i.id);
  return out;
}

std::vector<std::string> locations(const Page& page) {
  std::vector<std::string> out;
  for (const auto& m : page.malformed) out.push_back(m.location);
  return out;
}

RetrievalConfig retrieval() {
  RetrievalConfig r;
  r.insight_types = {InsightType::keyword, InsightType::sentiment};
  r.confidence_threshold = 0.75;
  r.max_results = 100;
  r.sort_by = SortBy::relevance;
  r.sort_order = SortOrder::desc;
  return r;
}

// ---- URLs

TEST(AgentAssistUrl, CarriesEveryRetrievalParameter) {
  EXPECT_EQ(agentassist_url("https://api.mypurecloud.com", "abc-123", retrieval()),
            "https://api.mypurecloud.com/api/v2/agentassist/interactions/abc-123/insights"
            "?insightType=keyword&insightType=sentiment&confidenceThreshold=0.75&maxResults=100"
            "&sort=relevance&sortOrder=desc");
}

TEST(AgentAssistUrl, EncodesTheInteractionIdAsOneSegmentAndTheQueryValues) {
  auto r = retrieval();
  r.sort_by = SortBy::created_date;
  auto text = agentassist_url("https://proxy.test/genesys/", "a b/c?d#e", r, "tok+/= &x");
  auto url = boost::urls::parse_absolute_uri(text);
  ASSERT_TRUE(url.has_value()) << text;
  EXPECT_EQ(url->encoded_path(), "/genesys/api/v2/agentassist/interactions/a%20b%2Fc%3Fd%23e/insights");
  std::vector<std::pair<std::string, std::string>> params;
  for (auto p : url->params()) params.emplace_back(p.key, p.value);
  ASSERT_EQ(params.size(), 7u);
  EXPECT_EQ(params[4], (std::pair<std::string, std::string>{"sort", "createdDate"}));
  EXPECT_EQ(params[6], (std::pair<std::string, std::string>{"nextPageToken", "tok+/= &x"}));
  EXPECT_FALSE(url->has_fragment());
  EXPECT_THAT(text, ::testing::EndsWith("nextPageToken=tok%2B%2F%3D%20%26x"));
}

TEST(SourceUrls, CopilotAndStaEndpoints) {
  EXPECT_EQ(copilot_summaries_url("https://api.test", "c1"),
            "https://api.test/api/v2/conversations/c1/summaries");
  EXPECT_EQ(sta_summaries_url("https://api.test", "c1"),
            "https://api.test/api/v2/speechandtextanalytics/conversations/c1/summaries");
  EXPECT_EQ(sta_sentiments_url("https://api.test", "c 1"),
            "https://api.test/api/v2/speechandtextanalytics/conversations/c%201/sentiments");
}

// ---- agentassist

TEST(AgentAssistPage, NormalisesEntitiesAndSkipsMalformedOnesByIndex) {
  auto page = parse_agentassist_page(R"({
    "entities": [
      {"id":"i1","insightType":"keyword","confidence":0.9,"text":"refund","createdDate":"2024-05-01T10:00:00Z"},
      {"insightType":"keyword","confidence":0.9,"text":"no id","createdDate":"2024-05-01T10:00:00Z"},
      {"id":"i3","confidence":0.9,"text":"no type","createdDate":"2024-05-01T10:00:00Z"},
      {"id":"i4","insightType":"mood","confidence":0.9,"text":"x","createdDate":"2024-05-01T10:00:00Z"},
      {"id":"i5","insightType":"keyword","confidence":0.9,"text":"x","createdDate":"yesterday"},
      {"id":"i6","insightType":"keyword","confidence":"high","text":"x","createdDate":"2024-05-01T10:00:00Z"},
      "not an object",
      {"id":"i8","insightType":"sentiment","confidence":1,"text":"happy","createdDate":"2024-05-01T10:00:00.123+02:00",
       "redacted":true}
    ],
    "nextPageToken": "p2", "totalCount": 8})",
                                     "conv-1");
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->entities, 8);
  EXPECT_EQ(page->next_page_token, "p2");
  EXPECT_THAT(ids(page->insights), ElementsAre("i1", "i8"));
  EXPECT_THAT(locations(*page), ElementsAre("entities[1]", "entities[2]", "entities[3]", "entities[4]",
                                            "entities[5]", "entities[6]"));
  EXPECT_EQ(page->malformed[2].reason, "unknown insightType");
  const auto& last = page->insights[1];
  EXPECT_EQ(last.interaction_id, "conv-1");
  EXPECT_EQ(last.type, InsightType::sentiment);
  EXPECT_DOUBLE_EQ(last.confidence, 1.0);
  EXPECT_TRUE(last.redacted);
  EXPECT_EQ(last.source, "agentassist");
  EXPECT_EQ(last.created_date, "2024-05-01T10:00:00.123+02:00");
}

// The date gate is the one RFC 3339 parser: a day that does not exist, or a
// leap second where none can be, makes the entity malformed.
TEST(AgentAssistPage, ADateThatCannotExistIsMalformed) {
  auto page = parse_agentassist_page(R"({"entities": [
      {"id":"i1","insightType":"keyword","confidence":0.9,"text":"x","createdDate":"2024-02-31T00:00:00Z"},
      {"id":"i2","insightType":"keyword","confidence":0.9,"text":"x","createdDate":"2026-11-24T12:00:60Z"},
      {"id":"i3","insightType":"keyword","confidence":0.9,"text":"x","createdDate":"2024-02-29T00:00:00+0200"},
      {"id":"i4","insightType":"keyword","confidence":0.9,"text":"x","createdDate":"2024-02-29T23:59:59.5z"}
    ]})",
                                     "conv-1");
  ASSERT_TRUE(page.has_value());
  EXPECT_THAT(ids(page->insights), ElementsAre("i4"));
  EXPECT_THAT(locations(*page), ElementsAre("entities[0]", "entities[1]", "entities[2]"));
  EXPECT_EQ(page->malformed[0].reason, "missing or unparsable createdDate");
}

// One invalid UTF-8 byte ("\xff") in one entity's text: that entity is skipped
// with the reason, never the page. Every source's parser.
TEST(InvalidUtf8, AgentAssistSkipsOnlyThatEntity) {
  auto page = parse_agentassist_page(
      "{\"entities\":["
      "{\"id\":\"i1\",\"insightType\":\"keyword\",\"confidence\":0.9,\"text\":\"ok\","
      "\"createdDate\":\"2024-05-01T10:00:00Z\"},"
      "{\"id\":\"i2\",\"insightType\":\"keyword\",\"confidence\":0.9,\"text\":\"bad \xff byte\","
      "\"createdDate\":\"2024-05-01T10:00:00Z\"},"
      "{\"id\":\"i\xc3\",\"insightType\":\"keyword\",\"confidence\":0.9,\"text\":\"cut id\","
      "\"createdDate\":\"2024-05-01T10:00:00Z\"},"
      "{\"id\":\"i4\",\"insightType\":\"keyword\",\"confidence\":0.9,\"text\":\"caf\xc3\xa9\","
      "\"createdDate\":\"2024-05-01T10:00:00Z\"}]}",
      "conv-1");
  ASSERT_TRUE(page.has_value());
  EXPECT_THAT(ids(page->insights), ElementsAre("i1", "i4"));
  EXPECT_EQ(page->insights[1].text, "caf\xc3\xa9");
  EXPECT_THAT(locations(*page), ElementsAre("entities[1]", "entities[2]"));
  EXPECT_EQ(page->malformed[0].reason, "text is not valid UTF-8 (byte 4)");
  EXPECT_EQ(page->malformed[1].reason, "id is not valid UTF-8 (byte 1)");
}

TEST(InvalidUtf8, CopilotSkipsOnlyThatSummary) {
  auto page = parse_copilot_summaries(
      "{\"summary\":{\"id\":\"s1\",\"text\":\"fine\",\"status\":\"Completed\","
      "\"dateCreated\":\"2024-05-01T10:00:00Z\",\"reason\":{\"text\":\"\x80\"}},"
      "\"sessionSummaries\":[{\"id\":\"s2\",\"text\":\"also fine\",\"status\":\"Completed\","
      "\"dateCreated\":\"2024-05-01T10:00:00Z\"}]}",
      "c1");
  ASSERT_TRUE(page.has_value());
  EXPECT_THAT(ids(page->insights), ElementsAre("s2"));
  EXPECT_THAT(locations(*page), ElementsAre("summary"));
  EXPECT_EQ(page->malformed[0].reason, "text is not valid UTF-8 (byte 0)");
}

TEST(InvalidUtf8, StaSummariesAndSentimentsSkipOnlyThatEntity) {
  auto summaries = parse_sta_summaries(
      "{\"entities\":["
      "{\"id\":\"e1\",\"summary\":\"Billing \xfe dispute\",\"dateCreated\":\"2024-05-01T10:00:00Z\"},"
      "{\"id\":\"e2\",\"summary\":\"fine\",\"dateCreated\":\"2024-05-01T10:00:00Z\"}]}",
      "c1");
  ASSERT_TRUE(summaries.has_value());
  EXPECT_THAT(ids(summaries->insights), ElementsAre("e2"));
  EXPECT_THAT(locations(*summaries), ElementsAre("entities[0]"));
  EXPECT_EQ(summaries->malformed[0].reason, "text is not valid UTF-8 (byte 8)");

  auto sentiments = parse_sta_sentiments(
      "{\"sentimentInsights\":{\"negativeSentimentReasons\":["
      "{\"id\":\"r1\",\"dateCreated\":\"2024-05-01T10:00:00Z\",\"title\":\"Long \xed\xa0\x80 hold\","
      "\"description\":\"\"},"
      "{\"id\":\"r2\",\"dateCreated\":\"2024-05-01T10:00:00Z\",\"title\":\"Transfer\",\"description\":\"\"}]}"
      "}",
      "c1");
  ASSERT_TRUE(sentiments.has_value());
  EXPECT_THAT(ids(sentiments->insights), ElementsAre("r2"));
  EXPECT_THAT(locations(*sentiments), ElementsAre("sentimentInsights.negativeSentimentReasons[0]"));
  // "negative: Long " precedes the encoded surrogate, which UTF-8 does not allow.
  EXPECT_EQ(sentiments->malformed[0].reason, "text is not valid UTF-8 (byte 15)");
}

TEST(AgentAssistPage, ReadsOnlyTheEntityFieldsWhateverElseTheResponseHolds) {
  // Members the parser must not confuse with the ones it reads: nested keys of
  // the same names, values of the wrong JSON type, escapes inside strings.
  auto page = parse_agentassist_page(R"({
    "meta": {"entities": "not these", "nextPageToken": 7, "list": [{"id": "x"}]},
    "entities": [
      {"id":"i1","insightType":"keyword","confidence":0.5,"text":"say \"refund\"\n\u00e9",
       "createdDate":"2024-05-01T10:00:00Z","extra":{"id":"nested","text":5,"redacted":"no"},"tags":["a",{"b":1}]},
      {"id":{"v":"i2"},"insightType":"keyword","confidence":0.5,"text":"x","createdDate":"2024-05-01T10:00:00Z"},
      {"id":"i3","insightType":"keyword","confidence":0.5,"text":"x","createdDate":"2024-05-01T10:00:00Z",
       "redacted":null},
      [{"id":"i4"}],
      {"id":"i5","insightType":"keyword","confidence":5,"text":"x","createdDate":"2024-05-01T10:00:00Z"},
      {"id":"i6","insightType":"summary","confidence":0,"text":["x"],"createdDate":"2024-05-01T10:00:00Z"},
      {"id":"i7","insightType":"summary","confidence":18446744073709551615,"text":"x","createdDate":"2024-05-01T10:00:00Z"},
      {"id":"i8","insightType":"summary","confidence":0,"text":"last","createdDate":"2024-05-01T10:00:00Z",
       "redacted":false}
    ]})",
                                     "c");
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->entities, 8);
  EXPECT_TRUE(page->next_page_token.empty());
  EXPECT_THAT(ids(page->insights), ElementsAre("i1", "i8"));
  EXPECT_EQ(page->insights[0].text, "say \"refund\"\n\xc3\xa9");
  EXPECT_FALSE(page->insights[1].redacted);
  std::vector<std::string> reasons;
  for (const auto& m : page->malformed) reasons.push_back(m.location + ": " + m.reason);
  EXPECT_THAT(reasons,
              ElementsAre("entities[1]: missing or non-string id", "entities[2]: non-boolean redacted",
                          "entities[3]: not an object", "entities[4]: confidence outside 0..1",
                          "entities[5]: missing or non-string text", "entities[6]: confidence outside 0..1"));
}

TEST(AgentAssistPage, TrailingWhitespaceIsFineTrailingDataIsNot) {
  EXPECT_TRUE(parse_agentassist_page("{\"entities\":[]} \r\n", "c").has_value());
  const auto trailing = parse_agentassist_page(R"({"entities":[]} {})", "c");
  EXPECT_EQ(trailing.error().code, errc::malformed_response);
  EXPECT_THAT(trailing.error().message, ::testing::HasSubstr("not JSON"));
  EXPECT_EQ(parse_agentassist_page(R"({"entities":[{"id":"a")", "c").error().code, errc::malformed_response);
  EXPECT_EQ(parse_agentassist_page(R"({"entities":{}})", "c").error().code, errc::malformed_response);
  EXPECT_EQ(parse_agentassist_page(R"({"entities":[],"nextPageToken":["p"]})", "c").error().code,
            errc::malformed_response);
}

TEST(AgentAssistPage, LastPageHasNoToken) {
  auto page = parse_agentassist_page(R"({"entities":[],"nextPageToken":null})", "c");
  ASSERT_TRUE(page.has_value());
  EXPECT_TRUE(page->next_page_token.empty());
}

TEST(AgentAssistPage, ABodyThatIsNotTheExpectedObjectIsMalformed) {
  const auto html = parse_agentassist_page("<html>", "c");
  EXPECT_EQ(html.error().code, errc::malformed_response);
  EXPECT_THAT(html.error().message, ::testing::HasSubstr("not JSON"));
  EXPECT_EQ(parse_agentassist_page("[1,2]", "c").error().code, errc::malformed_response);
  EXPECT_EQ(parse_agentassist_page(R"({"items":[]})", "c").error().code, errc::malformed_response);
  EXPECT_EQ(parse_agentassist_page(R"({"entities":[],"nextPageToken":5})", "c").error().code,
            errc::malformed_response);
}

// ---- copilot-summaries

TEST(CopilotSummaries, CompletedSummaryGivesSummaryAndTopics) {
  auto page = parse_copilot_summaries(R"({
    "conversation": {"id": "c1"},
    "summary": {"id":"s1","text":"Customer asked for a refund.","status":"Completed","confidence":0.8,
                "reason":{"text":"refund"},"resolution":{"text":"refund issued"},"followup":{"text":""},
                "dateCreated":"2024-05-01T10:00:00Z"},
    "sessionSummaries": [
      {"id":"s2","text":"Agent part.","status":"Completed","dateCreated":"2024-05-01T10:05:00Z"},
      {"id":"s3","text":"x","status":"Completed","dateCreated":"not a date"},
      {"id":"s4","text":"x","status":"Error","dateCreated":"2024-05-01T10:05:00Z"}
    ]})",
                                      "c1");
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->entities, 4);
  EXPECT_THAT(ids(page->insights), ElementsAre("s1", "s1:reason", "s1:resolution", "s2"));
  EXPECT_EQ(page->insights[0].type, InsightType::summary);
  EXPECT_EQ(page->insights[1].type, InsightType::topic);
  EXPECT_EQ(page->insights[1].text, "refund");
  EXPECT_DOUBLE_EQ(page->insights[1].confidence, 0.8);
  EXPECT_DOUBLE_EQ(page->insights[3].confidence, 1.0);
  EXPECT_EQ(page->insights[3].source, "copilot-summaries");
  EXPECT_THAT(locations(*page), ElementsAre("sessionSummaries[1]"));
}

TEST(CopilotSummaries, PendingSummaryIsNotReady) {
  for (std::string status : {"Pending", "Queued", "Started", "Processing"}) {
    auto page = parse_copilot_summaries(R"({"summary":{"id":"s1","text":"","status":")" + status +
                                            R"(","dateCreated":"2024-05-01T10:00:00Z"}})",
                                        "c1");
    ASSERT_FALSE(page.has_value()) << status;
    EXPECT_EQ(page.error().code, errc::not_ready) << status;
    EXPECT_THAT(page.error().message, ::testing::HasSubstr(status));
  }
}

TEST(CopilotSummaries, FailedSummaryIsAPermanentFailure) {
  auto page = parse_copilot_summaries(R"({"summary":{"id":"s1","status":"Error"}})", "c1");
  ASSERT_FALSE(page.has_value());
  EXPECT_EQ(page.error().code, errc::permanent_failure);
}

TEST(CopilotSummaries, NoSummaryYieldsNothing) {
  auto page = parse_copilot_summaries(R"({"conversation":{"id":"c1"},"sessionSummaries":[]})", "c1");
  ASSERT_TRUE(page.has_value());
  EXPECT_TRUE(page->insights.empty());
  EXPECT_EQ(parse_copilot_summaries(R"({"sessionSummaries":{}})", "c1").error().code,
            errc::malformed_response);
}

// ---- sta

TEST(StaSummaries, SummaryAndInsightsNormalised) {
  auto page = parse_sta_summaries(R"({"entities":[
      {"id":"e1","conversationId":"c1","status":"Completed","summary":"Billing dispute.","confidence":0.7,
       "dateCreated":"2024-05-01T10:00:00Z",
       "insights":[{"type":"Reason","title":"Billing","description":"double charge"}]},
      {"id":"e2","conversationId":"c1","status":"Completed","summary":"x","dateCreated":"2024-05-01T10:00:00Z",
       "insights":[{"type":"Reason"}]},
      {"conversationId":"c1","status":"Completed","summary":"no id","dateCreated":"2024-05-01T10:00:00Z"},
      {"id":"e4","conversationId":"c1","status":"Bogus","summary":"x","dateCreated":"2024-05-01T10:00:00Z"},
      {"id":"e5","summary":"no status means final","dateCreated":"2024-05-01T10:00:00Z"}
    ]})",
                                  "c1");
  ASSERT_TRUE(page.has_value());
  EXPECT_THAT(ids(page->insights), ElementsAre("e1", "e1:insight:0", "e5"));
  EXPECT_EQ(page->insights[0].type, InsightType::summary);
  EXPECT_DOUBLE_EQ(page->insights[0].confidence, 0.7);
  EXPECT_EQ(page->insights[1].type, InsightType::topic);
  EXPECT_EQ(page->insights[1].text, "Billing: double charge");
  EXPECT_DOUBLE_EQ(page->insights[2].confidence, 1.0);
  EXPECT_THAT(locations(*page), ElementsAre("entities[1]", "entities[2]", "entities[3]"));
}

TEST(StaSummaries, RunningSummaryIsNotReady) {
  for (std::string status : {"Pending", "Queued", "Started", "Processing"}) {
    auto page = parse_sta_summaries(R"({"entities":[
        {"id":"e1","status":"Completed","summary":"done","dateCreated":"2024-05-01T10:00:00Z"},
        {"id":"e2","conversationId":"c1","status":")" +
                                        status + R"(","dateCreated":"2024-05-01T10:00:00Z"}]})",
                                    "c1");
    ASSERT_FALSE(page.has_value()) << status;
    EXPECT_EQ(page.error().code, errc::not_ready) << status;
    EXPECT_THAT(page.error().message, ::testing::HasSubstr(status));
  }
}

TEST(StaSummaries, OnlyFailedSummariesFailPermanently) {
  auto failed = parse_sta_summaries(R"({"entities":[{"id":"e1","status":"Error"}]})", "c1");
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().code, errc::permanent_failure);
  auto partly = parse_sta_summaries(R"({"entities":[{"id":"e1","status":"Error"},
      {"id":"e2","status":"Completed","summary":"ok","dateCreated":"2024-05-01T10:00:00Z"}]})",
                                    "c1");
  ASSERT_TRUE(partly.has_value());
  EXPECT_THAT(ids(partly->insights), ElementsAre("e2"));
  EXPECT_EQ(parse_sta_summaries(R"({"entities":{}})", "c1").error().code, errc::malformed_response);
}

TEST(StaSentiments, ReasonsBecomeSentimentInsights) {
  auto page = parse_sta_sentiments(R"({"conversation":{"id":"c1"},"overallSentimentScore":-0.2,
      "sentimentInsights":{
        "positiveSentimentReasons":[
          {"id":"r1","confidence":0.9,"dateCreated":"2024-05-01T10:00:00Z","title":"Quick fix","description":""},
          {"id":"r2","confidence":0.9,"dateCreated":"2024-05-01T10:00:00Z","title":3,"description":""}],
        "negativeSentimentReasons":[
          {"id":"r3","confidence":0.6,"dateCreated":"2024-05-01T10:00:00Z","title":"Long hold",
           "description":"20 minutes"},
          {"id":"r4","dateCreated":"2024-05-01T10:00:00Z","title":"Transfer","description":""},
          {"confidence":0.6,"dateCreated":"2024-05-01T10:00:00Z","title":"No id","description":""}]}})",
                                   "c1");
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->entities, 5);
  EXPECT_THAT(ids(page->insights), ElementsAre("r1", "r3", "r4"));
  EXPECT_EQ(page->insights[1].type, InsightType::sentiment);
  EXPECT_EQ(page->insights[0].text, "positive: Quick fix");
  EXPECT_EQ(page->insights[1].text, "negative: Long hold: 20 minutes");
  EXPECT_DOUBLE_EQ(page->insights[1].confidence, 0.6);
  EXPECT_DOUBLE_EQ(page->insights[2].confidence, 1.0);
  EXPECT_THAT(locations(*page), ElementsAre("sentimentInsights.positiveSentimentReasons[1]",
                                            "sentimentInsights.negativeSentimentReasons[2]"));
}

TEST(StaSentiments, MissingAnalysisIsEmptyAndWrongShapesAreMalformed) {
  auto none = parse_sta_sentiments(R"({"conversation":{"id":"c1"}})", "c1");
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->insights.empty());
  EXPECT_EQ(parse_sta_sentiments(R"({"sentimentInsights":[]})", "c1").error().code, errc::malformed_response);
  EXPECT_EQ(
      parse_sta_sentiments(R"({"sentimentInsights":{"negativeSentimentReasons":{}}})", "c1").error().code,
      errc::malformed_response);
}

// ---- client-side filters

Insight insight(std::string id, InsightType type, double confidence, std::string created) {
  return Insight{std::move(id), "c", type, confidence, "t", std::move(created), false, "sta"};
}

TEST(RetrievalFilters, TypesAndThresholdAlwaysApply) {
  auto r = retrieval();
  auto kept = apply_retrieval_filters({insight("a", InsightType::keyword, 0.9, "2024-01-01T00:00:00Z"),
                                       insight("b", InsightType::summary, 0.9, "2024-01-01T00:00:00Z"),
                                       insight("c", InsightType::sentiment, 0.5, "2024-01-01T00:00:00Z")},
                                      r, /*server_sorted=*/true);
  EXPECT_THAT(ids(kept), ElementsAre("a"));
}

TEST(RetrievalFilters, SortAndLimitOnOurSideWhenTheServerCannot) {
  auto r = retrieval();
  r.sort_by = SortBy::confidence;
  r.sort_order = SortOrder::asc;
  r.max_results = 2;
  std::vector<Insight> all{insight("a", InsightType::keyword, 0.95, "2024-01-03T00:00:00Z"),
                           insight("b", InsightType::keyword, 0.8, "2024-01-01T00:00:00Z"),
                           insight("c", InsightType::keyword, 0.9, "2024-01-02T00:00:00Z")};
  EXPECT_THAT(ids(apply_retrieval_filters(all, r, false)), ElementsAre("b", "c"));
  r.sort_by = SortBy::created_date;
  r.sort_order = SortOrder::desc;
  EXPECT_THAT(ids(apply_retrieval_filters(all, r, false)), ElementsAre("a", "c"));
  r.sort_by = SortBy::relevance;
  EXPECT_THAT(ids(apply_retrieval_filters(all, r, false)), ElementsAre("a", "b"));
  EXPECT_THAT(ids(apply_retrieval_filters(all, r, true)), ElementsAre("a", "b", "c"));
}

// Compared as strings, "10:00+02:00" (08:00 UTC) sorted after "09:00Z".
TEST(RetrievalFilters, CreatedDateSortsByInstantAcrossOffsets) {
  auto r = retrieval();
  r.sort_by = SortBy::created_date;
  r.sort_order = SortOrder::asc;
  std::vector<Insight> all{insight("utc-0900", InsightType::keyword, 0.9, "2024-01-01T09:00:00Z"),
                           insight("plus2-1000", InsightType::keyword, 0.9, "2024-01-01T10:00:00+02:00"),
                           insight("minus5-0430", InsightType::keyword, 0.9, "2024-01-01T04:30:00.5-05:00")};
  EXPECT_THAT(ids(apply_retrieval_filters(all, r, false)),
              ElementsAre("plus2-1000", "utc-0900", "minus5-0430"));
  r.sort_order = SortOrder::desc;
  EXPECT_THAT(ids(apply_retrieval_filters(all, r, false)),
              ElementsAre("minus5-0430", "utc-0900", "plus2-1000"));
}

}  // namespace
}  // namespace insightd::genesys
