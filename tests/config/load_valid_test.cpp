// SPDX-License-Identifier: Apache-2.0
// Valid files: defaults, every key read into the right member, the example file.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "config/config_builder.hpp"
#include "support/temp_dir.hpp"

namespace insightd {
namespace {

using test::ConfigBuilder;
using test::load_text;

TEST(LoadConfig, MinimalFileGetsTheDocumentedDefaults) {
  auto r = load_text(ConfigBuilder().yaml());
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_TRUE(r.warnings.empty());
  const Config& c = *r.config;
  EXPECT_EQ(c.path, "test.yaml");
  EXPECT_EQ(c.genesys.client_id, "my-client");
  EXPECT_EQ(c.genesys.client_secret, test::kGenesysSecret);
  EXPECT_EQ(c.genesys.api_base_url, "https://api.mypurecloud.com");
  EXPECT_EQ(c.genesys.login_base_url, "https://login.mypurecloud.com");
  EXPECT_EQ(c.genesys.requests_per_minute, 300);
  EXPECT_EQ(c.retrieval.insight_types, (std::vector{InsightType::keyword, InsightType::sentiment}));
  EXPECT_EQ(c.crm.url, "https://crm.example.com/ingest");
  EXPECT_EQ(c.crm.signing_secret, test::kCrmSecret);
  EXPECT_EQ(c.queue.sqlite_path, "/var/lib/insightd/insightd.db");
  EXPECT_EQ(c.admin.host, "127.0.0.1");
  EXPECT_EQ(c.admin.port, 9464);
  EXPECT_TRUE(c.admin.token.empty());
  EXPECT_EQ(c.governance.detect, (std::vector<governance::PiiKind>(std::begin(governance::kAllPiiKinds),
                                                                   std::end(governance::kAllPiiKinds))));
  EXPECT_EQ(c.governance.default_region, "US");
}

TEST(LoadConfig, ReadsEveryKeyIntoItsMember) {
  const std::string yaml = R"(genesys:
  region: mypurecloud.de
  client_id: id
  client_secret: secret
  ca_file: /etc/ssl/extra.pem
  source: copilot-summaries
  requests_per_minute: 600
  burst: 20
  concurrency: 16
  request_timeout: 2500ms
  retry: {max_attempts: 3, initial: 100ms, max: 2s}
retrieval:
  insight_types: [summary, topic, keyword]
  confidence_threshold: 0.5
  max_results: 200
  sort_by: createdDate
  sort_order: asc
governance:
  max_age: 2h
  stale: deliver
  pii: block
  detect: [card, iban, phone]
  default_region: DE
crm:
  url: https://crm.example.com/hook/
  signing_secret: whsec_x
  ca_file: /etc/ssl/crm.pem
  timeout: 3s
  max_attempts: 4
  backoff: {initial: 2s, max: 1m}
  queue_capacity: 50
  concurrency: 2
  max_insights_per_part: 10
  breaker_failures: 5
  breaker_cooldown: 1m
queue:
  backend: redis
  sqlite: {path: /tmp/q.db}
  redis: {url: rediss://cache.internal:6380/2, key_prefix: prod, password: redis-pw, ca_file: /etc/ssl/redis.pem, timeout: 750ms}
  lease_timeout: 90s
  shutdown_grace: 5s
admin:
  listen: "[::1]:0"
audit:
  sink: stdout
log:
  level: debug
)";
  auto r = load_text(yaml);
  ASSERT_TRUE(r.config) << test::all_messages(r);
  const Config& c = *r.config;
  EXPECT_EQ(c.genesys.api_base_url, "https://api.mypurecloud.de");
  EXPECT_EQ(c.genesys.login_base_url, "https://login.mypurecloud.de");
  EXPECT_EQ(c.genesys.ca_file, "/etc/ssl/extra.pem");
  EXPECT_EQ(c.genesys.source, SourceKind::copilot_summaries);
  EXPECT_EQ(c.genesys.requests_per_minute, 600);
  EXPECT_EQ(c.genesys.burst, 20);
  EXPECT_EQ(c.genesys.concurrency, 16);
  EXPECT_EQ(c.genesys.request_timeout, Duration{2500});
  EXPECT_EQ(c.genesys.retry.max_attempts, 3);
  EXPECT_EQ(c.genesys.retry.initial, Duration{100});
  EXPECT_EQ(c.genesys.retry.max, Duration{2000});
  EXPECT_EQ(c.retrieval.insight_types,
            (std::vector{InsightType::summary, InsightType::topic, InsightType::keyword}));
  EXPECT_DOUBLE_EQ(c.retrieval.confidence_threshold, 0.5);
  EXPECT_EQ(c.retrieval.max_results, 200);
  EXPECT_EQ(c.retrieval.sort_by, SortBy::created_date);
  EXPECT_EQ(c.retrieval.sort_order, SortOrder::asc);
  EXPECT_EQ(c.governance.max_age, Duration{2 * 3600 * 1000});
  EXPECT_EQ(c.governance.stale, StalePolicy::deliver);
  EXPECT_EQ(c.governance.pii, PiiPolicy::block);
  EXPECT_EQ(c.governance.detect,
            (std::vector{governance::PiiKind::card, governance::PiiKind::iban, governance::PiiKind::phone}));
  EXPECT_EQ(c.governance.default_region, "DE");
  EXPECT_EQ(c.crm.url, "https://crm.example.com/hook");  // trailing '/' dropped
  EXPECT_EQ(c.crm.ca_file, "/etc/ssl/crm.pem");
  EXPECT_EQ(c.crm.timeout, Duration{3000});
  EXPECT_EQ(c.crm.max_attempts, 4);
  EXPECT_EQ(c.crm.backoff.initial, Duration{2000});
  EXPECT_EQ(c.crm.backoff.max, Duration{60'000});
  EXPECT_EQ(c.crm.queue_capacity, 50);
  EXPECT_EQ(c.crm.concurrency, 2);
  EXPECT_EQ(c.crm.max_insights_per_part, 10);
  EXPECT_EQ(c.crm.breaker_failures, 5);
  EXPECT_EQ(c.crm.breaker_cooldown, Duration{60'000});
  EXPECT_EQ(c.queue.backend, QueueBackend::redis);
  EXPECT_EQ(c.queue.sqlite_path, "/tmp/q.db");
  EXPECT_EQ(c.queue.redis_url, "rediss://cache.internal:6380/2");
  EXPECT_EQ(c.queue.redis_key_prefix, "prod");
  EXPECT_EQ(c.queue.redis_password, "redis-pw");
  EXPECT_EQ(c.queue.redis_ca_file, "/etc/ssl/redis.pem");
  EXPECT_EQ(c.queue.redis_timeout, std::chrono::milliseconds(750));
  EXPECT_EQ(c.queue.lease_timeout, Duration{90'000});
  EXPECT_EQ(c.queue.shutdown_grace, Duration{5000});
  EXPECT_EQ(c.admin.listen, "[::1]:0");
  EXPECT_EQ(c.admin.host, "::1");
  EXPECT_EQ(c.admin.port, 0);
  EXPECT_EQ(c.audit.sink, AuditSinkKind::stdout_json);
  EXPECT_EQ(c.log.level, "debug");
}

TEST(LoadConfig, EnumsPrintAsTheyAreWritten) {
  EXPECT_EQ(to_string(SourceKind::copilot_summaries), "copilot-summaries");
  EXPECT_EQ(to_string(SourceKind::sta), "sta");
  EXPECT_EQ(to_string(SortBy::created_date), "createdDate");
  EXPECT_EQ(to_string(SortOrder::asc), "asc");
}

TEST(LoadConfig, HttpUrlsOnLoopbackAreAcceptedSilently) {
  auto r = load_text(ConfigBuilder()
                         .add("genesys", "api_base_url: http://127.0.0.1:8080")
                         .add("genesys", "login_base_url: http://localhost:8080/")
                         .remove("crm", "url")
                         .add("crm", "url: http://[::1]:9090/ingest")
                         .yaml());
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_TRUE(r.warnings.empty()) << test::all_messages(r);
  EXPECT_EQ(r.config->genesys.login_base_url, "http://localhost:8080");
}

TEST(LoadConfig, HttpUrlsElsewhereAreWarnedOncePerHostPerProcess) {
  // Host names only this test uses: the record of warned hosts is process-wide.
  const auto yaml = ConfigBuilder()
                        .add("genesys", "api_base_url: http://genesys-proxy.plain-http-test:8080")
                        .add("genesys", "login_base_url: http://genesys-proxy.plain-http-test:8080/")
                        .remove("crm", "url")
                        .add("crm", "url: http://crm.plain-http-test/ingest")
                        .yaml();
  auto first = load_text(yaml);
  ASSERT_TRUE(first.config) << test::all_messages(first);
  ASSERT_EQ(first.warnings.size(), 2u) << test::all_messages(first);
  EXPECT_NE(first.warnings[0].message.find(
                "genesys.api_base_url: uses http:// to genesys-proxy.plain-http-test (no TLS)"),
            std::string::npos)
      << first.warnings[0].message;
  EXPECT_NE(first.warnings[1].message.find("crm.url: uses http:// to crm.plain-http-test"), std::string::npos)
      << first.warnings[1].message;

  auto reloaded = load_text(yaml);
  ASSERT_TRUE(reloaded.config) << test::all_messages(reloaded);
  EXPECT_TRUE(reloaded.warnings.empty()) << test::all_messages(reloaded);
}

TEST(LoadConfig, MissingFileIsOneDiagnosticNamingTheFile) {
  auto r = load_config_file("/nonexistent/insightd.yaml");
  EXPECT_FALSE(r.config);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].str(),
            "/nonexistent/insightd.yaml: cannot read the configuration file: No such file or directory");
}

TEST(LoadConfig, ExampleFileIsValid) {
  test::TempDir credentials;
  credentials.write("genesys-secret", "example-genesys-secret\n");
  credentials.write("crm-secret", "whsec_example\n");
  auto env = test::FakeEnv()
                 .set("GENESYS_CLIENT_ID", "example-client")
                 .set("CRM_URL", "https://crm.example.com/ingest")
                 .set("CREDENTIALS_DIRECTORY", credentials.path().string());
  const std::string path = std::string(INSIGHTD_TEST_DATA_DIR) + "/../config/insightd.example.yaml";
  auto r = load_config_file(path, env.lookup());
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_TRUE(r.warnings.empty()) << test::all_messages(r);
  EXPECT_EQ(r.config->genesys.client_id, "example-client");
  EXPECT_EQ(r.config->genesys.client_secret, "example-genesys-secret");
  EXPECT_EQ(r.config->crm.signing_secret, "whsec_example");

  // The example documents the defaults: apart from what it must set, it
  // loads to the same values as an empty section would.
  const Config defaults;
  EXPECT_EQ(r.config->genesys.requests_per_minute, defaults.genesys.requests_per_minute);
  EXPECT_EQ(r.config->genesys.retry.initial, defaults.genesys.retry.initial);
  EXPECT_EQ(r.config->genesys.retry.give_up_after, defaults.genesys.retry.give_up_after);
  EXPECT_EQ(r.config->retrieval.insight_types, defaults.retrieval.insight_types);
  EXPECT_EQ(r.config->retrieval.max_pages, defaults.retrieval.max_pages);
  EXPECT_EQ(r.config->retrieval.summary_wait, defaults.retrieval.summary_wait);
  EXPECT_EQ(r.config->crm.backoff.max, defaults.crm.backoff.max);
  EXPECT_EQ(r.config->crm.breaker_cooldown, defaults.crm.breaker_cooldown);
  EXPECT_EQ(r.config->queue.lease_timeout, defaults.queue.lease_timeout);
  EXPECT_EQ(r.config->queue.shutdown_grace, defaults.queue.shutdown_grace);
  EXPECT_EQ(r.config->queue.redis_url, defaults.queue.redis_url);
  EXPECT_EQ(r.config->queue.redis_timeout, std::chrono::milliseconds(5000));
  EXPECT_TRUE(r.config->queue.redis_password.empty());
  EXPECT_EQ(r.config->admin.listen, defaults.admin.listen);
  EXPECT_EQ(r.config->log.level, defaults.log.level);
  EXPECT_EQ(r.config->governance.detect, defaults.governance.detect);
  EXPECT_EQ(r.config->governance.default_region, defaults.governance.default_region);
}

}  // namespace
}  // namespace insightd
