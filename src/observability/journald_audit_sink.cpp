// SPDX-License-Identifier: Apache-2.0
// The journald audit sink: every field of the JSON record becomes a journal
// field with the upper-cased key (INTERACTION_ID=, OUTCOME=, INSIGHT_COUNT=,
// ...), so `journalctl -u insightd INTERACTION_ID=abc` finds the record.
// pii_findings is sent both as one JSON field (PII_FINDINGS=) and per kind
// (PII_FINDINGS_EMAIL=2) for matching. Absent values (crm_webhook_status) are
// left out. A record written while no journal runs is reported as ENOENT.
#include <fmt/format.h>
#include <sys/uio.h>
#include <syslog.h>
#include <systemd/sd-journal.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <vector>

#include "insightd/observability/audit.hpp"

namespace insightd::observability {
namespace {

std::string journal_field_name(std::string_view key) {
  std::string name(key);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
  return name;
}

std::string scalar_text(const boost::json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_double()) return fmt::format("{}", v.get_double());  // "0.06", not Boost.JSON's "6E-2"
  return boost::json::serialize(v);                             // integers, true/false
}

}  // namespace

std::vector<std::string> audit_journal_fields(const AuditRecord& record) {
  const boost::json::object json = to_json(record);
  std::vector<std::string> fields;
  fields.push_back("MESSAGE=" + summary_line(record));
  fields.push_back("MESSAGE_ID=" + std::string(kAuditMessageId));
  fields.push_back("PRIORITY=" +
                   std::to_string(record.outcome == AuditOutcome::done ? LOG_INFO : LOG_WARNING));
  fields.push_back("SYSLOG_IDENTIFIER=insightd");
  for (const auto& [key, value] : json) {
    const std::string name = journal_field_name(key);
    if (value.is_null()) continue;
    if (value.is_object()) {
      fields.push_back(name + "=" + boost::json::serialize(value));
      for (const auto& [kind, count] : value.get_object())
        fields.push_back(name + "_" + journal_field_name(kind) + "=" + scalar_text(count));
      continue;
    }
    fields.push_back(name + "=" + scalar_text(value));
  }
  return fields;
}

namespace {

class JournaldAuditSink final : public AuditSink {
 public:
  boost::system::error_code write(const AuditRecord& record) override {
    // sd_journal_sendv reports success when the journal is absent; an audit
    // record must not vanish silently, so say so.
    std::error_code exists_ec;
    if (!std::filesystem::exists(kJournalSocketPath, exists_ec))
      return {ENOENT, boost::system::system_category()};
    const std::vector<std::string> fields = audit_journal_fields(record);
    std::vector<iovec> iov;
    iov.reserve(fields.size());
    for (const auto& f : fields) iov.push_back({const_cast<char*>(f.data()), f.size()});
    // sd_journal_sendv is thread-safe and takes binary-safe fields.
    const int r = sd_journal_sendv(iov.data(), static_cast<int>(iov.size()));
    if (r < 0) return {-r, boost::system::system_category()};
    return {};
  }
};

}  // namespace

std::unique_ptr<AuditSink> make_journald_audit_sink() {
  return std::make_unique<JournaldAuditSink>();
}

}  // namespace insightd::observability
