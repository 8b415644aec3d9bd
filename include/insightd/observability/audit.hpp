// SPDX-License-Identifier: Apache-2.0
#pragma once
// One audit record per interaction cycle (docs/operations.md), written as one JSON line
// (stdout) or as journal fields (journald), separate from the operational log.
//
// PII never reaches an audit record (docs/pii.md): the record has no field for
// insight content. Strings are identifiers (interaction, webhook, correlation
// ids) and `error`, which callers fill with a reason only (an error code
// message, an HTTP status, an upstream message about the request), never with
// insight text. PII finding kinds are names such as "email"; a kind that is not
// a plain lower-case name is reported as "other".
#include <boost/describe/class.hpp>
#include <boost/json/conversion.hpp>
#include <boost/json/object.hpp>
#include <boost/system/error_code.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "insightd/common/enum_names.hpp"
#include "insightd/config/config.hpp"

namespace insightd::observability {

enum class AuditOutcome {
  done,    // delivered: the CRM answered 2xx
  retry,   // this cycle failed transiently; the interaction goes back to the queue
  failed,  // permanent failure (e.g. upstream 404, PII policy block)
  dead,    // gave up after the last attempt; kept as a dead letter
  parked,  // long-window rate limit: parked until the window passes
};
BOOST_DESCRIBE_ENUM(AuditOutcome, done, retry, failed, dead, parked)
std::string_view to_string(AuditOutcome outcome) noexcept;

struct AuditRecord {
  std::chrono::system_clock::time_point timestamp = std::chrono::system_clock::now();
  std::string interaction_id;
  SourceKind source = SourceKind::agentassist;
  AuditOutcome outcome = AuditOutcome::done;
  std::uint64_t insight_count = 0;
  std::uint64_t pages = 0;
  std::uint64_t latency_ms = 0;
  double utilization_rate = 0.0;  // entities returned / page capacity requested
  bool governance_pass = true;
  std::uint64_t stale_count = 0;
  std::map<std::string, std::uint64_t> pii_findings;  // kind -> count
  std::uint64_t redaction_leaks = 0;                  // PII found in insights the upstream marked redacted
  std::uint64_t malformed_skipped = 0;
  std::uint64_t retries = 0;
  std::uint64_t rate_limited_ms = 0;
  std::optional<unsigned> crm_webhook_status;  // absent when nothing was delivered
  std::string webhook_id;
  std::string correlation_id;  // upstream ININ-Correlation-Id of the last request
  std::string error;           // a reason without PII; empty on success
  std::uint64_t attempts = 0;
};
// The JSON keys are the member names, in this order.
BOOST_DESCRIBE_STRUCT(AuditRecord, (),
                      (timestamp, interaction_id, source, outcome, insight_count, pages, latency_ms,
                       utilization_rate, governance_pass, stale_count, pii_findings, redaction_leaks,
                       malformed_skipped, retries, rate_limited_ms, crm_webhook_status, webhook_id,
                       correlation_id, error, attempts))

// Every field, snake_case keys; timestamp in RFC 3339 (UTC, milliseconds),
// enums by name, crm_webhook_status null when absent, error "" on success;
// strings are capped at 512 bytes and PII kinds that are not plain names are
// counted as "other".
boost::json::object to_json(const AuditRecord& record);
// boost::json::value_from(record) and value_to<AuditRecord>(json): the same
// mapping both ways; value_to throws std::invalid_argument naming the field
// that is missing or malformed.
void tag_invoke(boost::json::value_from_tag, boost::json::value& json, const AuditRecord& record);
AuditRecord tag_invoke(boost::json::value_to_tag<AuditRecord>, const boost::json::value& json);

// One line for humans, e.g. "interaction abc done: 12 insights, 2 pages, 340 ms, CRM 200".
std::string summary_line(const AuditRecord& record);

class AuditSink {
 public:
  virtual ~AuditSink() = default;
  // Returns the failure (journal unreachable, stream closed) for the caller to log or count.
  virtual boost::system::error_code write(const AuditRecord& record) = 0;
};

// One JSON object per line, flushed after each record; safe from several threads.
std::unique_ptr<AuditSink> make_file_audit_sink(std::FILE* file);
std::unique_ptr<AuditSink> make_ostream_audit_sink(std::ostream& out);  // the stream must outlive the sink
// sd_journal_send with upper-case fields (INTERACTION_ID=, OUTCOME=, ...), see journald_audit_sink.cpp.
std::unique_ptr<AuditSink> make_journald_audit_sink();
// The "NAME=value" fields that sink sends (exposed for tests).
std::vector<std::string> audit_journal_fields(const AuditRecord& record);

// The fixed MESSAGE_ID of audit records in the journal, generated once with
// uuid4; find them all with `journalctl MESSAGE_ID=80f29912bfbb486292800b6fe555213f`.
inline constexpr std::string_view kAuditMessageId = "80f29912bfbb486292800b6fe555213f";

inline constexpr const char* kJournalSocketPath = "/run/systemd/journal/socket";

// What `automatic` looks at, separated out so the choice is testable.
struct AuditEnvironment {
  bool started_by_systemd = false;  // JOURNAL_STREAM or INVOCATION_ID is set
  bool journal_socket_exists = false;
};
AuditEnvironment current_audit_environment();
// automatic -> journald when started by systemd and the journal socket exists, else stdout_json.
AuditSinkKind resolve_audit_sink_kind(AuditSinkKind requested, const AuditEnvironment& env) noexcept;
std::unique_ptr<AuditSink> make_audit_sink(
    AuditSinkKind kind);  // resolves automatic with the real environment

}  // namespace insightd::observability
