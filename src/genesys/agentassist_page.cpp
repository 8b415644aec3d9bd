// SPDX-License-Identifier: Apache-2.0
// parse_agentassist_page: one page of the agentassist insights endpoint, read
// straight into insight records by a streaming JSON parser. Building a JSON
// document first and copying the fields out of it was most of the daemon's
// time per page (bench/RESULTS.md); the checks and messages are the same.
#include <fmt/format.h>

#include <boost/json/basic_parser_impl.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "entity_fields.hpp"
#include "insightd/common/json_events.hpp"
#include "insightd/common/rfc3339.hpp"
#include "insightd/genesys/source.hpp"

namespace insightd::genesys {
namespace {

constexpr std::string_view kWhat = "agentassist insights response";

// One element of `entities` as read: a field is nullopt when absent or of the wrong JSON type.
struct RawEntity {
  bool is_object = false;
  std::optional<std::string> id, insight_type, text, created_date;
  std::optional<double> confidence;
  enum class Flag { absent, yes, no, wrong } redacted = Flag::absent;
};

// The reason an entity is unusable, or empty when `out` was filled.
std::string read_entity(RawEntity& e, std::string_view interaction_id, Insight& out) {
  if (!e.is_object) return "not an object";
  if (!e.id || e.id->empty()) return "missing or non-string id";
  if (!e.insight_type) return "missing or non-string insightType";
  auto type = parse_insight_type(*e.insight_type);
  if (!type) return "unknown insightType";
  if (!e.confidence) return "missing or non-numeric confidence";
  if (*e.confidence < 0.0 || *e.confidence > 1.0) return "confidence outside 0..1";
  if (!e.text) return "missing or non-string text";
  if (!e.created_date || !parse_rfc3339(*e.created_date)) return "missing or unparsable createdDate";
  if (e.redacted == RawEntity::Flag::wrong) return "non-boolean redacted";
  out = Insight{std::move(*e.id),
                std::string(interaction_id),
                *type,
                *e.confidence,
                std::move(*e.text),
                std::move(*e.created_date),
                e.redacted == RawEntity::Flag::yes,
                "agentassist"};
  return detail::invalid_utf8_reason(out);
}

// The member a value belongs to, resolved once per key.
enum class Field {
  none,
  entities,
  next_page_token,
  id,
  insight_type,
  confidence,
  text,
  created_date,
  redacted
};
enum class Kind { string, number, boolean, null, object, array };

// Handler for boost::json::basic_parser. Depth counts the open containers: the
// page object is depth 1, the entities array depth 2, an entity depth 3;
// anything deeper, or under other members, is skipped.
class PageHandler : public JsonEventsIgnored {
 public:
  bool root_is_object = false;
  bool has_entities_array = false;
  bool token_is_invalid = false;
  std::string next_page_token;
  std::vector<RawEntity> entities;

  bool on_object_begin(boost::system::error_code&) { return open(Kind::object); }
  bool on_object_end(std::size_t, boost::system::error_code&) { return close(); }
  bool on_array_begin(boost::system::error_code&) { return open(Kind::array); }
  bool on_array_end(std::size_t, boost::system::error_code&) { return close(); }
  bool on_key_part(std::string_view s, std::size_t, boost::system::error_code&) {
    key_.append(s);
    return true;
  }
  bool on_key(std::string_view s, std::size_t, boost::system::error_code&) {
    key_.append(s);
    field_ = field_for(key_);
    key_.clear();
    return true;
  }
  bool on_string_part(std::string_view s, std::size_t, boost::system::error_code&) {
    if (string_target() != nullptr) text_.append(s);
    return true;
  }
  bool on_string(std::string_view s, std::size_t, boost::system::error_code&) {
    if (auto* target = string_target()) {
      text_.append(s);
      *target = std::move(text_);
      text_.clear();
    }
    return value(Kind::string);
  }
  bool on_int64(std::int64_t v, std::string_view, boost::system::error_code&) {
    return number(static_cast<double>(v));
  }
  bool on_uint64(std::uint64_t v, std::string_view, boost::system::error_code&) {
    return number(static_cast<double>(v));
  }
  bool on_double(double v, std::string_view, boost::system::error_code&) { return number(v); }
  bool on_bool(bool b, boost::system::error_code&) {
    if (in_entity_field(Field::redacted))
      entities.back().redacted = b ? RawEntity::Flag::yes : RawEntity::Flag::no;
    return value(Kind::boolean);
  }
  bool on_null(boost::system::error_code&) { return value(Kind::null); }

