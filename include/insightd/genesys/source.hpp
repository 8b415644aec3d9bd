// SPDX-License-Identifier: Apache-2.0
#pragma once
// Insight sources (docs/architecture.md): each knows its endpoints and how to turn their
// bodies into normalised insights. HTTP, tokens, rate limits and retries are
// the Fetcher's job; everything here is pure and unit-tested directly.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "insightd/common/error.hpp"
#include "insightd/common/insight.hpp"
#include "insightd/common/result_with_message.hpp"
#include "insightd/config/config.hpp"

namespace insightd::genesys {

// An entity that was skipped; `location` is like "entities[3]" and `reason`
// names the field at fault. Never carries entity text (it may hold PII).
struct MalformedEntity {
  std::string location;
  std::string reason;
};

// What one response body yielded.
struct Page {
  std::vector<Insight> insights;
  int entities = 0;  // entities the upstream returned, well-formed or not
  std::vector<MalformedEntity> malformed;
  std::string next_page_token;  // agentassist only; empty on the last page
};

// ---- agentassist: GET {api}/api/v2/agentassist/interactions/{id}/insights
// Query: insightType (repeated), confidenceThreshold, maxResults, sort,
// sortOrder, nextPageToken (when continuing). Entities are
// {id, insightType, confidence, text, createdDate, redacted?}.
std::string agentassist_url(std::string_view api_base_url, std::string_view interaction_id,
                            const RetrievalConfig& retrieval, std::string_view next_page_token = {});
result_with_message<Page> parse_agentassist_page(std::string_view body, std::string_view interaction_id);

// ---- copilot-summaries: GET {api}/api/v2/conversations/{id}/summaries
// {conversation, summary, sessionSummaries[]}; each summary {id, text, status,
// reason{text}, resolution{text}, followup{text}, dateCreated, confidence?}.
// Only Completed summaries count; any Pending/Queued/Started/Processing one
// gives errc::not_ready; when every summary is Error, errc::permanent_failure.
// Ids: the summary id, and "{id}:reason" etc. for the topics. No confidence
// from upstream means 1.0.
std::string copilot_summaries_url(std::string_view api_base_url, std::string_view interaction_id);
result_with_message<Page> parse_copilot_summaries(std::string_view body, std::string_view interaction_id);

// ---- sta: GET {api}/api/v2/speechandtextanalytics/conversations/{id}/summaries
// {entities[{id, conversationId, status, summary, confidence?, dateCreated,
// insights[{type, title, description}]}]}: summary -> summary ("{id}"), each
// insight -> topic ("{id}:insight:{j}", text "title: description"). Status as
// for copilot (absent means Completed): any Pending/Queued/Started/Processing
// entity gives errc::not_ready; every entity Error gives errc::permanent_failure.
// And .../{id}/sentiments: {conversation{id}, overallSentimentScore,
// sentimentInsights{positiveSentimentReasons[], negativeSentimentReasons[]}},
// each reason {id, confidence?, dateCreated, title, description} -> one
// sentiment ("{reason id}", text "positive: title: description"); the overall
// score is not an insight. No confidence from upstream means 1.0.
std::string sta_summaries_url(std::string_view api_base_url, std::string_view interaction_id);
std::string sta_sentiments_url(std::string_view api_base_url, std::string_view interaction_id);
result_with_message<Page> parse_sta_summaries(std::string_view body, std::string_view interaction_id);
result_with_message<Page> parse_sta_sentiments(std::string_view body, std::string_view interaction_id);

// The retrieval filters applied on our side: types and confidence threshold
// always (cheap, and guards against a server that ignored them); sorting and
// the max_results limit only when `server_sorted` is false. "relevance" keeps
// the upstream order (these APIs expose no relevance score).
std::vector<Insight> apply_retrieval_filters(std::vector<Insight> insights, const RetrievalConfig& retrieval,
                                             bool server_sorted);

// The requests of one interaction, in order, and the reading of their bodies.
class SourceSession {
 public:
  virtual ~SourceSession() = default;
  // The URL to GET next, or nullopt when everything was read.
  virtual std::optional<std::string> next_url() = 0;
  // Reads the 2xx body answering the last next_url().
  virtual result_with_message<Page> read(std::string_view body) = 0;
  // Page capacity requested by the last URL (the limit we asked for).
  virtual int requested_capacity() const = 0;
  // Client-side filters over everything collected.
  virtual std::vector<Insight> finish(std::vector<Insight> collected) const = 0;
};

class Source {
 public:
  virtual ~Source() = default;
  virtual std::string_view name() const noexcept = 0;  // "agentassist" | "copilot-summaries" | "sta"
  virtual std::unique_ptr<SourceSession> start(std::string interaction_id) const = 0;
};

std::unique_ptr<Source> make_source(SourceKind kind, std::string api_base_url, RetrievalConfig retrieval);

}  // namespace insightd::genesys
