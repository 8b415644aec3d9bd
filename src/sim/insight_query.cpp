// SPDX-License-Identifier: Apache-2.0
#include "insightd/sim/insight_query.hpp"

#include <algorithm>
#include <boost/algorithm/string/classification.hpp>
#include <boost/algorithm/string/split.hpp>
#include <charconv>
#include <string>

#include "insightd/common/crypto.hpp"

namespace insightd::sim {
namespace {

ApiError bad_value(std::string_view name, std::string_view value, std::string_view expected) {
  std::string msg = "Invalid value '";
  msg.append(value).append("' for query parameter ").append(name).append(": expected ").append(expected);
  return ApiError{400, "invalid.value", std::move(msg)};
}

bool known_type(std::string_view t) {
  return t == "keyword" || t == "summary" || t == "sentiment" || t == "topic";
}

// Binds a page token to the query it continues, so a token reused with other filters is refused.
std::string fingerprint(std::string_view interaction_id, const InsightQuery& q) {
  std::string material(interaction_id);
  for (const auto& t : q.types) material.append("|").append(t);
  material.append("|").append(std::to_string(q.confidence_threshold));
  material.append("|").append(std::to_string(static_cast<int>(q.sort))).append(q.descending ? "d" : "a");
  return crypto::sha256_hex(material).substr(0, 12);
}

std::optional<std::size_t> offset_from_token(std::string_view token, std::string_view expected_fingerprint) {
  auto dash = token.find('-');
  if (dash == std::string_view::npos || token.substr(0, dash) != expected_fingerprint) return std::nullopt;
  std::size_t offset = 0;
  auto digits = token.substr(dash + 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), offset);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) return std::nullopt;
  return offset;
}

bool passes(const SimInsight& i, const InsightQuery& q) {
  if (i.malformed) return true;  // a buggy upstream does not filter its own garbage
  if (i.confidence < q.confidence_threshold) return false;
  return q.types.empty() || std::find(q.types.begin(), q.types.end(), i.type) != q.types.end();
}

// "Ascending" in the order the caller asked for; ties fall back to generation order.
bool before(const SimInsight& a, const SimInsight& b, const InsightQuery& q) {
  switch (q.sort) {
    case SortKey::relevance:  // rank 0 is the most relevant: descending relevance = ascending rank
      return q.descending ? a.rank < b.rank : a.rank > b.rank;
    case SortKey::confidence:
      if (a.confidence != b.confidence)
        return q.descending ? a.confidence > b.confidence : a.confidence < b.confidence;
      break;
    case SortKey::created_date:
      if (a.created != b.created) return q.descending ? a.created > b.created : a.created < b.created;
      break;
  }
  return a.rank < b.rank;
}

}  // namespace

std::variant<InsightQuery, ApiError> parse_insight_query(boost::urls::params_view params) {
  InsightQuery q;
  for (const auto& p : params) {
    const std::string_view value = p.value;
    if (p.key == "insightType") {
      std::vector<std::string> parts;
      boost::algorithm::split(parts, value, boost::algorithm::is_any_of(","));
      for (auto& t : parts) {
        if (!known_type(t)) return bad_value(p.key, t, "keyword, summary, sentiment or topic");
        if (std::find(q.types.begin(), q.types.end(), t) == q.types.end()) q.types.push_back(std::move(t));
      }
    } else if (p.key == "confidenceThreshold") {
      double v = -1;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
      if (ec != std::errc() || end != value.data() + value.size() || v < 0.0 || v > 1.0)
        return bad_value(p.key, value, "a number from 0.0 to 1.0");
      q.confidence_threshold = v;
    } else if (p.key == "maxResults") {
      std::size_t v = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
      if (ec != std::errc() || end != value.data() + value.size() || v < 1 || v > kMaxPageSize)
        return bad_value(p.key, value, "an integer from 1 to 200");
      q.max_results = v;
    } else if (p.key == "sort") {
      if (value == "relevance")
        q.sort = SortKey::relevance;
      else if (value == "confidence")
        q.sort = SortKey::confidence;
      else if (value == "createdDate")
        q.sort = SortKey::created_date;
      else
        return bad_value(p.key, value, "relevance, confidence or createdDate");
    } else if (p.key == "sortOrder") {
      if (value != "asc" && value != "desc") return bad_value(p.key, value, "asc or desc");
      q.descending = value == "desc";
    } else if (p.key == "nextPageToken") {
      q.page_token = value;
    }
    // Unknown parameters are ignored, as the real API does.
  }
  return q;
}

std::variant<InsightPage, ApiError> select_page(const std::vector<SimInsight>& all,
                                                std::string_view interaction_id, const InsightQuery& query) {
  const std::string fp = fingerprint(interaction_id, query);
  std::size_t offset = 0;
  if (!query.page_token.empty()) {
    auto parsed = offset_from_token(query.page_token, fp);
    if (!parsed)
      return ApiError{400, "invalid.value", "nextPageToken is not valid for this interaction and query"};
    offset = *parsed;
  }

  std::vector<SimInsight> matching;
  std::copy_if(all.begin(), all.end(), std::back_inserter(matching),
               [&query](const SimInsight& i) { return passes(i, query); });
  std::stable_sort(matching.begin(), matching.end(),
                   [&query](const SimInsight& a, const SimInsight& b) { return before(a, b, query); });

  InsightPage page;
  page.total_count = matching.size();
  if (offset > matching.size())
    return ApiError{400, "invalid.value", "nextPageToken is past the end of the results"};
  const std::size_t end = std::min(matching.size(), offset + query.max_results);
  page.entities.assign(std::make_move_iterator(matching.begin() + static_cast<std::ptrdiff_t>(offset)),
                       std::make_move_iterator(matching.begin() + static_cast<std::ptrdiff_t>(end)));
  if (end < matching.size()) page.next_page_token = fp + "-" + std::to_string(end);
  return page;
}

}  // namespace insightd::sim
