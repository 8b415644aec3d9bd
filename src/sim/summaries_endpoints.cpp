// SPDX-License-Identifier: Apache-2.0
// The real Genesys endpoints that carry the same information, built from the
// same deterministic insights:
//   GET /api/v2/conversations/{id}/summaries                             (copilot-summaries)
//   GET /api/v2/speechandtextanalytics/conversations/{id}/summaries      (sta)
//   GET /api/v2/speechandtextanalytics/conversations/{id}/sentiments     (sta)
// Shapes follow the public SDK models (ConversationSummariesGetResponse,
// SentimentInsights); fields insightd does not read are left out.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "insightd/common/rfc3339.hpp"
#include "insightd/sim/insight_data.hpp"
#include "sim_state.hpp"

namespace insightd::sim {
namespace {

struct SummaryMaterial {
  std::vector<SimInsight> summaries;  // type summary, plus the PII-carrying ones
  std::vector<SimInsight> topics;     // reason, resolution, followup
  std::vector<SimInsight> sentiments;
};

SummaryMaterial material_for(const SimState& state, const std::string& interaction_id) {
  SummaryMaterial m;
  for (auto& i : generate_insights(interaction_id, state.options.seed, state.anchor)) {
    if (i.type == "summary" || i.redacted)
      m.summaries.push_back(std::move(i));
    else if (i.type == "topic")
      m.topics.push_back(std::move(i));
    else if (i.type == "sentiment")
      m.sentiments.push_back(std::move(i));
  }
  return m;
}

// `notready`: the first summaries request of that ID finds the summary still being generated.
bool pending_now(SimState& state, const ApiCall& call) {
  return call.faults.not_ready && state.summary_requested_ids.insert(call.interaction_id).second;
}

boost::json::object copilot_summary(const SimInsight& s, const SummaryMaterial& m, bool pending) {
  boost::json::object o;
  if (!s.id.empty()) o["id"] = s.id;
  o["status"] = pending ? "Pending" : "Completed";
  o["mediaType"] = "Call";
  o["language"] = "en-US";
  o["dateCreated"] = s.created_text;
  if (pending) return o;
  o["text"] = s.text;
  o["confidence"] = s.confidence;
  static constexpr std::string_view kParts[] = {"reason", "resolution", "followup"};
  for (std::size_t i = 0; i < m.topics.size() && i < 3; ++i)
    o[kParts[i]] = boost::json::object{{"text", m.topics[i].text}};
  return o;
}

// A conversation always has one conversation-level summary, even if the generator produced none.
SimInsight conversation_summary(const SummaryMaterial& m, const std::string& interaction_id,
                                std::chrono::system_clock::time_point anchor) {
  if (!m.summaries.empty()) return m.summaries.front();
  SimInsight s;
  s.id = interaction_id + "-summary";
  s.interaction_id = interaction_id;
  s.type = "summary";
  s.confidence = 0.5;
  s.text = "Customer contacted support with a general account question.";
  s.created = anchor;
  s.created_text = format_rfc3339(anchor);
  return s;
}

}  // namespace

Reply copilot_summaries(SimState& state, const ApiCall& call) {
  const auto m = material_for(state, call.interaction_id);
  const bool pending = pending_now(state, call);
  boost::json::array sessions;
  for (const auto& s : m.summaries) sessions.push_back(copilot_summary(s, m, pending));
  boost::json::object body{
      {"conversation",
       {{"id", call.interaction_id}, {"selfUri", "/api/v2/conversations/" + call.interaction_id}}},
      {"summary", copilot_summary(conversation_summary(m, call.interaction_id, state.anchor), m, pending)},
      {"sessionSummaries", std::move(sessions)}};
  return {"copilot_summaries", json_response(200, body)};
}

Reply sta_summaries(SimState& state, const ApiCall& call) {
  const auto m = material_for(state, call.interaction_id);
  const bool pending = pending_now(state, call);
  static constexpr std::string_view kInsightTypes[] = {"Reason", "Resolution", "Followup"};
  boost::json::array entities;
  for (const auto& s : m.summaries) {
    boost::json::object e;
    if (!s.id.empty()) e["id"] = s.id;
    e["conversationId"] = call.interaction_id;
    e["status"] = pending ? "Pending" : "Completed";
    e["dateCreated"] = s.created_text;
    if (!pending) {
      e["summary"] = s.text;
      e["confidence"] = s.confidence;
      boost::json::array insights;
      for (std::size_t i = 0; i < m.topics.size() && i < 3; ++i)
        insights.push_back(
            {{"type", kInsightTypes[i]}, {"title", kInsightTypes[i]}, {"description", m.topics[i].text}});
      e["insights"] = std::move(insights);
    }
    entities.push_back(std::move(e));
  }
  return {"sta_summaries", json_response(200, boost::json::object{{"entities", std::move(entities)}})};
}

Reply sta_sentiments(SimState& state, const ApiCall& call) {
  const auto m = material_for(state, call.interaction_id);
  boost::json::array positive, negative;
  double score = 0.0;
  for (const auto& s : m.sentiments) {
    const bool is_negative = s.text.find("negative") != std::string::npos;
    const bool is_positive = s.text.find("positive") != std::string::npos;
    if (!is_negative && !is_positive) continue;
    // id, confidence and dateCreated go beyond SentimentInsightEntry{title, description}: see the sta notes.
    boost::json::object entry{{"title", is_positive ? "Positive sentiment" : "Negative sentiment"},
                              {"description", s.text},
                              {"confidence", s.confidence},
                              {"dateCreated", s.created_text}};
    if (!s.id.empty()) entry["id"] = s.id;
    (is_positive ? positive : negative).push_back(std::move(entry));
    score += is_positive ? s.confidence : -s.confidence;
  }
  const double n = static_cast<double>(positive.size() + negative.size());
  boost::json::object body{{"conversation", {{"id", call.interaction_id}}},
                           {"overallSentimentScore", n > 0 ? score / n : 0.0},
                           {"sentimentInsights",
                            {{"positiveSentimentReasons", std::move(positive)},
                             {"negativeSentimentReasons", std::move(negative)}}}};
  return {"sta_sentiments", json_response(200, body)};
}

}  // namespace insightd::sim
