#include "insightd/common/insight.hpp"

#include <boost/json/object.hpp>

namespace insightd {

std::string_view to_string(InsightType t) noexcept {
  switch (t) {
    case InsightType::keyword:
      return "keyword";
    case InsightType::summary:
      return "summary";
    case InsightType::sentiment:
      return "sentiment";
    case InsightType::topic:
      return "topic";
  }
  return "keyword";
}

std::optional<InsightType> parse_insight_type(std::string_view s) noexcept {
  if (s == "keyword") return InsightType::keyword;
  if (s == "summary") return InsightType::summary;
  if (s == "sentiment") return InsightType::sentiment;
  if (s == "topic") return InsightType::topic;
  return std::nullopt;
}

boost::json::object to_json(const Insight& insight, boost::json::storage_ptr sp) {
  boost::json::object o(8, std::move(sp));
  o["id"] = insight.id;
  o["interactionId"] = insight.interaction_id;
  o["insightType"] = to_string(insight.type);
  o["confidence"] = insight.confidence;
  o["text"] = insight.text;
  o["createdDate"] = insight.created_date;
  o["redacted"] = insight.redacted;
  o["source"] = insight.source;
  return o;
}

}  // namespace insightd
