// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/insight.hpp"

#include <boost/json/object.hpp>

#include "insightd/common/json_text.hpp"

namespace insightd {

std::string_view to_string(InsightType t) noexcept {
  return enum_to_string(t, "keyword");
}

std::optional<InsightType> parse_insight_type(std::string_view s) noexcept {
  return enum_from_string<InsightType>(s);
}

namespace {
// The record's JSON members, in order: the one list to_json and append_json share.
template <class Visit>
void visit_members(const Insight& insight, Visit&& visit) {
  visit("id", std::string_view(insight.id));
  visit("interactionId", std::string_view(insight.interaction_id));
  visit("insightType", to_string(insight.type));
  visit("confidence", insight.confidence);
  visit("text", std::string_view(insight.text));
  visit("createdDate", std::string_view(insight.created_date));
  visit("redacted", insight.redacted);
  visit("source", std::string_view(insight.source));
}

void append_member_value(std::string& out, std::string_view v) {
  json_text::append_string(out, v);
}
void append_member_value(std::string& out, double v) {
  json_text::append_number(out, v);
}
void append_member_value(std::string& out, bool v) {
  json_text::append_bool(out, v);
}
}  // namespace

boost::json::object to_json(const Insight& insight, boost::json::storage_ptr sp) {
  boost::json::object o(8, std::move(sp));
  visit_members(insight, [&o](std::string_view name, auto value) { o[name] = value; });
  return o;
}

void append_json(std::string& out, const Insight& insight) {
  char separator = '{';
  visit_members(insight, [&](std::string_view name, auto value) {
    out.push_back(separator);
    separator = ',';
    json_text::append_key(out, name);
    append_member_value(out, value);
  });
  out.push_back('}');
}

}  // namespace insightd
