// SPDX-License-Identifier: Apache-2.0
// One table per section: the documented keys of config/insightd.example.yaml.
#include "sections.hpp"

#include <algorithm>
#include <boost/url/parse.hpp>

#include "intake_section.hpp"
#include "secrets.hpp"

namespace insightd::config_detail {
namespace {

// A secret written inline; read_text never echoes the value in a message.
template <class S>
Field<S> secret_field(std::string_view key, std::string S::*member) {
  return text_field(key, member);
}

// The same secret read from a file.
template <class S>
Field<S> secret_file_field(std::string_view key, std::string S::*member) {
  return {key, [member](const Entry& e, Context& ctx, S& s) {
            if (auto v = read_secret_file(e, ctx)) s.*member = std::move(*v);
          }};
}

// A secret file that may be left empty ("": none, e.g. a Redis without AUTH).
template <class S>
Field<S> optional_secret_file_field(std::string_view key, std::string S::*member) {
  return {key, [member](const Entry& e, Context& ctx, S& s) {
            auto path = read_text(e, ctx);
            if (!path || path->empty()) return;
            if (auto v = read_secret_file(e, ctx)) s.*member = std::move(*v);
          }};
}

// A nested mapping whose keys land in the same struct (queue.sqlite.path).
template <class S>
Field<S> nested_field(std::string_view key, const Schema<S>& schema) {
  return {key, [&schema](const Entry& e, Context& ctx, S& s) { read_mapping(e, schema, ctx, s); }};
}

void read_insight_types(const Entry& e, Context& ctx, RetrievalConfig& retrieval) {
  if (!e.node.IsSequence()) {
    ctx.error(e, "expected a list, e.g. [keyword, sentiment]");
    return;
  }
  if (e.node.size() == 0) {
    ctx.error(e, "must name at least one of keyword, summary, sentiment, topic");
    return;
  }
  // The insight types' wire names, as read_choice wants them.
  static constexpr auto kNames = [] {
    std::array<std::string_view, enum_names<InsightType>().size()> names{};
    for (std::size_t i = 0; i < names.size(); ++i) names[i] = enum_names<InsightType>()[i].name;
    return names;
  }();
  std::vector<InsightType> types;
  bool ok = true;
  for (std::size_t i = 0; i < e.node.size(); ++i) {
    const YAML::Node item = e.node[i];
    Entry at{item, fmt::format("{}[{}]", e.path, i), item.Mark()};
    auto index = read_choice(at, ctx, kNames);
    if (!index) {
      ok = false;
      continue;
    }
    const auto type = enum_names<InsightType>()[*index].value;
    if (std::find(types.begin(), types.end(), type) != types.end()) {
      ctx.error(at, fmt::format("'{}' is listed twice", kNames[*index]));
      ok = false;
      continue;
    }
    types.push_back(type);
  }
  if (ok) retrieval.insight_types = std::move(types);
}

// host:port or [v6-address]:port; port 0 asks for any free port.
void read_listen(const Entry& e, Context& ctx, AdminConfig& admin) {
  auto text = read_text(e, ctx);
  if (!text) return;
  auto authority = boost::urls::parse_authority(*text);
  const bool valid = authority && !authority->has_userinfo() && !authority->host_address().empty() &&
                     authority->has_port() && !authority->port().empty();
  if (!valid) {
    ctx.error(e, fmt::format("expected host:port (e.g. 127.0.0.1:9464), got '{}'", *text));
    return;
  }
  const std::string_view port_text(authority->port().data(), authority->port().size());
  const auto port = tcp_port(port_text);
  if (!port) {
    ctx.error(e, fmt::format("port {} is not in 0..65535 (0: any free port)", port_text));
    return;
  }
  admin.listen = *text;
  admin.host = authority->host_address();
  admin.port = *port;
}

// An empty token_file leaves POST /v1/interactions disabled.
void read_token_file(const Entry& e, Context& ctx, AdminConfig& admin) {
  auto path = read_text(e, ctx);
  if (!path || path->empty()) return;
  if (auto token = read_secret_file(e, ctx)) admin.token = std::move(*token);
}

void read_log_level(const Entry& e, Context& ctx, LogConfig& log) {
  if (auto index = read_choice(e, ctx, kLogLevelNames)) log.level = kLogLevelNames[*index];
}

const Schema<RetryConfig>& retry_schema() {
  static const Schema<RetryConfig> schema{
      int_field("max_attempts", &RetryConfig::max_attempts, 1),
      duration_field("initial", &RetryConfig::initial),
      duration_field("max", &RetryConfig::max),
      duration_field("give_up_after", &RetryConfig::give_up_after),
  };
  return schema;
}

const Schema<GenesysConfig>& genesys_schema() {
  static const Schema<GenesysConfig> schema{
      text_field("region", &GenesysConfig::region),  // checked against the table in validate
      url_field("api_base_url", &GenesysConfig::api_base_url),
      url_field("login_base_url", &GenesysConfig::login_base_url),
      text_field("client_id", &GenesysConfig::client_id),
      secret_field("client_secret", &GenesysConfig::client_secret),
      secret_file_field("client_secret_file", &GenesysConfig::client_secret),
      text_field("ca_file", &GenesysConfig::ca_file),
      choice_field("source", &GenesysConfig::source, enum_names<SourceKind>()),
      int_field("requests_per_minute", &GenesysConfig::requests_per_minute, 1),
      int_field("burst", &GenesysConfig::burst, 1),
      int_field("concurrency", &GenesysConfig::concurrency, 1, 256),
      duration_field("request_timeout", &GenesysConfig::request_timeout),
      section_field("retry", &GenesysConfig::retry, retry_schema()),
  };
  return schema;
}

const Schema<RetrievalConfig>& retrieval_schema() {
  static const Schema<RetrievalConfig> schema{
      {"insight_types", read_insight_types},
      number_field("confidence_threshold", &RetrievalConfig::confidence_threshold, 0.0, 1.0),
      int_field("max_results", &RetrievalConfig::max_results, 1, 200),
      choice_field("sort_by", &RetrievalConfig::sort_by, enum_names<SortBy>()),
      choice_field("sort_order", &RetrievalConfig::sort_order, enum_names<SortOrder>()),
      int_field("max_pages", &RetrievalConfig::max_pages, 1, 10000),
      duration_field("summary_wait", &RetrievalConfig::summary_wait),
  };
  return schema;
}

// A list of PII kinds; an unknown or repeated one is reported at its position.
void read_detect(const Entry& e, Context& ctx, GovernanceConfig& governance) {
  if (!e.node.IsSequence()) {
    ctx.error(e, "expected a list of PII kinds, e.g. [email, phone, card]");
    return;
  }
  std::vector<std::string_view> names;
  for (auto kind : governance::kAllPiiKinds) names.push_back(governance::to_string(kind));
  std::vector<governance::PiiKind> kinds;
  bool ok = true;
  for (std::size_t i = 0; i < e.node.size(); ++i) {
    const YAML::Node item = e.node[i];
    Entry at{item, fmt::format("{}[{}]", e.path, i), item.Mark()};
    const auto index = read_choice(at, ctx, names);
    if (!index) {
      ok = false;
      continue;
    }
    const auto kind = *governance::parse_pii_kind(names[*index]);
    if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) {
      ctx.error(at, fmt::format("'{}' is listed twice", names[*index]));
      ok = false;
      continue;
    }
    kinds.push_back(kind);
  }
  if (!ok) return;
  if (kinds.empty()) ctx.warning(e, "no PII kind is listed: insight text is not checked for PII");
  governance.detect = std::move(kinds);
}

// The region libphonenumber reads national numbers (no +CC) in.
void read_default_region(const Entry& e, Context& ctx, GovernanceConfig& governance) {
  auto region = read_text(e, ctx);
  if (!region) return;
  if (!governance::is_phone_region(*region)) {
    ctx.error(e, fmt::format("unknown phone region '{}': expected an upper-case two-letter region code "
                             "such as US, GB or DE",
                             *region));
    return;
  }
  governance.default_region = std::move(*region);
}

const Schema<GovernanceConfig>& governance_schema() {
  static const Schema<GovernanceConfig> schema{
      duration_field("max_age", &GovernanceConfig::max_age),
      choice_field("stale", &GovernanceConfig::stale, enum_names<StalePolicy>()),
      choice_field("pii", &GovernanceConfig::pii, enum_names<PiiPolicy>()),
      {"detect", read_detect},
      {"default_region", read_default_region},
  };
  return schema;
}

const Schema<BackoffConfig>& backoff_schema() {
  static const Schema<BackoffConfig> schema{
      duration_field("initial", &BackoffConfig::initial),
      duration_field("max", &BackoffConfig::max),
  };
  return schema;
}

const Schema<CrmConfig>& crm_schema() {
  static const Schema<CrmConfig> schema{
      url_field("url", &CrmConfig::url),
      secret_field("signing_secret", &CrmConfig::signing_secret),
      secret_file_field("signing_secret_file", &CrmConfig::signing_secret),
      text_field("ca_file", &CrmConfig::ca_file),
      duration_field("timeout", &CrmConfig::timeout),
      int_field("max_attempts", &CrmConfig::max_attempts, 1),
      section_field("backoff", &CrmConfig::backoff, backoff_schema()),
      int_field("queue_capacity", &CrmConfig::queue_capacity, 1),
      int_field("concurrency", &CrmConfig::concurrency, 1, 256),
      int_field("max_insights_per_part", &CrmConfig::max_insights_per_part, 1),
      int_field("breaker_failures", &CrmConfig::breaker_failures, 1),
      duration_field("breaker_cooldown", &CrmConfig::breaker_cooldown),
  };
  return schema;
}

inline constexpr std::array<std::string_view, 2> kRedisSchemes{"redis", "rediss"};

const Schema<QueueConfig>& sqlite_schema() {
  static const Schema<QueueConfig> schema{text_field("path", &QueueConfig::sqlite_path)};
  return schema;
}

const Schema<QueueConfig>& redis_schema() {
  static const Schema<QueueConfig> schema{
      url_field("url", &QueueConfig::redis_url, kRedisSchemes),
      text_field("key_prefix", &QueueConfig::redis_key_prefix),
      secret_field("password", &QueueConfig::redis_password),
      optional_secret_file_field("password_file", &QueueConfig::redis_password),
      text_field("ca_file", &QueueConfig::redis_ca_file),
      duration_field("timeout", &QueueConfig::redis_timeout),
  };
  return schema;
}

const Schema<QueueConfig>& queue_schema() {
  static const Schema<QueueConfig> schema{
      choice_field("backend", &QueueConfig::backend, enum_names<QueueBackend>()),
      nested_field("sqlite", sqlite_schema()),
      nested_field("redis", redis_schema()),
      duration_field("lease_timeout", &QueueConfig::lease_timeout),
      duration_field("shutdown_grace", &QueueConfig::shutdown_grace),
  };
  return schema;
}

const Schema<AdminConfig>& admin_schema() {
  static const Schema<AdminConfig> schema{
      {"listen", read_listen},
      {"token_file", read_token_file},
  };
  return schema;
}

const Schema<AuditConfig>& audit_schema() {
  static const Schema<AuditConfig> schema{
      choice_field("sink", &AuditConfig::sink, enum_names<AuditSinkKind>())};
  return schema;
}

const Schema<LogConfig>& log_schema() {
  static const Schema<LogConfig> schema{{"level", read_log_level}};
  return schema;
}

}  // namespace

const Schema<Config>& config_schema() {
  static const Schema<Config> schema{
      section_field("genesys", &Config::genesys, genesys_schema()),
      section_field("retrieval", &Config::retrieval, retrieval_schema()),
      section_field("governance", &Config::governance, governance_schema()),
      section_field("crm", &Config::crm, crm_schema()),
      section_field("queue", &Config::queue, queue_schema()),
      {"intake", read_intake},
      section_field("admin", &Config::admin, admin_schema()),
      section_field("audit", &Config::audit, audit_schema()),
      section_field("log", &Config::log, log_schema()),
  };
  return schema;
}

}  // namespace insightd::config_detail
