// SPDX-License-Identifier: Apache-2.0
#pragma once
// Integration-test fixture: the real `insightd-sim` binary over TLS with a
// test CA made at test time, a config file for the real `insightd` binary
// pointing at it, and helpers to run insightd commands and read the sim's stats.
#include <fmt/format.h>

#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include "insightd/http/client.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_ca.hpp"

namespace insightd::test {

inline constexpr const char* kSimClientId = "it-client";
inline constexpr const char* kSimClientSecret = "it-client-secret-5b1f";
inline constexpr const char* kSimCrmSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

// One HTTP exchange with our own client, run to completion on a private io_context.
inline http::Response http_call(http::Request request, const std::string& ca_file) {
  boost::asio::io_context io;
  auto client = http::make_client(io.get_executor(), {.ca_file = ca_file});
  auto future = boost::asio::co_spawn(io, client->send(std::move(request)), boost::asio::use_future);
  io.run();
  auto result = future.get();
  if (!result) throw std::runtime_error("HTTP call failed: " + result.error().message());
  return *result;
}

class SimProcess {
 public:
  // `extra_args` are insightd-sim flags (e.g. {"--crm-fail-first", "3"}).
  SimProcess(const TempDir& dir, const TestCa& ca, std::vector<std::string> extra_args = {}) : ca_(ca) {
    port_file_ = dir.path() / "sim.port";
    std::filesystem::remove(port_file_);  // a second simulator in the same directory
    std::vector<std::string> argv = {INSIGHTD_SIM_BIN, "--port-file",  port_file_.string(),
                                     "--tls-cert",     ca.server_cert, "--tls-key",
                                     ca.server_key,    "--client-id",  kSimClientId};
    // Any free port, unless the test asks for one (--port N: e.g. a restarted CRM on the same URL).
    if (std::find(extra_args.begin(), extra_args.end(), "--port") == extra_args.end()) {
      argv.insert(argv.end(), {"--port", "0"});
    }
    argv.insert(argv.end(), extra_args.begin(), extra_args.end());
    // Secrets by environment, never on a command line.
    process_ = std::make_unique<Process>(
        argv, dir.path() / "sim",
        std::map<std::string, std::string>{{"INSIGHTD_SIM_CLIENT_SECRET", kSimClientSecret},
                                           {"INSIGHTD_SIM_CRM_SECRET", kSimCrmSecret}});
    const bool up = eventually([&] {
      auto text = read_file(port_file_);
      return !text.empty() && text.back() == '\n';
    });
    if (!up) throw std::runtime_error("insightd-sim did not start: " + process_->err());
    auto text = read_file(port_file_);
    std::from_chars(text.data(), text.data() + text.size(), port_);
  }

  std::uint16_t port() const { return port_; }
  std::string base_url() const { return fmt::format("https://localhost:{}", port_); }
  Process& process() { return *process_; }

  boost::json::value get_json(const std::string& path) const {
    http::Request req;
    req.url = base_url() + path;
    auto resp = http_call(req, ca_.ca_cert);
    return boost::json::parse(resp.body);
  }
  boost::json::value stats() const { return get_json("/sim/stats"); }
  boost::json::value deliveries() const { return get_json("/sim/crm/deliveries"); }

