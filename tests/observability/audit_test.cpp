// SPDX-License-Identifier: Apache-2.0
#include "insightd/observability/audit.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <cstdio>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include "insightd/common/insight.hpp"

namespace insightd::observability {
namespace {

using namespace std::chrono;

// docs/operations.md lists these; error and attempts are ours. Adding a key here is a
// decision to review: a free-text field could carry PII into the audit trail.
const std::set<std::string> audit_keys{
    "timestamp",         "interaction_id", "source",          "outcome",
    "insight_count",     "pages",          "latency_ms",      "utilization_rate",
    "governance_pass",   "stale_count",    "pii_findings",    "redaction_leaks",
    "malformed_skipped", "retries",        "rate_limited_ms", "crm_webhook_status",
    "webhook_id",        "correlation_id", "error",           "attempts"};

std::set<std::string> keys_of(const boost::json::object& o) {
  std::set<std::string> keys;
  for (const auto& [k, _] : o) keys.insert(std::string(k));
  return keys;
}

AuditRecord delivered_record() {
  AuditRecord r;
  r.timestamp = sys_days{2026y / 11 / 24} + 1h + 2min + 3s + 456ms;
  r.interaction_id = "6f1c2b9e-0d1a-4e33-9d3e-1f2a3b4c5d6e";
  r.source = SourceKind::agentassist;
  r.outcome = AuditOutcome::done;
  r.insight_count = 12;
  r.pages = 2;
  r.latency_ms = 340;
  r.utilization_rate = 0.06;
  r.governance_pass = true;
  r.stale_count = 1;
  r.pii_findings = {{"email", 2}, {"phone", 1}};
  r.malformed_skipped = 1;
  r.retries = 0;
  r.rate_limited_ms = 250;
  r.crm_webhook_status = 200;
  r.webhook_id = "msg_2b8f";
  r.correlation_id = "c0ffee-1234";
  r.attempts = 1;
  return r;
}

TEST(AuditRecord, DeliveredRecordHasEveryFieldWithItsValue) {
  const boost::json::object j = to_json(delivered_record());
  EXPECT_EQ(keys_of(j), audit_keys);
  EXPECT_EQ(j.at("timestamp"), "2026-11-24T01:02:03.456Z");
  EXPECT_EQ(j.at("interaction_id"), "6f1c2b9e-0d1a-4e33-9d3e-1f2a3b4c5d6e");
  EXPECT_EQ(j.at("source"), "agentassist");
  EXPECT_EQ(j.at("outcome"), "done");
  EXPECT_EQ(j.at("insight_count").to_number<int>(), 12);
  EXPECT_EQ(j.at("pages").to_number<int>(), 2);
  EXPECT_EQ(j.at("latency_ms").to_number<int>(), 340);
  EXPECT_DOUBLE_EQ(j.at("utilization_rate").to_number<double>(), 0.06);
  EXPECT_EQ(j.at("governance_pass"), true);
  EXPECT_EQ(j.at("stale_count").to_number<int>(), 1);
  EXPECT_EQ(j.at("pii_findings"), (boost::json::object{{"email", 2u}, {"phone", 1u}}));
  EXPECT_EQ(j.at("redaction_leaks").to_number<int>(), 0);
  EXPECT_EQ(j.at("malformed_skipped").to_number<int>(), 1);
  EXPECT_EQ(j.at("rate_limited_ms").to_number<int>(), 250);
  EXPECT_EQ(j.at("crm_webhook_status").to_number<int>(), 200);
  EXPECT_EQ(j.at("webhook_id"), "msg_2b8f");
  EXPECT_EQ(j.at("correlation_id"), "c0ffee-1234");
  EXPECT_EQ(j.at("error"), "");
  EXPECT_EQ(j.at("attempts").to_number<int>(), 1);
}

TEST(AuditRecord, FailedRecordCarriesTheReasonAndNoWebhookStatus) {
  AuditRecord r;
  r.interaction_id = "abc";
  r.source = SourceKind::sta;
  r.outcome = AuditOutcome::failed;
  r.governance_pass = false;
  r.error = "upstream 404: conversation not found (correlation c0ffee)";
  r.attempts = 3;
  r.retries = 2;
  const boost::json::object j = to_json(r);
  EXPECT_EQ(keys_of(j), audit_keys);
  EXPECT_EQ(j.at("outcome"), "failed");
  EXPECT_EQ(j.at("source"), "sta");
  EXPECT_TRUE(j.at("crm_webhook_status").is_null());
  EXPECT_EQ(std::string(j.at("error").as_string()), r.error);
  EXPECT_EQ(j.at("governance_pass"), false);
  EXPECT_EQ(
      summary_line(r),
      "interaction abc failed: 0 insights, 0 pages, 0 ms, attempt 3: upstream 404: conversation not found "
      "(correlation c0ffee)");
}

TEST(AuditRecord, PiiLeakRecordCountsFindingsButCarriesNoInsightText) {
  // The insights of this interaction, as governance saw them: PII in the text.
  std::vector<Insight> insights(2);
  insights[0].text = "mail me at jane.doe@example.com";
  insights[0].redacted = true;
  insights[1].text = "card 4111 1111 1111 1111, call +1 415 555 0100";
  AuditRecord r = delivered_record();
  r.interaction_id = "leak-1";
  r.insight_count = insights.size();
  r.pii_findings = {{"email", 1}, {"card", 1}, {"phone", 1}};
  r.redaction_leaks = 1;
  // A caller bug: matched text used as a finding kind. It must not get through.
  r.pii_findings["jane.doe@example.com"] = 1;

  const std::string line = boost::json::serialize(to_json(r)) + summary_line(r);
  for (const char* pii : {"jane.doe", "example.com", "4111", "415 555", "mail me"})
    EXPECT_EQ(line.find(pii), std::string::npos) << pii << " leaked into: " << line;
  const boost::json::object j = to_json(r);
  EXPECT_EQ(j.at("redaction_leaks").to_number<int>(), 1);
  EXPECT_EQ(j.at("pii_findings"),
            (boost::json::object{{"card", 1u}, {"email", 1u}, {"phone", 1u}, {"other", 1u}}));
}

TEST(AuditRecord, CapsTheErrorReasonAndKeepsTheSummaryOnOneLine) {
  AuditRecord r;
  r.outcome = AuditOutcome::dead;
  r.error = std::string(2000, 'x') + "\nsecond line";
  EXPECT_LE(to_json(r).at("error").as_string().size(), 520u);
  EXPECT_EQ(summary_line(r).find('\n'), std::string::npos);
}

AuditRecord parked_record() {
  AuditRecord r = delivered_record();
  r.interaction_id = "6f1c2b9e";
  r.source = SourceKind::copilot_summaries;
  r.outcome = AuditOutcome::parked;
  r.governance_pass = false;
  r.pii_findings = {{"email", 2}, {"Bad Kind", 1}};
  r.redaction_leaks = 3;
  r.retries = 4;
  r.correlation_id = "c0ffee";
  r.error = "upstream 503";
  r.attempts = 5;
  return r;
}

// The exact line the hand-written serialiser produced before the record was
// described with Boost.Describe: key order, names and number formats hold.
TEST(AuditRecord, JsonLineIsByteForByteTheEstablishedFormat) {
  AuditRecord r = parked_record();
  EXPECT_EQ(
      boost::json::serialize(to_json(r)),
      R"({"timestamp":"2026-11-24T01:02:03.456Z","interaction_id":"6f1c2b9e","source":"copilot-summaries","outcome":"parked","insight_count":12,"pages":2,"latency_ms":340,"utilization_rate":6E-2,"governance_pass":false,"stale_count":1,"pii_findings":{"other":1,"email":2},"redaction_leaks":3,"malformed_skipped":1,"retries":4,"rate_limited_ms":250,"crm_webhook_status":200,"webhook_id":"msg_2b8f","correlation_id":"c0ffee","error":"upstream 503","attempts":5})");
  r.crm_webhook_status.reset();
  r.source = SourceKind::sta;
  EXPECT_EQ(
      boost::json::serialize(to_json(r)),
      R"({"timestamp":"2026-11-24T01:02:03.456Z","interaction_id":"6f1c2b9e","source":"sta","outcome":"parked","insight_count":12,"pages":2,"latency_ms":340,"utilization_rate":6E-2,"governance_pass":false,"stale_count":1,"pii_findings":{"other":1,"email":2},"redaction_leaks":3,"malformed_skipped":1,"retries":4,"rate_limited_ms":250,"crm_webhook_status":null,"webhook_id":"msg_2b8f","correlation_id":"c0ffee","error":"upstream 503","attempts":5})");
}

TEST(AuditRecord, ValueToReadsBackWhatValueFromWrote) {
  AuditRecord r = parked_record();
  r.pii_findings = {{"email", 2}, {"iban", 1}};
  for (bool delivered : {true, false}) {
    if (!delivered) r.crm_webhook_status.reset();
    const boost::json::value json = boost::json::value_from(r);
    const auto back = boost::json::value_to<AuditRecord>(json);
    EXPECT_EQ(back.timestamp, r.timestamp);
    EXPECT_EQ(back.source, r.source);
    EXPECT_EQ(back.outcome, r.outcome);
    EXPECT_EQ(back.pii_findings, r.pii_findings);
    EXPECT_EQ(back.crm_webhook_status, r.crm_webhook_status);
    EXPECT_EQ(back.error, r.error);
    EXPECT_EQ(boost::json::value_from(back), json);  // every other field too
  }
}

TEST(AuditRecord, ValueToNamesTheFieldItCannotRead) {
  boost::json::object json = to_json(parked_record());
  json["outcome"] = "lost";
  try {
    (void)boost::json::value_to<AuditRecord>(boost::json::value(json));
    ADD_FAILURE() << "an unknown outcome was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "audit record: field outcome: unknown name \"lost\"");
  }
  json.erase("pages");
  json["outcome"] = "done";
  EXPECT_THROW((void)boost::json::value_to<AuditRecord>(boost::json::value(json)), std::invalid_argument);
}

TEST(FileAuditSink, WritesOneLineOfJsonPerRecord) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  auto sink = make_file_audit_sink(file);
  EXPECT_FALSE(sink->write(delivered_record()));
  AuditRecord second = delivered_record();
  second.interaction_id = "second";
  EXPECT_FALSE(sink->write(second));

