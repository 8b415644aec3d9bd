// SPDX-License-Identifier: Apache-2.0
// Writes an audit record to the real journal and reads it back by
// INTERACTION_ID. Skipped where no journal runs (containers, CI without systemd).
#include <gtest/gtest.h>
#include <systemd/sd-journal.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "insightd/common/crypto.hpp"
#include "insightd/observability/audit.hpp"

namespace insightd::observability {
namespace {

using JournalPtr = std::unique_ptr<sd_journal, decltype(&sd_journal_close)>;

// Every field of the first entry matching `match`, waiting up to `bound` for it to be indexed.
std::map<std::string, std::string> read_entry(sd_journal* j, const std::string& match,
                                              std::chrono::seconds bound) {
  std::map<std::string, std::string> fields;
  if (sd_journal_add_match(j, match.data(), match.size()) < 0) return fields;
  const auto deadline = std::chrono::steady_clock::now() + bound;
  while (std::chrono::steady_clock::now() < deadline) {
    sd_journal_seek_head(j);
    if (sd_journal_next(j) > 0) {
      const void* data = nullptr;
      std::size_t length = 0;
      SD_JOURNAL_FOREACH_DATA(j, data, length) {
        const std::string field(static_cast<const char*>(data), length);
        const auto eq = field.find('=');
        if (eq != std::string::npos) fields[field.substr(0, eq)] = field.substr(eq + 1);
      }
      return fields;
    }
    sd_journal_wait(j, 500'000);  // woken early when the journal changes
  }
  return fields;
}

TEST(JournaldAuditSink, RecordIsFoundByItsInteractionId) {
  if (!std::filesystem::exists(kJournalSocketPath))
    GTEST_SKIP() << "no systemd journal running here (" << kJournalSocketPath << " is absent)";
  sd_journal* raw = nullptr;
  if (sd_journal_open(&raw, SD_JOURNAL_LOCAL_ONLY) < 0)
    GTEST_SKIP() << "the journal cannot be opened for reading by this user";
  JournalPtr journal(raw, &sd_journal_close);

  AuditRecord r;
  r.interaction_id = "insightd-test-" + crypto::random_hex(8);
  r.source = SourceKind::copilot_summaries;
  r.outcome = AuditOutcome::dead;
  r.insight_count = 3;
  r.pii_findings = {{"email", 2}};
  r.crm_webhook_status = 503;
  r.error = "CRM answered 503 on the last attempt";
  r.attempts = 12;
  ASSERT_FALSE(make_journald_audit_sink()->write(r));

  const auto fields =
      read_entry(journal.get(), "INTERACTION_ID=" + r.interaction_id, std::chrono::seconds(20));
  ASSERT_FALSE(fields.empty()) << "the record did not show up in the journal";
  EXPECT_EQ(fields.at("MESSAGE_ID"), kAuditMessageId);
  EXPECT_EQ(fields.at("SYSLOG_IDENTIFIER"), "insightd");
  EXPECT_EQ(fields.at("PRIORITY"), "4");
  EXPECT_EQ(fields.at("OUTCOME"), "dead");
  EXPECT_EQ(fields.at("SOURCE"), "copilot-summaries");
  EXPECT_EQ(fields.at("INSIGHT_COUNT"), "3");
  EXPECT_EQ(fields.at("PII_FINDINGS_EMAIL"), "2");
  EXPECT_EQ(fields.at("CRM_WEBHOOK_STATUS"), "503");
  EXPECT_EQ(fields.at("ATTEMPTS"), "12");
  EXPECT_EQ(fields.at("ERROR"), r.error);
  EXPECT_NE(fields.at("MESSAGE").find(r.interaction_id), std::string::npos);
}

}  // namespace
}  // namespace insightd::observability

namespace insightd::observability {
namespace {

// The field mapping, checked without a journal.
TEST(JournaldAuditFields, EveryRecordFieldBecomesAnUpperCaseJournalField) {
  AuditRecord r;
  r.interaction_id = "abc";
  r.outcome = AuditOutcome::done;
  r.pii_findings = {{"email", 2}, {"iban", 1}};
  r.utilization_rate = 0.06;
  r.crm_webhook_status = std::nullopt;
  std::map<std::string, std::string> fields;
  for (const auto& f : audit_journal_fields(r)) {
    const auto eq = f.find('=');
    ASSERT_NE(eq, std::string::npos) << f;
    EXPECT_TRUE(fields.emplace(f.substr(0, eq), f.substr(eq + 1)).second) << "repeated " << f;
  }
  EXPECT_EQ(fields.at("MESSAGE_ID"), kAuditMessageId);
  EXPECT_EQ(fields.at("PRIORITY"), "6");
  EXPECT_EQ(fields.at("SYSLOG_IDENTIFIER"), "insightd");
  EXPECT_EQ(fields.at("MESSAGE"), "interaction abc done: 0 insights, 0 pages, 0 ms");
  EXPECT_EQ(fields.at("INTERACTION_ID"), "abc");
  EXPECT_EQ(fields.at("PII_FINDINGS"), R"({"email":2,"iban":1})");
  EXPECT_EQ(fields.at("PII_FINDINGS_EMAIL"), "2");
  EXPECT_EQ(fields.at("PII_FINDINGS_IBAN"), "1");
  EXPECT_EQ(fields.at("GOVERNANCE_PASS"), "true");
  EXPECT_EQ(fields.at("UTILIZATION_RATE"), "0.06");
  EXPECT_FALSE(fields.contains("CRM_WEBHOOK_STATUS"));  // absent, not "null"
  for (const char* name : {"TIMESTAMP", "SOURCE", "OUTCOME", "INSIGHT_COUNT", "PAGES", "LATENCY_MS",
                           "STALE_COUNT", "REDACTION_LEAKS", "MALFORMED_SKIPPED", "RETRIES",
                           "RATE_LIMITED_MS", "WEBHOOK_ID", "CORRELATION_ID", "ERROR", "ATTEMPTS"})
    EXPECT_TRUE(fields.contains(name)) << name;
  for (const auto& [name, _] : fields)  // journal field names: A-Z 0-9 _, not leading _
    EXPECT_TRUE(!name.empty() && name.front() != '_' &&
                name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == std::string::npos)
        << name;
}

// libsystemd drops records silently when the journal is absent; the sink must not.
TEST(JournaldAuditSink, ReportsAnErrorWhenNoJournalRuns) {
  if (std::filesystem::exists(kJournalSocketPath)) GTEST_SKIP() << "a journal runs here";
  AuditRecord r;
  r.interaction_id = "lost";
  EXPECT_EQ(make_journald_audit_sink()->write(r), boost::system::errc::no_such_file_or_directory);
}

TEST(JournaldAuditFields, FailuresAreWarnings) {
  AuditRecord r;
  r.outcome = AuditOutcome::failed;
  const auto fields = audit_journal_fields(r);
  EXPECT_NE(std::find(fields.begin(), fields.end(), "PRIORITY=4"), fields.end());
}

}  // namespace
}  // namespace insightd::observability
