// SPDX-License-Identifier: Apache-2.0
#include "insightd/genesys/source.hpp"

#include <algorithm>
#include <chrono>

#include "insightd/common/rfc3339.hpp"
#include "sessions.hpp"

namespace insightd::genesys {

std::vector<Insight> apply_retrieval_filters(std::vector<Insight> insights, const RetrievalConfig& retrieval,
                                             bool server_sorted) {
  const auto& types = retrieval.insight_types;
  std::erase_if(insights, [&](const Insight& i) {
    return std::find(types.begin(), types.end(), i.type) == types.end() ||
           i.confidence < retrieval.confidence_threshold;
  });
  if (server_sorted) return insights;

  const bool ascending = retrieval.sort_order == SortOrder::asc;
  switch (retrieval.sort_by) {
    case SortBy::relevance:
      break;  // no relevance score upstream: keep the upstream order
    case SortBy::confidence:
      std::stable_sort(insights.begin(), insights.end(), [ascending](const Insight& a, const Insight& b) {
        return ascending ? a.confidence < b.confidence : a.confidence > b.confidence;
      });
      break;
    case SortBy::created_date: {
      // By instant, not by string: "10:00+02:00" is earlier than "09:00Z".
      // The page parsers reject unparsable dates, so min() never sorts here.
      const auto instant = [](const Insight& i) {
        return parse_rfc3339(i.created_date).value_or(std::chrono::system_clock::time_point::min());
      };
      std::stable_sort(insights.begin(), insights.end(), [&](const Insight& a, const Insight& b) {
        return ascending ? instant(a) < instant(b) : instant(a) > instant(b);
      });
      break;
    }
  }
  if (retrieval.max_results > 0 && insights.size() > static_cast<std::size_t>(retrieval.max_results))
    insights.resize(static_cast<std::size_t>(retrieval.max_results));
  return insights;
}

namespace {
class ConfiguredSource final : public Source {
 public:
  ConfiguredSource(SourceKind kind, std::string api, RetrievalConfig retrieval)
      : kind_(kind), api_(std::move(api)), retrieval_(std::move(retrieval)) {}

  std::string_view name() const noexcept override { return to_string(kind_); }

  std::unique_ptr<SourceSession> start(std::string interaction_id) const override {
    switch (kind_) {
      case SourceKind::agentassist:
        return detail::make_agentassist_session(api_, retrieval_, std::move(interaction_id));
      case SourceKind::copilot_summaries:
        return detail::make_copilot_session(api_, retrieval_, std::move(interaction_id));
      case SourceKind::sta:
        return detail::make_sta_session(api_, retrieval_, std::move(interaction_id));
    }
    return detail::make_agentassist_session(api_, retrieval_, std::move(interaction_id));
  }

 private:
  SourceKind kind_;
  std::string api_;
  RetrievalConfig retrieval_;
};
}  // namespace

std::unique_ptr<Source> make_source(SourceKind kind, std::string api_base_url, RetrievalConfig retrieval) {
  return std::make_unique<ConfiguredSource>(kind, std::move(api_base_url), std::move(retrieval));
}

}  // namespace insightd::genesys
