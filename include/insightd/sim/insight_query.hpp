// SPDX-License-Identifier: Apache-2.0
#pragma once
// Server-side filtering, sorting and pagination of the agentassist endpoint.
#include <boost/url/params_view.hpp>
#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "insightd/sim/insight_data.hpp"

namespace insightd::sim {

// A Genesys-style error answer: {"status","code","message"}.
struct ApiError {
  unsigned status = 400;
  std::string code;
  std::string message;
};

enum class SortKey { relevance, confidence, created_date };

struct InsightQuery {
  std::vector<std::string> types;  // empty: every type
  double confidence_threshold = 0.0;
  std::size_t max_results = 25;
  SortKey sort = SortKey::relevance;
  bool descending = true;
  std::string page_token;  // empty: first page
};

inline constexpr std::size_t kMaxPageSize = 200;

// Reads insightType (repeated or comma-separated), confidenceThreshold,
// maxResults, sort, sortOrder and nextPageToken; a bad value is a 400.
std::variant<InsightQuery, ApiError> parse_insight_query(boost::urls::params_view params);

struct InsightPage {
  std::vector<SimInsight> entities;
  std::string next_page_token;  // empty on the last page
  std::size_t total_count = 0;  // after filtering
};

// Filters, sorts and cuts one page. The page token is opaque to clients and
// bound to the interaction and the filters it was issued for.
std::variant<InsightPage, ApiError> select_page(const std::vector<SimInsight>& all,
                                                std::string_view interaction_id, const InsightQuery& query);

}  // namespace insightd::sim
