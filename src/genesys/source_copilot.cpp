// SPDX-License-Identifier: Apache-2.0
// Source `copilot-summaries` (docs/architecture.md): Agent Copilot conversation summaries.
#include <fmt/format.h>

#include <algorithm>
#include <boost/json/array.hpp>

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

std::string copilot_summaries_url(std::string_view api_base_url, std::string_view interaction_id) {
  return std::string(
      detail::api_url(api_base_url, {"api", "v2", "conversations", interaction_id, "summaries"}).buffer());
}

namespace {
// Appends the insights of one Completed summary; returns why it is unusable, or "".
std::string read_summary(const json::object& s, std::string_view interaction_id, std::vector<Insight>& out) {
  auto id = string_field(s, "id");
  if (!id || id->empty()) return "missing or non-string id";
  auto text = string_field(s, "text");
  if (!text) return "missing or non-string text";
  auto created = string_field(s, "dateCreated");
  if (!created || !parse_rfc3339(*created)) return "missing or unparsable dateCreated";
  double confidence = 1.0;  // upstream gives no score: the summary is the model's final output
  if (s.contains("confidence")) {
    auto value = number_field(s, "confidence");
    if (!value || *value < 0.0 || *value > 1.0) return "confidence not a number in 0..1";
    confidence = *value;
  }
  std::vector<Insight> found;
  auto add = [&](std::string insight_id, InsightType type, std::string insight_text) {
    found.push_back(Insight{std::move(insight_id), std::string(interaction_id), type, confidence,
                            std::move(insight_text), *created, false, "copilot-summaries"});
  };
  if (!text->empty()) add(*id, InsightType::summary, *text);
  for (std::string_view topic : {"reason", "resolution", "followup"}) {
    const auto* field = s.if_contains(topic);
    if (!field || field->is_null()) continue;
    const auto* object = field->if_object();
    if (!object) return fmt::format("{} is not an object", topic);
    auto topic_text = string_field(*object, "text");
    if (!topic_text) return fmt::format("{}.text missing or not a string", topic);
    if (!topic_text->empty())
      add(fmt::format("{}:{}", *id, topic), InsightType::topic, std::move(*topic_text));
  }
  return detail::append_if_valid_utf8(found, out);
}
}  // namespace

result_with_message<Page> parse_copilot_summaries(std::string_view body, std::string_view interaction_id) {
  auto object = detail::parse_object(body, "conversation summaries response");
  if (!object) return object.error();

  // The conversation summary first, then the session summaries, each with its location.
  std::vector<std::pair<std::string, const json::value*>> summaries;
  if (const auto* summary = object->if_contains("summary"); summary && !summary->is_null())
    summaries.emplace_back("summary", summary);
  if (const auto* sessions = object->if_contains("sessionSummaries"); sessions && !sessions->is_null()) {
    if (!sessions->is_array())
      return ErrorWithMessage{errc::malformed_response,
                              "conversation summaries response has a non-array sessionSummaries"};
    const auto& array = sessions->get_array();
    for (std::size_t i = 0; i < array.size(); ++i)
      summaries.emplace_back(location("sessionSummaries", i), &array[i]);
  }

  Page page;
  page.entities = static_cast<int>(summaries.size());
  detail::SummaryTally tally;
  for (auto& [where, value] : summaries) {
    const auto* s = value->if_object();
    if (!s) {
      page.malformed.push_back({where, "not an object"});
      continue;
    }
    auto status = string_field(*s, "status");
    if (!status) {
      page.malformed.push_back({where, "missing or non-string status"});
      continue;
    }
    const auto kind = tally.count(*status);
    if (kind == SummaryStatus::unknown) {
      page.malformed.push_back({where, "unknown status"});
      continue;
    }
    if (kind != SummaryStatus::completed) continue;  // running or failed: counted, nothing to read
    if (auto reason = read_summary(*s, interaction_id, page.insights); !reason.empty()) {
      page.malformed.push_back({where, std::move(reason)});
      continue;
    }
    ++tally.completed;
  }
  if (auto verdict = tally.verdict("conversation summary"); !verdict) return verdict.error();
  return page;
}

namespace {
class CopilotSession final : public SourceSession {
 public:
  CopilotSession(std::string api, RetrievalConfig retrieval, std::string interaction_id)
      : api_(std::move(api)),
        retrieval_(std::move(retrieval)),
        interaction_id_(std::move(interaction_id)),
        // Summaries carry only summary and topic insights: skip the request when neither is wanted.
        done_(!detail::wants_any(retrieval_, {InsightType::summary, InsightType::topic})) {}

  std::optional<std::string> next_url() override {
    if (done_) return std::nullopt;
    return copilot_summaries_url(api_, interaction_id_);
  }
  result_with_message<Page> read(std::string_view body) override {
    done_ = true;
    return parse_copilot_summaries(body, interaction_id_);
  }
  int requested_capacity() const override { return retrieval_.max_results; }
  std::vector<Insight> finish(std::vector<Insight> collected) const override {
    return apply_retrieval_filters(std::move(collected), retrieval_, /*server_sorted=*/false);
  }

 private:
  std::string api_;
  RetrievalConfig retrieval_;
  std::string interaction_id_;
  bool done_;
};
}  // namespace

std::unique_ptr<SourceSession> detail::make_copilot_session(const std::string& api,
                                                            const RetrievalConfig& retrieval,
                                                            std::string interaction_id) {
  return std::make_unique<CopilotSession>(api, retrieval, std::move(interaction_id));
}

}  // namespace insightd::genesys
