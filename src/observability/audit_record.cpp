// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <algorithm>
#include <ctime>

#include "insightd/common/rfc3339.hpp"
#include "insightd/common/utf8.hpp"
#include "insightd/observability/audit.hpp"

namespace insightd::observability {
namespace {

constexpr std::size_t max_error_bytes = 512;
constexpr std::size_t max_kind_bytes = 32;

// Finding kinds are names chosen by the governance code ("email", "iban"); any
// other key (a bug passing matched text, say) must not carry text into the record.
std::string safe_kind(std::string_view kind) {
  const bool plain =
      !kind.empty() && kind.size() <= max_kind_bytes && std::all_of(kind.begin(), kind.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      });
  return plain ? std::string(kind) : "other";
}

std::string capped_error(std::string_view error) {
  if (error.size() <= max_error_bytes) return std::string(error);
  return std::string(utf8_prefix(error, max_error_bytes)) + "...";
}

}  // namespace

std::string_view to_string(AuditOutcome outcome) noexcept {
  switch (outcome) {
    case AuditOutcome::done:
      return "done";
    case AuditOutcome::retry:
      return "retry";
    case AuditOutcome::failed:
      return "failed";
    case AuditOutcome::dead:
      return "dead";
    case AuditOutcome::parked:
      return "parked";
  }
  return "unknown";
}

boost::json::object to_json(const AuditRecord& r) {
  boost::json::object pii;
  for (const auto& [kind, count] : r.pii_findings) {
    auto& slot = pii[safe_kind(kind)];
    slot = (slot.is_uint64() ? slot.as_uint64() : 0) + count;
  }
  boost::json::object o;
  o["timestamp"] = format_rfc3339(r.timestamp);
  o["interaction_id"] = r.interaction_id;
  o["source"] = to_string(r.source);
  o["outcome"] = to_string(r.outcome);
  o["insight_count"] = r.insight_count;
  o["pages"] = r.pages;
  o["latency_ms"] = r.latency_ms;
  o["utilization_rate"] = r.utilization_rate;
  o["governance_pass"] = r.governance_pass;
  o["stale_count"] = r.stale_count;
  o["pii_findings"] = std::move(pii);
  o["redaction_leaks"] = r.redaction_leaks;
  o["malformed_skipped"] = r.malformed_skipped;
  o["retries"] = r.retries;
  o["rate_limited_ms"] = r.rate_limited_ms;
  if (r.crm_webhook_status)
    o["crm_webhook_status"] = *r.crm_webhook_status;
  else
    o["crm_webhook_status"] = nullptr;
  o["webhook_id"] = r.webhook_id;
  o["correlation_id"] = r.correlation_id;
  o["error"] = capped_error(r.error);
  o["attempts"] = r.attempts;
  return o;
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
