// SPDX-License-Identifier: Apache-2.0
#include "insightd/pipeline/audit_context.hpp"

#include <spdlog/spdlog.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_to.hpp>

namespace insightd::pipeline {
namespace json = boost::json;

std::string encode_audit_context(const observability::AuditRecord& record) {
  return json::serialize(observability::to_json(record));
}

namespace {

std::uint64_t u64(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v) return 0;
  if (const auto* u = v->if_uint64()) return *u;
  if (const auto* i = v->if_int64()) return *i < 0 ? 0 : static_cast<std::uint64_t>(*i);
  return 0;
}

std::string str(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_string()) return {};
  return std::string(v->get_string());
}

SourceKind source_kind(std::string_view name) {
  if (name == "copilot-summaries") return SourceKind::copilot_summaries;
  if (name == "sta") return SourceKind::sta;
  return SourceKind::agentassist;
}

}  // namespace

observability::AuditRecord decode_audit_context(std::string_view context, std::string_view interaction_id) {
  observability::AuditRecord r;
  r.interaction_id = std::string(interaction_id);
  boost::system::error_code ec;
  auto value = json::parse(context, ec);
  if (ec || !value.is_object()) {
    spdlog::warn("interaction {}: unreadable audit context; writing a partial audit record", interaction_id);
    return r;
  }
  const auto& o = value.get_object();
  r.source = source_kind(str(o, "source"));
  r.insight_count = u64(o, "insight_count");
  r.pages = u64(o, "pages");
  r.latency_ms = u64(o, "latency_ms");
  if (const auto* v = o.if_contains("utilization_rate"); v && v->is_number())
    r.utilization_rate = v->to_number<double>();
  if (const auto* v = o.if_contains("governance_pass"); v && v->is_bool()) r.governance_pass = v->get_bool();
  r.stale_count = u64(o, "stale_count");
  if (const auto* v = o.if_contains("pii_findings"); v && v->is_object()) {
    for (const auto& [kind, count] : v->get_object()) {
      if (count.is_int64() || count.is_uint64())
        r.pii_findings[std::string(kind)] = count.to_number<std::uint64_t>();
    }
  }
  r.redaction_leaks = u64(o, "redaction_leaks");
  r.malformed_skipped = u64(o, "malformed_skipped");
  r.retries = u64(o, "retries");
  r.rate_limited_ms = u64(o, "rate_limited_ms");
  r.webhook_id = str(o, "webhook_id");
  r.correlation_id = str(o, "correlation_id");
  r.attempts = u64(o, "attempts");
  return r;
}

}  // namespace insightd::pipeline
