// Source `agentassist` (SPEC §4): the paginated insights endpoint of the
// original design.
#include <fmt/format.h>

#include <boost/json/array.hpp>

#include "entity_fields.hpp"
#include "insightd/genesys/source.hpp"
#include "sessions.hpp"
#include "url_builder.hpp"

namespace insightd::genesys {
namespace json = boost::json;
using detail::location;
using detail::number_field;
using detail::string_field;

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
// The reason an entity is unusable, or empty when `out` was filled.
std::string read_entity(const json::value& value, std::string_view interaction_id, Insight& out) {
  const auto* e = value.if_object();
  if (!e) return "not an object";
  auto id = string_field(*e, "id");
  if (!id || id->empty()) return "missing or non-string id";
  auto type_name = string_field(*e, "insightType");
  if (!type_name) return "missing or non-string insightType";
  auto type = parse_insight_type(*type_name);
  if (!type) return "unknown insightType";
  auto confidence = number_field(*e, "confidence");
  if (!confidence) return "missing or non-numeric confidence";
  if (*confidence < 0.0 || *confidence > 1.0) return "confidence outside 0..1";
  auto text = string_field(*e, "text");
  if (!text) return "missing or non-string text";
  auto created = string_field(*e, "createdDate");
  if (!created || !detail::is_rfc3339(*created)) return "missing or unparsable createdDate";
  bool redacted = false;
  if (auto* r = e->if_contains("redacted")) {
    if (!r->is_bool()) return "non-boolean redacted";
    redacted = r->get_bool();
  }
  out = Insight{std::move(*id),   std::string(interaction_id), *type,    *confidence,
                std::move(*text), std::move(*created),         redacted, "agentassist"};
  return {};
}
}  // namespace

result<Page> parse_agentassist_page(std::string_view body, std::string_view interaction_id,
                                    std::string* detail) {
  auto object = detail::parse_object(body, "agentassist insights response", detail);
  if (!object) return object.error();
  const auto* entities = object->if_contains("entities");
  if (!entities || !entities->is_array()) {
    if (detail) *detail = "agentassist insights response has no entities array";
    return errc::malformed_response;
  }
  Page page;
  if (const auto* token = object->if_contains("nextPageToken"); token && !token->is_null()) {
    if (!token->is_string()) {
      if (detail) *detail = "agentassist insights response has a non-string nextPageToken";
      return errc::malformed_response;
    }
    page.next_page_token = std::string(token->get_string());
  }
  const auto& array = entities->get_array();
  page.entities = static_cast<int>(array.size());
  for (std::size_t i = 0; i < array.size(); ++i) {
    Insight insight;
    if (auto reason = read_entity(array[i], interaction_id, insight); !reason.empty()) {
      page.malformed.push_back({location("entities", i), std::move(reason)});
      continue;
    }
    page.insights.push_back(std::move(insight));
  }
  return page;
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

  result<Page> read(std::string_view body, std::string* detail) override {
    auto page = parse_agentassist_page(body, interaction_id_, detail);
    if (!page) return page;
    if (!page->next_page_token.empty() && page->next_page_token == next_page_token_) {
      // A server repeating its token would keep us paginating forever.
      if (detail) *detail = "agentassist insights response repeats its nextPageToken";
      return errc::malformed_response;
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
  bool done_ = false;
};
}  // namespace

std::unique_ptr<SourceSession> detail::make_agentassist_session(const std::string& api,
                                                                const RetrievalConfig& retrieval,
                                                                std::string interaction_id) {
  return std::make_unique<AgentAssistSession>(api, retrieval, std::move(interaction_id));
}

}  // namespace insightd::genesys
