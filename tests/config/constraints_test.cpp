// SPDX-License-Identifier: Apache-2.0
// Each constraint: one bad value gives exactly one error, on that value's line,
// that names the key and what is allowed.
#include <gtest/gtest.h>

#include "config/config_builder.hpp"

namespace insightd {
namespace {

struct BadValue {
  std::string section;
  std::string line;      // added to the minimal valid file
  std::string expected;  // substring of the one error message
};

void PrintTo(const BadValue& v, std::ostream* os) {
  *os << v.section << ": " << v.line;
}

using test::ConfigBuilder;

class Constraint : public testing::TestWithParam<BadValue> {};

TEST_P(Constraint, IsReportedOnceAtTheOffendingLine) {
  const auto& bad = GetParam();
  ConfigBuilder builder;
  // Keys the minimal file already has are replaced, not duplicated.
  builder.remove(bad.section, bad.line.substr(0, bad.line.find(':'))).add(bad.section, bad.line);
  auto r = test::load_text(builder.yaml());
  EXPECT_FALSE(r.config);
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].line, builder.line_of(bad.line)) << r.errors[0].str();
  EXPECT_NE(r.errors[0].message.find(bad.expected), std::string::npos) << r.errors[0].str();
}

INSTANTIATE_TEST_SUITE_P(
    Retrieval, Constraint,
    testing::Values(
        BadValue{
            "retrieval", "insight_types: [keyword, emotion]",
            "retrieval.insight_types[1]: must be one of keyword, summary, sentiment, topic (got 'emotion')"},
        BadValue{"retrieval", "insight_types: []", "retrieval.insight_types: must name at least one"},
        BadValue{"retrieval", "insight_types: keyword", "retrieval.insight_types: expected a list"},
        BadValue{"retrieval", "insight_types: [topic, topic]", "'topic' is listed twice"},
        BadValue{"retrieval", "confidence_threshold: 1.5",
                 "retrieval.confidence_threshold: must be between 0 and 1 (got 1.5)"},
        BadValue{"retrieval", "confidence_threshold: -0.1", "must be between 0 and 1"},
        BadValue{"retrieval", "confidence_threshold: high", "expected a number, got 'high'"},
        BadValue{"retrieval", "max_results: 0", "retrieval.max_results: must be between 1 and 200 (got 0)"},
        BadValue{"retrieval", "max_results: 201", "must be between 1 and 200 (got 201)"},
        BadValue{"retrieval", "max_results: 10.5", "expected a whole number"},
        BadValue{"retrieval", "max_pages: 0", "retrieval.max_pages: must be between 1 and 10000 (got 0)"},
        BadValue{"retrieval", "summary_wait: soon", "retrieval.summary_wait"},
        BadValue{"retrieval", "sort_by: date",
                 "retrieval.sort_by: must be one of relevance, confidence, createdDate"},
        BadValue{"retrieval", "sort_by: relevence", "did you mean 'relevance'?"},
        BadValue{"retrieval", "sort_order: up",
                 "retrieval.sort_order: must be one of asc, desc (got 'up')"}));

INSTANTIATE_TEST_SUITE_P(
    Genesys, Constraint,
    testing::Values(
        BadValue{"genesys", "concurrency: 0", "genesys.concurrency: must be between 1 and 256 (got 0)"},
        BadValue{"genesys", "concurrency: 257", "must be between 1 and 256"},
        BadValue{"genesys", "concurrency: [1]", "expected a single value"},
        BadValue{"genesys", "requests_per_minute: 0",
                 "genesys.requests_per_minute: must be at least 1 (got 0)"},
        BadValue{"genesys", "burst: 0", "genesys.burst: must be at least 1"},
        BadValue{"genesys", "request_timeout: 0s", "genesys.request_timeout: must be longer than zero"},
        BadValue{"genesys", "request_timeout: 10",
                 "expected a duration such as 250ms, 10s, 5m or 24h, got '10'"},
        BadValue{"genesys", "retry: {max_attempts: 0}", "genesys.retry.max_attempts: must be at least 1"},
        BadValue{"genesys", "retry: {give_up_after: 0s}",
                 "genesys.retry.give_up_after: must be longer than zero"},
        BadValue{"genesys", "retry: {initial: 1m, max: 1s}",
                 "genesys.retry.initial (60000ms) must not exceed genesys.retry.max (1000ms)"},
        BadValue{"genesys", "source: sta2",
                 "genesys.source: must be one of agentassist, copilot-summaries, sta"},
        BadValue{"genesys", "api_base_url: not a url",
                 "genesys.api_base_url: 'not a url' is not an absolute URL"},
        BadValue{"genesys", "client_id: \"\"", "genesys.client_id: must not be empty"},
        BadValue{"genesys", "region: mypurecloud.co", "did you mean 'mypurecloud.com'?"}));

