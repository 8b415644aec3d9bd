// SPDX-License-Identifier: Apache-2.0
// Source `sta` (docs/architecture.md): Speech and Text Analytics summaries and sentiments.
#include <fmt/format.h>

#include <algorithm>
#include <boost/json/array.hpp>
#include <optional>

#include "entity_fields.hpp"
#include "insightd/common/rfc3339.hpp"
#include "insightd/genesys/source.hpp"
#include "sessions.hpp"
#include "url_builder.hpp"

namespace insightd::genesys {
namespace json = boost::json;
using detail::location;
using detail::number_field;
using detail::string_field;
using detail::SummaryStatus;

std::string sta_summaries_url(std::string_view api_base_url, std::string_view interaction_id) {
  return std::string(detail::api_url(api_base_url, {"api", "v2", "speechandtextanalytics", "conversations",
                                                    interaction_id, "summaries"})
                         .buffer());
}

std::string sta_sentiments_url(std::string_view api_base_url, std::string_view interaction_id) {
  return std::string(detail::api_url(api_base_url, {"api", "v2", "speechandtextanalytics", "conversations",
                                                    interaction_id, "sentiments"})
                         .buffer());
}

namespace {
// The fields every STA summary and sentiment reason carries.
struct Head {
  std::string id;
  std::string created;
  double confidence = 1.0;  // no score upstream: the analysis is final
};

// Reads id, dateCreated and an optional confidence; returns why they are unusable, or "".
std::string read_head(const json::object& o, Head& head) {
  auto id = string_field(o, "id");
  if (!id || id->empty()) return "missing or non-string id";
  auto created = string_field(o, "dateCreated");
  if (!created || !parse_rfc3339(*created)) return "missing or unparsable dateCreated";
  if (o.contains("confidence")) {
    auto value = number_field(o, "confidence");
    if (!value || *value < 0.0 || *value > 1.0) return "confidence not a number in 0..1";
    head.confidence = *value;
  }
  head.id = std::move(*id);
  head.created = std::move(*created);
  return {};
}

Insight sta_insight(std::string id, std::string_view interaction_id, InsightType type, const Head& head,
                    std::string text) {
  return Insight{
      std::move(id), std::string(interaction_id), type, head.confidence, std::move(text), head.created, false,
      "sta"};
}

// "title: description", or the title alone when there is no description.
std::optional<std::string> titled_text(const json::object& o) {
  auto title = string_field(o, "title");
  auto description = string_field(o, "description");
  if (!title || !description) return std::nullopt;
  return description->empty() ? *title : fmt::format("{}: {}", *title, *description);
}

// Appends the insights of one Completed summary entity; returns why it is unusable, or "".
std::string read_sta_summary(const json::object& e, std::string_view interaction_id,
                             std::vector<Insight>& out) {
  Head head;
  if (auto reason = read_head(e, head); !reason.empty()) return reason;
  auto summary = string_field(e, "summary");
  if (!summary) return "missing or non-string summary";
  std::vector<Insight> found;
  if (!summary->empty())
    found.push_back(sta_insight(head.id, interaction_id, InsightType::summary, head, *summary));
  if (const auto* insights = e.if_contains("insights"); insights && !insights->is_null()) {
    if (!insights->is_array()) return "insights is not an array";
    const auto& array = insights->get_array();
    for (std::size_t j = 0; j < array.size(); ++j) {
      const auto* insight = array[j].if_object();
      if (!insight) return fmt::format("insights[{}] is not an object", j);
      auto text = titled_text(*insight);
      if (!text || !string_field(*insight, "type"))
        return fmt::format("insights[{}] lacks a string type, title or description", j);
      found.push_back(sta_insight(fmt::format("{}:insight:{}", head.id, j), interaction_id,
                                  InsightType::topic, head, std::move(*text)));
    }
  }
  return detail::append_if_valid_utf8(found, out);
}
}  // namespace

result_with_message<Page> parse_sta_summaries(std::string_view body, std::string_view interaction_id) {
  auto object = detail::parse_object(body, "speech analytics summaries response");
  if (!object) return object.error();
  const auto* entities = object->if_contains("entities");
  if (!entities || !entities->is_array())
    return ErrorWithMessage{errc::malformed_response,
                            "speech analytics summaries response has no entities array"};
  const auto& array = entities->get_array();
  Page page;
  page.entities = static_cast<int>(array.size());
  detail::SummaryTally tally;
  for (std::size_t i = 0; i < array.size(); ++i) {
    auto where = location("entities", i);
    const auto* e = array[i].if_object();
    if (!e) {
      page.malformed.push_back({std::move(where), "not an object"});
      continue;
    }
    // Older payloads carry no status: such a summary is final.
    auto status =
        e->contains("status") ? string_field(*e, "status") : std::optional<std::string>("Completed");
    if (!status) {
      page.malformed.push_back({std::move(where), "non-string status"});
      continue;
    }
    const auto kind = tally.count(*status);
    if (kind == SummaryStatus::unknown) {
      page.malformed.push_back({std::move(where), "unknown status"});
      continue;
    }
    if (kind != SummaryStatus::completed) continue;  // running or failed: counted, nothing to read
    if (auto reason = read_sta_summary(*e, interaction_id, page.insights); !reason.empty()) {
      page.malformed.push_back({std::move(where), std::move(reason)});
      continue;
    }
    ++tally.completed;
  }
  if (auto verdict = tally.verdict("speech analytics summary"); !verdict) return verdict.error();
  return page;
}

result_with_message<Page> parse_sta_sentiments(std::string_view body, std::string_view interaction_id) {
  auto object = detail::parse_object(body, "speech analytics sentiments response");
  if (!object) return object.error();
  Page page;
  // No sentimentInsights: the conversation has no sentiment analysis (nothing to read).
  const auto* insights = object->if_contains("sentimentInsights");
  if (!insights || insights->is_null()) return page;
  if (!insights->is_object())
    return ErrorWithMessage{errc::malformed_response,
                            "speech analytics sentiments response has a non-object sentimentInsights"};
  for (std::string_view polarity : {"positive", "negative"}) {
    auto field = fmt::format("{}SentimentReasons", polarity);
    const auto* reasons = insights->get_object().if_contains(field);
    if (!reasons || reasons->is_null()) continue;
    if (!reasons->is_array())
      return ErrorWithMessage{errc::malformed_response,
                              fmt::format("speech analytics sentiments response has a non-array {}", field)};
    const auto& array = reasons->get_array();
    page.entities += static_cast<int>(array.size());
    for (std::size_t j = 0; j < array.size(); ++j) {
      auto where = location(fmt::format("sentimentInsights.{}", field), j);
      const auto* reason = array[j].if_object();
      Head head;
      std::string why = reason ? read_head(*reason, head) : "not an object";
      auto text = reason ? titled_text(*reason) : std::nullopt;
      if (why.empty() && !text) why = "missing or non-string title or description";
      if (!why.empty()) {
        page.malformed.push_back({std::move(where), std::move(why)});
        continue;
      }
      auto insight = sta_insight(head.id, interaction_id, InsightType::sentiment, head,
                                 fmt::format("{}: {}", polarity, *text));
      if (auto invalid = detail::invalid_utf8_reason(insight); !invalid.empty()) {
        page.malformed.push_back({std::move(where), std::move(invalid)});
        continue;
      }
      page.insights.push_back(std::move(insight));
    }
  }
  return page;
}

namespace {
// Summaries, then sentiments; each request only when its insight types are wanted.
class StaSession final : public SourceSession {
 public:
  StaSession(std::string api, RetrievalConfig retrieval, std::string interaction_id)
      : api_(std::move(api)), retrieval_(std::move(retrieval)), interaction_id_(std::move(interaction_id)) {
    if (detail::wants_any(retrieval_, {InsightType::summary, InsightType::topic}))
      steps_.push_back(Step::summaries);
    if (detail::wants_any(retrieval_, {InsightType::sentiment})) steps_.push_back(Step::sentiments);
  }