 private:
  Field field_for(std::string_view key) const {
    if (depth_ == 1) {
      if (key == "entities") return Field::entities;
      if (key == "nextPageToken") return Field::next_page_token;
    } else if (depth_ == 3 && in_entity_) {
      if (key == "id") return Field::id;
      if (key == "insightType") return Field::insight_type;
      if (key == "confidence") return Field::confidence;
      if (key == "text") return Field::text;
      if (key == "createdDate") return Field::created_date;
      if (key == "redacted") return Field::redacted;
    }
    return Field::none;
  }

  bool in_entity_field(Field f) const { return depth_ == 3 && in_entity_ && field_ == f; }

  // Where the string being read goes, or null when it is not wanted.
  std::string* string_target() {
    if (depth_ == 1 && field_ == Field::next_page_token) return &next_page_token;
    if (depth_ != 3 || !in_entity_) return nullptr;
    auto* member = string_member(entities.back(), field_);
    if (member == nullptr) return nullptr;
    member->emplace();
    return &**member;
  }

  // The entity member a string field is read into; null for the other fields.
  static std::optional<std::string>* string_member(RawEntity& e, Field field) {
    switch (field) {
      case Field::id:
        return &e.id;
      case Field::insight_type:
        return &e.insight_type;
      case Field::text:
        return &e.text;
      case Field::created_date:
        return &e.created_date;
      default:
        return nullptr;
    }
  }

  bool number(double v) {
    if (in_entity_field(Field::confidence)) entities.back().confidence = v;
    return value(Kind::number);
  }

  // Bookkeeping for every value (a container at its start): the members whose
  // value has another type than expected, and the elements of `entities`.
  bool value(Kind kind) {
    if (depth_ == 0) {
      root_is_object = kind == Kind::object;
    } else if (depth_ == 1) {
      if (field_ == Field::entities) {
        has_entities_array = kind == Kind::array;
        opening_entities_ = has_entities_array;
      } else if (field_ == Field::next_page_token && kind != Kind::string) {
        next_page_token.clear();
        token_is_invalid = kind != Kind::null;
      } else if (field_ == Field::next_page_token) {
        token_is_invalid = false;
      }
    } else if (depth_ == 2 && in_entities_) {
      entities.emplace_back().is_object = kind == Kind::object;
      opening_entity_ = kind == Kind::object;
    } else if (depth_ == 3 && in_entity_) {
      auto& e = entities.back();
      if (auto* member = string_member(e, field_); member && kind != Kind::string) member->reset();
      if (field_ == Field::confidence && kind != Kind::number) e.confidence.reset();
      if (field_ == Field::redacted && kind != Kind::boolean) e.redacted = RawEntity::Flag::wrong;
    }
    if (depth_ == 1 || depth_ == 3) field_ = Field::none;
    return true;
  }

  bool open(Kind kind) {
    value(kind);
    ++depth_;
    if (std::exchange(opening_entities_, false)) in_entities_ = true;
    if (std::exchange(opening_entity_, false)) in_entity_ = true;
    return true;
  }

  bool close() {
    --depth_;
    if (in_entity_ && depth_ == 2) in_entity_ = false;
    if (in_entities_ && depth_ == 1) in_entities_ = false;
    return true;
  }

  int depth_ = 0;
  Field field_ = Field::none;
  bool in_entities_ = false, in_entity_ = false;
  bool opening_entities_ = false, opening_entity_ = false;
  std::string key_, text_;
};

ErrorWithMessage malformed(std::string message) {
  return {errc::malformed_response, std::move(message)};
}

}  // namespace

result_with_message<Page> parse_agentassist_page(std::string_view body, std::string_view interaction_id) {
  boost::json::basic_parser<PageHandler> parser(detail::response_parse_options());
  boost::system::error_code ec;
  const auto used = parser.write_some(false, body.data(), body.size(), ec);
  // The parser consumes whitespace after the document: anything left is more data.
  if (!ec && used != body.size()) ec = boost::json::error::extra_data;
  if (ec) return malformed(fmt::format("{} is not JSON: {}", kWhat, ec.message()));
  auto& h = parser.handler();
  if (!h.root_is_object) return malformed(fmt::format("{} is not a JSON object", kWhat));
  if (!h.has_entities_array) return malformed(fmt::format("{} has no entities array", kWhat));
  if (h.token_is_invalid) return malformed(fmt::format("{} has a non-string nextPageToken", kWhat));

  Page page;
  page.next_page_token = std::move(h.next_page_token);
  page.entities = static_cast<int>(h.entities.size());
  page.insights.reserve(h.entities.size());
  for (std::size_t i = 0; i < h.entities.size(); ++i) {
    Insight insight;
    if (auto reason = read_entity(h.entities[i], interaction_id, insight); !reason.empty()) {
      page.malformed.push_back({detail::location("entities", i), std::move(reason)});
      continue;
    }
    page.insights.push_back(std::move(insight));
  }
  return page;
}

}  // namespace insightd::genesys
