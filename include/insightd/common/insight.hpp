// SPDX-License-Identifier: Apache-2.0
#pragma once
// The normalised insight record every source yields (docs/architecture.md).
#include <boost/json/fwd.hpp>
#include <boost/json/storage_ptr.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "insightd/common/enum_names.hpp"

namespace insightd {

enum class InsightType { keyword, summary, sentiment, topic };
BOOST_DESCRIBE_ENUM(InsightType, keyword, summary, sentiment, topic)

std::string_view to_string(InsightType t) noexcept;
std::optional<InsightType> parse_insight_type(std::string_view s) noexcept;

struct Insight {
  std::string id;
  std::string interaction_id;
  InsightType type = InsightType::keyword;
  double confidence = 0.0;
  std::string text;
  std::string created_date;  // RFC 3339 / ISO 8601 as the upstream sent it
  bool redacted = false;
  std::string source;  // "agentassist" | "copilot-summaries" | "sta"

  friend bool operator==(const Insight&, const Insight&) = default;
};

// {id, interactionId, insightType, confidence, text, createdDate, redacted, source}
// sp: the memory resource of the document it goes into (the default heap if none).
boost::json::object to_json(const Insight& insight, boost::json::storage_ptr sp = {});
// The same object as JSON text, appended to out (the webhook bodies: no document built).
void append_json(std::string& out, const Insight& insight);

}  // namespace insightd
