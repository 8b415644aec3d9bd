// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <algorithm>
#include <boost/describe/members.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <boost/mp11/algorithm.hpp>
#include <ctime>
#include <stdexcept>
#include <type_traits>

#include "insightd/common/rfc3339.hpp"
#include "insightd/common/utf8.hpp"
#include "insightd/observability/audit.hpp"

namespace insightd::observability {
namespace {

constexpr std::size_t kMaxErrorBytes = 512;
constexpr std::size_t kMaxKindBytes = 32;

// Finding kinds are names chosen by the governance code ("email", "iban"); any
// other key (a bug passing matched text, say) must not carry text into the record.
std::string safe_kind(std::string_view kind) {
  const bool plain =
      !kind.empty() && kind.size() <= kMaxKindBytes && std::all_of(kind.begin(), kind.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      });
  return plain ? std::string(kind) : "other";
}

std::string capped_error(std::string_view error) {
  if (error.size() <= kMaxErrorBytes) return std::string(error);
  return std::string(utf8_prefix(error, kMaxErrorBytes)) + "...";
}

// One overload per kind of AuditRecord member, each way.
using TimePoint = std::chrono::system_clock::time_point;
using Findings = std::map<std::string, std::uint64_t>;

boost::json::value field_to_json(const TimePoint& t) {
  return boost::json::string(format_rfc3339(t));
}
boost::json::value field_to_json(const std::string& s) {
  return boost::json::string(capped_error(s));
}
template <described_enum E>
boost::json::value field_to_json(const E& e) {
  return boost::json::string(enum_to_string(e));
}
boost::json::value field_to_json(const Findings& findings) {
  boost::json::object pii;
  for (const auto& [kind, count] : findings) {
    auto& slot = pii[safe_kind(kind)];
    slot = (slot.is_uint64() ? slot.as_uint64() : 0) + count;
  }
  return pii;
}
template <class T>
boost::json::value field_to_json(const T& v) {
  return boost::json::value_from(v);  // numbers, bool, optional (null when absent)
}

void field_from_json(const boost::json::value& j, TimePoint& t) {
  auto parsed = parse_rfc3339(j.as_string());
  if (!parsed) throw std::invalid_argument("not an RFC 3339 timestamp");
  t = *parsed;
}
template <described_enum E>
void field_from_json(const boost::json::value& j, E& e) {
  auto parsed = enum_from_string<E>(j.as_string());
  if (!parsed)
    throw std::invalid_argument(fmt::format("unknown name \"{}\"", std::string_view(j.as_string())));
  e = *parsed;
}
template <class T>
void field_from_json(const boost::json::value& j, T& v) {
  v = boost::json::value_to<T>(j);
}

}  // namespace

std::string_view to_string(AuditOutcome outcome) noexcept {
  return enum_to_string(outcome);
}

using Members = boost::describe::describe_members<AuditRecord, boost::describe::mod_public>;

void tag_invoke(boost::json::value_from_tag, boost::json::value& json, const AuditRecord& r) {
  boost::json::object& o = json.emplace_object();
  boost::mp11::mp_for_each<Members>([&](auto member) { o[member.name] = field_to_json(r.*member.pointer); });
}

AuditRecord tag_invoke(boost::json::value_to_tag<AuditRecord>, const boost::json::value& json) {
  const boost::json::object& o = json.as_object();
  AuditRecord r;
  boost::mp11::mp_for_each<Members>([&](auto member) {
    const auto* field = o.if_contains(member.name);
    if (!field) throw std::invalid_argument(fmt::format("audit record: no field {}", member.name));
    try {
      field_from_json(*field, r.*member.pointer);
    } catch (const std::exception& e) {
      throw std::invalid_argument(fmt::format("audit record: field {}: {}", member.name, e.what()));
    }
  });
  return r;
}

boost::json::object to_json(const AuditRecord& r) {
  return std::move(boost::json::value_from(r).as_object());
}

std::string summary_line(const AuditRecord& r) {
  std::string line = fmt::format("interaction {} {}: {} insights, {} pages, {} ms", r.interaction_id,
                                 to_string(r.outcome), r.insight_count, r.pages, r.latency_ms);
  if (r.crm_webhook_status) line += fmt::format(", CRM {}", *r.crm_webhook_status);
  if (r.attempts > 1) line += fmt::format(", attempt {}", r.attempts);
  if (r.redaction_leaks > 0) line += fmt::format(", {} redaction leaks", r.redaction_leaks);
  if (!r.error.empty()) line += ": " + capped_error(r.error);
  // A journal MESSAGE is one line: never let an error reason break it.
  std::replace_if(
      line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return line;
}

}  // namespace insightd::observability