 private:
  const TestCa& ca_;
  std::filesystem::path port_file_;
  std::unique_ptr<Process> process_;
  std::uint16_t port_ = 0;
};

struct ConfigOptions {
  std::string ca_file;  // genesys and crm trust anchor
  std::string source = "agentassist";
  std::string insight_types = "[keyword, summary, sentiment, topic]";
  double confidence_threshold = 0.0;
  int max_results = 100;
  std::string sort_by = "relevance";  // relevance desc = the simulator's generation order
  std::string sort_order = "desc";
  std::string give_up_after = "24h";  // genesys.retry.give_up_after
  int requests_per_minute = 6000;
  int burst = 50;
  int concurrency = 8;
  std::string pii = "mask";
  std::string stale = "drop";
  int crm_max_attempts = 5;
  std::string crm_backoff_initial = "50ms";
  std::string crm_backoff_max = "500ms";
  std::string lease_timeout = "1m";
  std::string shutdown_grace = "10s";
  int breaker_failures = 20;  // the daemon's default
  std::string breaker_cooldown = "30s";
  std::string admin_listen = "127.0.0.1:0";
  std::string admin_token_file = "";
  std::string log_level = "info";
  std::string redis_url = "";  // not empty: queue.backend redis at this URL instead of SQLite
  std::string redis_key_prefix = "it";
};

// Writes insightd.yaml (and the secret files) into `dir`; returns its path.
inline std::filesystem::path write_config(const TempDir& dir, const std::string& base_url,
                                          const ConfigOptions& o) {
  dir.write("genesys-secret", std::string(kSimClientSecret) + "\n");
  dir.write("crm-secret", std::string(kSimCrmSecret) + "\n");
  const auto backend =
      o.redis_url.empty()
          ? fmt::format("  backend: sqlite\n  sqlite: {{path: {}/insightd.db}}", dir.path().string())
          : fmt::format("  backend: redis\n  redis: {{url: \"{}\", key_prefix: {}}}", o.redis_url,
                        o.redis_key_prefix);
  auto yaml = fmt::format(
      R"(genesys:
  api_base_url: {url}
  login_base_url: {url}
  client_id: {client_id}
  client_secret_file: {dir}/genesys-secret
  ca_file: "{ca}"
  source: {source}
  requests_per_minute: {rpm}
  burst: {burst}
  concurrency: {concurrency}
  request_timeout: 5s
  retry: {{max_attempts: 4, initial: 20ms, max: 200ms, give_up_after: {give_up_after}}}
retrieval:
  insight_types: {types}
  confidence_threshold: {threshold}
  max_results: {max_results}
  sort_by: {sort_by}
  sort_order: {sort_order}
governance:
  max_age: 24h
  stale: {stale}
  pii: {pii}
crm:
  url: {url}/crm/ingest
  signing_secret_file: {dir}/crm-secret
  ca_file: "{ca}"
  timeout: 5s
  max_attempts: {crm_attempts}
  backoff: {{initial: {crm_initial}, max: {crm_max}}}
  queue_capacity: 1000
  breaker_failures: {breaker_failures}
  breaker_cooldown: {breaker_cooldown}
queue:
{backend}
  lease_timeout: {lease}
  shutdown_grace: {grace}
admin:
  listen: {admin}
  token_file: "{token_file}"
audit:
  sink: stdout
log:
  level: {log_level}
)",
      fmt::arg("url", base_url), fmt::arg("client_id", kSimClientId), fmt::arg("dir", dir.path().string()),
      fmt::arg("ca", o.ca_file), fmt::arg("source", o.source), fmt::arg("rpm", o.requests_per_minute),
      fmt::arg("burst", o.burst), fmt::arg("concurrency", o.concurrency), fmt::arg("types", o.insight_types),
      fmt::arg("threshold", o.confidence_threshold), fmt::arg("max_results", o.max_results),
      fmt::arg("sort_by", o.sort_by), fmt::arg("sort_order", o.sort_order), fmt::arg("stale", o.stale),
      fmt::arg("pii", o.pii), fmt::arg("crm_attempts", o.crm_max_attempts),
      fmt::arg("crm_initial", o.crm_backoff_initial), fmt::arg("crm_max", o.crm_backoff_max),
      fmt::arg("breaker_failures", o.breaker_failures), fmt::arg("breaker_cooldown", o.breaker_cooldown),
      fmt::arg("lease", o.lease_timeout), fmt::arg("grace", o.shutdown_grace),
      fmt::arg("admin", o.admin_listen), fmt::arg("token_file", o.admin_token_file),
      fmt::arg("log_level", o.log_level), fmt::arg("give_up_after", o.give_up_after),
      fmt::arg("backend", backend));
  return dir.write("insightd.yaml", yaml);
}

// Runs `insightd <args...> -c config` to completion.
inline RunResult insightd(const TempDir& dir, const std::filesystem::path& config,
                          std::vector<std::string> args, const std::string& log_name = "insightd",
                          std::optional<std::filesystem::path> stdin_file = {}) {
  std::vector<std::string> argv = {INSIGHTD_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back("-c");
  argv.push_back(config.string());
  return run_command(argv, dir.path() / log_name, {}, std::move(stdin_file));
}

inline boost::json::object status_json(const TempDir& dir, const std::filesystem::path& config) {
  auto r = insightd(dir, config, {"status", "--json"}, "status");
  if (r.exit_code != 0) throw std::runtime_error("insightd status failed: " + r.err);
  return boost::json::parse(r.out).as_object();
}

// One count from `insightd status --json` ("queued", "done", ...).
inline std::int64_t count_of(const boost::json::object& status, const char* key) {
  return status.at(key).to_number<std::int64_t>();
}

// One of the simulated platform's counters in its /sim/stats.
inline std::int64_t platform_count(const SimProcess& sim, const char* key) {
  return sim.stats().at("platform").at(key).to_number<std::int64_t>();
}

}  // namespace insightd::test
