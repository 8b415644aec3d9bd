// SPDX-License-Identifier: Apache-2.0
// Source `agentassist` (docs/architecture.md): the paginated insights endpoint of the
// original design. Its pages are parsed in agentassist_page.cpp.
#include <fmt/format.h>

#include <unordered_set>

#include "entity_fields.hpp"
#include "insightd/genesys/source.hpp"
#include "sessions.hpp"
#include "url_builder.hpp"

namespace insightd::genesys {

std::string agentassist_url(std::string_view api_base_url, std::string_view interaction_id,
                            const RetrievalConfig& retrieval, std::string_view next_page_token) {
  auto url =
      detail::api_url(api_base_url, {"api", "v2", "agentassist", "interactions", interaction_id, "insights"});
  for (auto type : retrieval.insight_types) detail::append_query(url, "insightType", to_string(type));
  detail::append_query(url, "confidenceThreshold", fmt::format("{}", retrieval.confidence_threshold));
  detail::append_query(url, "maxResults", std::to_string(retrieval.max_results));
  detail::append_query(url, "sort", to_string(retrieval.sort_by));
  detail::append_query(url, "sortOrder", to_string(retrieval.sort_order));
  if (!next_page_token.empty()) detail::append_query(url, "nextPageToken", next_page_token);
  return std::string(url.buffer());
}

namespace {
class AgentAssistSession final : public SourceSession {
 public:
  AgentAssistSession(const std::string& api, const RetrievalConfig& retrieval, std::string interaction_id)
      : api_(api), retrieval_(retrieval), interaction_id_(std::move(interaction_id)) {}

  std::optional<std::string> next_url() override {
    if (done_) return std::nullopt;
    return agentassist_url(api_, interaction_id_, retrieval_, next_page_token_);
  }

  result_with_message<Page> read(std::string_view body) override {
    auto page = parse_agentassist_page(body, interaction_id_);
    if (!page) return page;
    ++pages_read_;
    if (!page->next_page_token.empty() && !seen_tokens_.insert(page->next_page_token).second) {
      // A token seen before (A, B, A, ...) would keep us paginating forever,
      // re-reading the same pages.
      return ErrorWithMessage{
          errc::malformed_response,
          fmt::format("pagination stopped: page {} of the agentassist insights repeats a nextPageToken an "
                      "earlier page returned",
                      pages_read_)};
    }
    next_page_token_ = page->next_page_token;
    done_ = next_page_token_.empty();
    return page;
  }

  int requested_capacity() const override { return retrieval_.max_results; }

  std::vector<Insight> finish(std::vector<Insight> collected) const override {
    return apply_retrieval_filters(std::move(collected), retrieval_, /*server_sorted=*/true);
  }

 private:
  std::string api_;
  RetrievalConfig retrieval_;
  std::string interaction_id_;
  std::string next_page_token_;
  std::unordered_set<std::string> seen_tokens_;
  int pages_read_ = 0;
  bool done_ = false;
};
}  // namespace

std::unique_ptr<SourceSession> detail::make_agentassist_session(const std::string& api,
                                                                const RetrievalConfig& retrieval,
                                                                std::string interaction_id) {
  return std::make_unique<AgentAssistSession>(api, retrieval, std::move(interaction_id));
}

}  // namespace insightd::genesys
