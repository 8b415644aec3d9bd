// SPDX-License-Identifier: Apache-2.0
#include "entity_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <iterator>

#include "insightd/common/utf8.hpp"

namespace insightd::genesys::detail {

std::optional<std::string> string_field(const boost::json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->get_string());
}

std::optional<double> number_field(const boost::json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  if (!v) return std::nullopt;
  if (auto* d = v->if_double()) return *d;
  if (auto* i = v->if_int64()) return static_cast<double>(*i);
  if (auto* u = v->if_uint64()) return static_cast<double>(*u);
  return std::nullopt;
}

result_with_message<boost::json::object> parse_object(std::string_view body, std::string_view what) {
  boost::system::error_code ec;
  // One arena per response instead of one heap block per JSON node: a page is
  // read once and dropped whole (malloc/free were a third of the I/O thread).
  auto value =
      boost::json::parse(body, ec, boost::json::make_shared_resource<boost::json::monotonic_resource>(),
                         response_parse_options());
  if (ec) {
    return ErrorWithMessage{errc::malformed_response,
                              fmt::format("{} is not JSON: {}", what, ec.message())};
  }
  if (!value.is_object()) {
    return ErrorWithMessage{errc::malformed_response, fmt::format("{} is not a JSON object", what)};
  }
  return std::move(value.get_object());
}

bool wants_any(const RetrievalConfig& retrieval, std::initializer_list<InsightType> types) {
  const auto& wanted = retrieval.insight_types;
  return std::any_of(types.begin(), types.end(), [&](InsightType t) {
    return std::find(wanted.begin(), wanted.end(), t) != wanted.end();
  });
}

SummaryStatus SummaryTally::count(const std::string& status) {
  const auto kind = summary_status(status);
  if (kind == SummaryStatus::pending) pending_status = status;
  if (kind == SummaryStatus::failed) ++failed;
  return kind;
}

result_with_message<void> SummaryTally::verdict(std::string_view what) const {
  if (!pending_status.empty())
    return ErrorWithMessage{errc::not_ready,
                              fmt::format("{} not ready yet (status {})", what, pending_status)};
  if (completed == 0 && failed > 0)
    return ErrorWithMessage{errc::permanent_failure,
                              fmt::format("{} generation failed (status Error)", what)};
  return {};
}

SummaryStatus summary_status(std::string_view status) {
  if (status == "Completed") return SummaryStatus::completed;
  constexpr std::array<std::string_view, 4> kRunning{"Pending", "Queued", "Started", "Processing"};
  if (std::find(kRunning.begin(), kRunning.end(), status) != kRunning.end()) return SummaryStatus::pending;
  if (status == "Error" || status == "Failed") return SummaryStatus::failed;
  return SummaryStatus::unknown;
}

std::string invalid_utf8_reason(const Insight& insight) {
  if (auto at = first_invalid_utf8(insight.id)) return fmt::format("id is not valid UTF-8 (byte {})", *at);
  if (auto at = first_invalid_utf8(insight.text))
    return fmt::format("text is not valid UTF-8 (byte {})", *at);
  return {};
}

std::string append_if_valid_utf8(std::vector<Insight>& found, std::vector<Insight>& out) {
  for (const auto& insight : found) {
    if (auto reason = invalid_utf8_reason(insight); !reason.empty()) return reason;
  }
  std::move(found.begin(), found.end(), std::back_inserter(out));
  return {};
}

boost::json::parse_options response_parse_options() {
  boost::json::parse_options options;
  options.allow_invalid_utf8 = true;
  return options;
}

std::string location(std::string_view array, std::size_t index) {
  return fmt::format("{}[{}]", array, index);
}

}  // namespace insightd::genesys::detail
