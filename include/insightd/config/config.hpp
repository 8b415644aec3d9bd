// SPDX-License-Identifier: Apache-2.0
#pragma once
// The validated configuration (insightd.yaml(5)) as plain structs. Loading and
// validation live in config/loader.hpp; every default here is the documented
// default of config/insightd.example.yaml.
#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "insightd/common/enum_names.hpp"
#include "insightd/common/insight.hpp"
#include "insightd/governance/pii.hpp"

namespace insightd {

using Duration = std::chrono::milliseconds;
using namespace std::chrono_literals;

// The names are the configuration's spellings (and the audit record's source).
enum class SourceKind { agentassist, copilot_summaries, sta };
BOOST_DESCRIBE_ENUM(SourceKind, agentassist, copilot_summaries, sta)
// A C++ identifier cannot hold the dash.
constexpr std::array<EnumName<SourceKind>, 1> enum_renames(SourceKind) {
  return {{{SourceKind::copilot_summaries, "copilot-summaries"}}};
}
enum class SortBy { relevance, confidence, created_date };
BOOST_DESCRIBE_ENUM(SortBy, relevance, confidence, created_date)
// The Genesys API's own spelling, passed through to its query.
constexpr std::array<EnumName<SortBy>, 1> enum_renames(SortBy) {
  return {{{SortBy::created_date, "createdDate"}}};
}
enum class SortOrder { asc, desc };
BOOST_DESCRIBE_ENUM(SortOrder, asc, desc)
enum class StalePolicy { drop, deliver, fail };
BOOST_DESCRIBE_ENUM(StalePolicy, drop, deliver, fail)
enum class PiiPolicy { mask, block, flag };
BOOST_DESCRIBE_ENUM(PiiPolicy, mask, block, flag)
enum class QueueBackend { sqlite, redis };
BOOST_DESCRIBE_ENUM(QueueBackend, sqlite, redis)
enum class AuditSinkKind { automatic, journald, stdout_json };
BOOST_DESCRIBE_ENUM(AuditSinkKind, automatic, journald, stdout_json)
// `auto` is a C++ keyword and `stdout` a macro of <cstdio>.
constexpr std::array<EnumName<AuditSinkKind>, 2> enum_renames(AuditSinkKind) {
  return {{{AuditSinkKind::automatic, "auto"}, {AuditSinkKind::stdout_json, "stdout"}}};
}

std::string_view to_string(SourceKind s) noexcept;  // "agentassist" | "copilot-summaries" | "sta"
std::string_view to_string(SortBy s) noexcept;      // "relevance" | "confidence" | "createdDate"
std::string_view to_string(SortOrder s) noexcept;   // "asc" | "desc"

struct RetryConfig {
  int max_attempts = 5;      // per request, for 5xx / network errors
  Duration initial = 500ms;  // full-jitter exponential backoff bounds
  Duration max = 30s;
  // Transient failures (network, timeouts, 5xx, 429, token endpoint down)
  // return the interaction to the queue with backoff until this long after
  // the first of them in the cycle; then it is dead-lettered.
  Duration give_up_after = 24h;
};

struct GenesysConfig {
  std::string region = "mypurecloud.com";
  std::string api_base_url;    // derived from region when not given
  std::string login_base_url;  // derived from region when not given
  std::string client_id;
  std::string client_secret;  // resolved secret: never log it
  std::string ca_file;
  SourceKind source = SourceKind::agentassist;
  int requests_per_minute = 300;
  int burst = 10;
  int concurrency = 8;
  Duration request_timeout = 10s;
  RetryConfig retry;
};

struct RetrievalConfig {
  std::vector<InsightType> insight_types{InsightType::keyword, InsightType::sentiment};
  double confidence_threshold = 0.75;
  int max_results = 100;
  SortBy sort_by = SortBy::relevance;
  SortOrder sort_order = SortOrder::desc;
  int max_pages = 100;         // per interaction: a longer (or cycling) pagination stops with a reason
  Duration summary_wait = 2h;  // summaries not ready are re-checked with backoff until then
};

struct GovernanceConfig {
  Duration max_age = 24h;
  StalePolicy stale = StalePolicy::drop;
  PiiPolicy pii = PiiPolicy::mask;
  std::vector<governance::PiiKind> detect{std::begin(governance::kAllPiiKinds),
                                          std::end(governance::kAllPiiKinds)};
  std::string default_region = "US";  // phone numbers written without a country code
};

struct BackoffConfig {
  Duration initial = 1s;
  Duration max = 10min;
};

struct CrmConfig {
  std::string url;
  std::string signing_secret;  // resolved secret: never log it
  std::string ca_file;
  Duration timeout = 15s;
  int max_attempts = 12;
  BackoffConfig backoff;
  int queue_capacity = 10000;
  int concurrency = 4;
  int max_insights_per_part = 200;
  int breaker_failures = 20;  // consecutive failures that open the circuit
  Duration breaker_cooldown = 30s;
};

struct QueueConfig {
  QueueBackend backend = QueueBackend::sqlite;
  std::string sqlite_path = "/var/lib/insightd/insightd.db";
  std::string redis_url = "redis://127.0.0.1:6379/0";
  std::string redis_key_prefix = "insightd";
  std::string redis_password;   // resolved secret (password or password_file): never log it
  std::string redis_ca_file;    // rediss://: extra trust anchor; "" = system store only
  Duration redis_timeout = 5s;  // per command
  Duration lease_timeout = 5min;
  Duration shutdown_grace = 20s;
};

// The optional intake: insightd finds finished conversations itself.
struct IntakeConfig {
  bool enabled = false;   // the file has an `intake` section
  bool assisted = false;  // `queues: assisted`: every queue with an assistant, re-read hourly
  std::vector<std::string> queues;
  Duration enqueue_delay = 60s;  // finished -> first fetch; 0 fetches at once
  bool notifications_enabled = true;
  Duration heartbeat_timeout = 90s;  // no message for this long: the socket is dead
  Duration reconcile_interval = 5min;
  Duration reconcile_overlap = 15min;
  Duration reconcile_lookback = 24h;
  Duration assisted_refresh = 1h;
};

struct AdminConfig {
  std::string listen = "127.0.0.1:9464";
  std::string host = "127.0.0.1";  // parsed from listen
  std::uint16_t port = 9464;       // parsed from listen; 0 = any free port
  std::string token;               // read from token_file; empty = POST disabled
};

struct AuditConfig {
  AuditSinkKind sink = AuditSinkKind::automatic;
};

struct LogConfig {
  std::string level = "info";
};

struct Config {
  std::string path;  // the file it was loaded from
  GenesysConfig genesys;
  RetrievalConfig retrieval;
  GovernanceConfig governance;
  CrmConfig crm;
  QueueConfig queue;
  IntakeConfig intake;
  AdminConfig admin;
  AuditConfig audit;
  LogConfig log;
};

}  // namespace insightd