INSTANTIATE_TEST_SUITE_P(
    Others, Constraint,
    testing::Values(
        BadValue{"governance", "max_age: 1d", "governance.max_age: expected a duration"},
        BadValue{"governance", "stale: keep", "governance.stale: must be one of drop, deliver, fail"},
        BadValue{"governance", "pii: redact", "governance.pii: must be one of mask, block, flag"},
        BadValue{"governance", "detect: [email, passport]",
                 "governance.detect[1]: must be one of email, phone, card, ssn, iban, dob, routing, ip (got "
                 "'passport')"},
        BadValue{"governance", "detect: [card, card]", "governance.detect[1]: 'card' is listed twice"},
        BadValue{"governance", "detect: card", "governance.detect: expected a list of PII kinds"},
        BadValue{"governance", "default_region: XX", "governance.default_region: unknown phone region 'XX'"},
        BadValue{"governance", "default_region: us", "unknown phone region 'us'"},
        BadValue{"governance", "default_region: USA", "unknown phone region 'USA'"},
        BadValue{"crm", "url: ftp://crm.example.com",
                 "crm.url: scheme must be one of https, http (got 'ftp')"},
        BadValue{"crm", "url: https://crm.example.com:99999/in",
                 "crm.url: port 99999 of 'https://crm.example.com:99999/in' is not in 0..65535"},
        BadValue{"crm", "max_attempts: 0", "crm.max_attempts: must be at least 1"},
        BadValue{"crm", "backoff: {initial: 20m, max: 10m}",
                 "crm.backoff.initial (1200000ms) must not exceed"},
        BadValue{"crm", "backoff: {initial: 0ms}", "crm.backoff.initial: must be longer than zero"},
        BadValue{"crm", "queue_capacity: 0", "crm.queue_capacity: must be at least 1"},
        BadValue{"crm", "concurrency: 300", "crm.concurrency: must be between 1 and 256"},
        BadValue{"crm", "breaker_cooldown: soon", "crm.breaker_cooldown: expected a duration"},
        BadValue{"queue", "backend: mysql", "queue.backend: must be one of sqlite, redis"},
        BadValue{"queue", "redis: {url: http://cache:6379}",
                 "queue.redis.url: scheme must be one of redis, rediss"},
        BadValue{"queue", "redis: {timeout: 0s}", "queue.redis.timeout: must be longer than zero"},
        BadValue{"queue", "redis: {timeout: soon}", "queue.redis.timeout: expected a duration"},
        BadValue{"queue", "redis: {password_file: /nonexistent/redis-pass}",
                 "queue.redis.password_file: cannot read '/nonexistent/redis-pass'"},
        BadValue{"queue", "lease_timeout: -1s", "queue.lease_timeout: expected a duration"},
        BadValue{"queue", "shutdown_grace: 0m", "queue.shutdown_grace: must be longer than zero"},
        BadValue{"admin", "listen: localhost",
                 "admin.listen: expected host:port (e.g. 127.0.0.1:9464), got 'localhost'"},
        BadValue{"admin", "listen: 127.0.0.1:70000", "admin.listen: port 70000 is not in 0..65535"},
        BadValue{"admin", "listen: 127.0.0.1:99999", "admin.listen: port 99999 is not in 0..65535"},
        BadValue{"admin", "listen: \"[::1]:65536\"", "admin.listen: port 65536 is not in 0..65535"},
        BadValue{"admin", "listen: 127.0.0.1:4294967297", "port 4294967297 is not in 0..65535"},
        BadValue{"admin", "listen: :9464", "admin.listen: expected host:port"},
        BadValue{"audit", "sink: syslog", "audit.sink: must be one of auto, journald, stdout"},
        BadValue{"log", "level: verbose",
                 "log.level: must be one of trace, debug, info, warn, error, critical, off"}));

}  // namespace
}  // namespace insightd