  std::rewind(file);
  std::string text;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, file)) text.append(buf, n);
  std::fclose(file);

  std::istringstream lines(text);
  std::vector<std::string> ids;
  for (std::string line; std::getline(lines, line);) {
    const boost::json::value v = boost::json::parse(line);  // throws if not one JSON object
    EXPECT_EQ(keys_of(v.as_object()), audit_keys);
    ids.emplace_back(v.at("interaction_id").as_string());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"6f1c2b9e-0d1a-4e33-9d3e-1f2a3b4c5d6e", "second"}));
  EXPECT_EQ(text.back(), '\n');
}

TEST(OstreamAuditSink, WritesAJsonLineAndReportsAFailedStream) {
  std::ostringstream out;
  auto sink = make_ostream_audit_sink(out);
  EXPECT_FALSE(sink->write(delivered_record()));
  const std::string text = out.str();
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.find('\n'), text.size() - 1);
  EXPECT_EQ(boost::json::parse(text).at("outcome"), "done");

  out.setstate(std::ios::badbit);
  EXPECT_TRUE(sink->write(delivered_record()));
}

TEST(AuditSinkChoice, AutomaticPicksJournaldOnlyUnderSystemdWithAJournal) {
  using K = AuditSinkKind;
  EXPECT_EQ(
      resolve_audit_sink_kind(K::automatic, {.started_by_systemd = true, .journal_socket_exists = true}),
      K::journald);
  EXPECT_EQ(
      resolve_audit_sink_kind(K::automatic, {.started_by_systemd = true, .journal_socket_exists = false}),
      K::stdout_json);
  EXPECT_EQ(
      resolve_audit_sink_kind(K::automatic, {.started_by_systemd = false, .journal_socket_exists = true}),
      K::stdout_json);
  EXPECT_EQ(
      resolve_audit_sink_kind(K::stdout_json, {.started_by_systemd = true, .journal_socket_exists = true}),
      K::stdout_json);
  EXPECT_EQ(resolve_audit_sink_kind(K::journald, {}), K::journald);
}

}  // namespace
}  // namespace insightd::observability