  std::optional<std::string> next_url() override {
    if (next_ >= steps_.size()) return std::nullopt;
    return steps_[next_] == Step::summaries ? sta_summaries_url(api_, interaction_id_)
                                            : sta_sentiments_url(api_, interaction_id_);
  }
  result_with_message<Page> read(std::string_view body) override {
    auto step = steps_.at(next_++);
    return step == Step::summaries ? parse_sta_summaries(body, interaction_id_)
                                   : parse_sta_sentiments(body, interaction_id_);
  }
  int requested_capacity() const override { return retrieval_.max_results; }
  std::vector<Insight> finish(std::vector<Insight> collected) const override {
    return apply_retrieval_filters(std::move(collected), retrieval_, /*server_sorted=*/false);
  }

 private:
  enum class Step { summaries, sentiments };
  std::string api_;
  RetrievalConfig retrieval_;
  std::string interaction_id_;
  std::vector<Step> steps_;
  std::size_t next_ = 0;
};
}  // namespace

std::unique_ptr<SourceSession> detail::make_sta_session(const std::string& api,
                                                        const RetrievalConfig& retrieval,
                                                        std::string interaction_id) {
  return std::make_unique<StaSession>(api, retrieval, std::move(interaction_id));
}

}  // namespace insightd::genesys
