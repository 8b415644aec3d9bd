// SPDX-License-Identifier: Apache-2.0
// `insightd demo`: the whole daemon against the built-in simulator, no Genesys
// account needed. The simulator (login, insights API, CRM receiver, and the
// platform: conversations ending on three queues, the notifications socket,
// the analytics query) runs on loopback in this process; the daemon is
// configured through a real YAML file, its intake finds the conversations
// (nothing is enqueued by hand), and once every one has settled a summary of
// what happened is printed.
#include <fmt/format.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>

#include "config_or_exit.hpp"
#include "demo_cluster.hpp"
#include "demo_report.hpp"
#include "insightd/app/commands.hpp"
#include "insightd/app/daemon.hpp"
#include "insightd/common/crypto.hpp"
#include "insightd/intake/intake.hpp"
#include "insightd/observability/audit.hpp"
#include "insightd/observability/logging.hpp"
#include "insightd/queue/backend.hpp"
#include "insightd/sim/simulator.hpp"

namespace insightd::app {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// How long the demo runs at most, whatever has settled by then.
constexpr auto kDemoBound = 3min;

const std::vector<std::string> demo_queues{"demo-queue-sales", "demo-queue-support", "demo-queue-billing"};

// Writes every record to audit.jsonl and keeps a copy for the summary.
class DemoAuditSink final : public observability::AuditSink {
 public:
  explicit DemoAuditSink(std::FILE* file) : file_sink_(observability::make_file_audit_sink(file)) {}
  boost::system::error_code write(const observability::AuditRecord& record) override {
    records.push_back(record);
    return file_sink_->write(record);
  }
  std::vector<observability::AuditRecord> records;

 private:
  std::unique_ptr<observability::AuditSink> file_sink_;
};

void write_private_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::trunc);
  out << content << '\n';
  out.close();
  ::chmod(path.c_str(), 0600);
}

// The queue section: SQLite in the demo directory, or the demo's Redis.
std::string queue_section(const fs::path& dir, const std::string& redis_url) {
  if (redis_url.empty())
    return fmt::format("  backend: sqlite\n  sqlite: {{path: {}/insightd.db}}", dir.string());
  return fmt::format("  backend: redis\n  redis: {{url: \"{}\", key_prefix: demo}}", redis_url);
}

std::string demo_config(const fs::path& dir, const std::string& base_url, const std::string& redis_url) {
  return fmt::format(
      R"(# Written by `insightd demo`: the simulator on loopback stands in for Genesys and the CRM.
genesys:
  api_base_url: {0}
  login_base_url: {0}
  client_id: insightd-demo
  client_secret_file: {1}/genesys-secret
  source: agentassist
  requests_per_minute: 1200
  burst: 20
  concurrency: 8
  request_timeout: 5s
  retry: {{max_attempts: 4, initial: 100ms, max: 1s}}
retrieval:
  insight_types: [keyword, summary, sentiment, topic]
  confidence_threshold: 0.2
  max_results: 100
  sort_by: relevance
  sort_order: desc
governance:
  max_age: 24h
  stale: drop
  pii: mask
crm:
  url: {0}/crm/ingest
  signing_secret_file: {1}/crm-secret
  timeout: 5s
  max_attempts: 3
  backoff: {{initial: 100ms, max: 1s}}
  queue_capacity: 1000
queue:
{3}
  lease_timeout: {4}
admin:
  listen: 127.0.0.1:0
audit:
  sink: stdout
log:
  level: info
intake:
  queues: [{2}]
  enqueue_delay: 0s
  notifications: {{enabled: true, heartbeat_timeout: 10s}}
  reconcile: {{interval: 2s, overlap: 10m, lookback: 1h}}
)",
      base_url, dir.string(), fmt::join(demo_queues, ", "), queue_section(dir, redis_url),
      // Several daemons: a short lease, so a daemon stopped mid-cycle hands over quickly.
      redis_url.empty() ? "1m" : "10s");
}

// The simulator keeps the io_context busy forever, so run it only until `f` is ready.
template <class T>
T run_until_ready(boost::asio::io_context& io, std::future<T>& f) {
  io.restart();
  while (f.wait_for(0s) != std::future_status::ready) io.run_one();
  return f.get();
}

// Settled: every conversation reached a final state (parked ones aside) and nothing is left to deliver.
bool settled(const queue::Counts& c, std::int64_t total) {
  return c.done + c.failed + c.dead >= total && c.in_flight == 0 && c.delivering == 0 && c.outbox == 0;
}

// One daemon in this process, stopped (as an operator would, by SIGTERM) once
// everything has settled or after a bound.
int run_in_process(boost::asio::io_context& io, const Config& config, std::shared_ptr<DemoAuditSink> audit,
                   ProgressPrinter& progress, std::int64_t total) {
  DaemonOptions options;
  options.audit_sink = std::move(audit);
  bool stop_sent = false;
  const auto give_up_at = std::chrono::steady_clock::now() + kDemoBound;
  options.on_progress = [&progress, &stop_sent, total, give_up_at](const queue::Counts& c) {
    progress.update(c);
    if (!stop_sent && (settled(c, total) || std::chrono::steady_clock::now() > give_up_at)) {
      stop_sent = true;
      std::raise(SIGTERM);
    }
  };
  io.restart();
  Daemon daemon(io, config, options);
  return daemon.run();
}

// Three `insightd run` children on the demo's Redis; this process runs the
// simulator and watches the shared queue. Returns what each daemon did.
std::vector<DaemonShare> run_cluster(boost::asio::io_context& io, const Config& config,
                                     const fs::path& config_path, const fs::path& dir,
                                     ProgressPrinter& progress, std::int64_t total,
                                     std::vector<observability::AuditRecord>& records) {
  constexpr int kDaemons = 3;
  const auto self = self_executable();
  std::vector<std::unique_ptr<ChildProcess>> daemons;
  for (int i = 1; i <= kDaemons; ++i) {
    daemons.push_back(std::make_unique<ChildProcess>(
        std::vector<std::string>{self.string(), "run", "-c", config_path.string()},
        dir / fmt::format("daemon-{}.audit.jsonl", i), dir / fmt::format("daemon-{}.log", i)));
  }
  auto opened = boost::asio::co_spawn(io, queue::open_backend(io.get_executor(), config.queue),
                                      boost::asio::use_future);
  auto backend = run_until_ready(io, opened);
  const auto give_up_at = std::chrono::steady_clock::now() + kDemoBound;
  while (std::chrono::steady_clock::now() < give_up_at) {
    auto counted = boost::asio::co_spawn(io, backend->counts(), boost::asio::use_future);
    const auto counts = run_until_ready(io, counted);
    progress.update(counts);
    if (settled(counts, total)) break;
    if (std::all_of(daemons.begin(), daemons.end(), [](auto& d) { return d->poll().has_value(); })) break;
    io.restart();
    io.run_for(250ms);  // the simulator serves the daemons meanwhile
  }
  for (auto& d : daemons) d->signal(SIGTERM);
  const auto stop_limit = std::chrono::steady_clock::now() + 30s;
  while (std::chrono::steady_clock::now() < stop_limit &&
         !std::all_of(daemons.begin(), daemons.end(), [](auto& d) { return d->poll().has_value(); })) {
    io.restart();
    io.run_for(100ms);
  }
  std::vector<DaemonShare> shares;
  for (int i = 1; i <= kDaemons; ++i) {
    auto& d = *daemons[static_cast<std::size_t>(i - 1)];
    DaemonShare share{fmt::format("daemon-{}", i), d.pid(), d.poll().value_or(-1)};
    for (auto& r : read_audit_file(dir / fmt::format("daemon-{}.audit.jsonl", i))) {
      share.done += r.outcome == observability::AuditOutcome::done;
      share.failed += r.outcome == observability::AuditOutcome::failed;
      share.dead += r.outcome == observability::AuditOutcome::dead;
      records.push_back(std::move(r));
    }
    std::ifstream log(dir / fmt::format("daemon-{}.log", i));
    const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    share.led_intake = text.find("now leads") != std::string::npos;
    shares.push_back(std::move(share));
  }
  return shares;
}

}  // namespace

static int run_demo(const std::string& backend) {
  const bool cluster = backend == "redis";
  char dir_template[] = "/tmp/insightd-demo-XXXXXX";
  if (!::mkdtemp(dir_template)) {
    std::perror("demo: cannot create a temporary directory");
    return 1;
  }
  const fs::path dir = dir_template;
  const bool tty = ::isatty(STDOUT_FILENO) != 0;

  std::optional<DemoRedis> redis;
  if (cluster) {
    try {
      redis.emplace(dir);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "demo: %s\n", e.what());
      return 1;
    }
  }

  boost::asio::io_context io(1);
  sim::SimOptions sim_options;
  sim_options.client_id = "insightd-demo";
  sim_options.client_secret = crypto::random_hex(24);
  sim_options.crm_secret = "whsec_" + crypto::base64_encode(crypto::random_hex(24));
  sim_options.token_ttl = 20s;        // short: token refreshes happen during the demo
  sim_options.rate_limit_rpm = 3000;  // the daemons' one budget (1200/min) stays below it...
  sim_options.burst = 40;
  sim_options.latency = 5ms;
  sim_options.retry_after = 1s;  // ...but `ratelimit` IDs still draw a 429 each
  sim_options.slow_latency = 300ms;
  sim_options.crm_fail_first = 1;  // every webhook's first attempt gets a 503: retries show
  // The conversations end on the queues under the sample IDs (faults included);
  // a fifth of their events are lost, for reconciliation to find.
  const auto ids = demo_interaction_ids();
  sim_options.queues = demo_queues;
  sim_options.conversation_ids = ids;
  sim_options.conversations_total = ids.size();
  sim_options.conversations_per_minute = 1200;
  sim_options.drop_events = 0.2;
  sim_options.heartbeat_interval = 1s;
  sim::Simulator simulator(io.get_executor(), sim_options);

  write_private_file(dir / "genesys-secret", sim_options.client_secret);
  write_private_file(dir / "crm-secret", sim_options.crm_secret);
  const fs::path config_path = dir / "insightd.yaml";
  std::ofstream(config_path) << demo_config(dir, simulator.base_url(), redis ? redis->url() : "");

  auto config = load_config_for_command(config_path.string());
  if (!config) return 2;
  // The operational log goes to a file: the terminal shows progress and the summary.
  const fs::path log_path = dir / "insightd.log";
  spdlog::set_default_logger(spdlog::basic_logger_mt("insightd-demo", log_path.string(), true));
  spdlog::set_level(spdlog::level::info);
  spdlog::flush_every(std::chrono::seconds(1));

  std::printf(
      "insightd demo: simulator on %s; %zu conversations end on %zu queues (%zu with injected faults), "
      "1 in 5 of their events lost; the intake finds them\n",
      simulator.base_url().c_str(), ids.size(), demo_queues.size(), demo_fault_count(ids));
  if (cluster)
    std::printf(
        "Three daemons share one Redis (%s): the queue, the outbox, the request budget and the intake lead\n",
        redis->url().c_str());

  // `longlimit` IDs stay parked (Retry-After 3600 s): settled without them.
  const auto parked = std::count_if(ids.begin(), ids.end(), [](const std::string& id) {
    return id.find("longlimit") != std::string::npos;
  });
  const auto total = static_cast<std::int64_t>(ids.size()) - static_cast<std::int64_t>(parked);
  ProgressPrinter progress(tty);
  const auto started = std::chrono::steady_clock::now();
  int rc = 0;
  std::vector<observability::AuditRecord> records;
  std::vector<DaemonShare> shares;
  fs::path audit_path = dir / "audit.jsonl";
  if (cluster) {
    audit_path = dir / "daemon-*.audit.jsonl";
    shares = run_cluster(io, *config, config_path, dir, progress, total, records);
    for (const auto& share : shares) rc = std::max(rc, share.exit_code == 0 ? 0 : 1);
  } else {
    std::FILE* audit_file = std::fopen(audit_path.c_str(), "w");
    if (!audit_file) {
      std::perror("demo: cannot write the audit file");
      return 1;
    }
    auto audit = std::make_shared<DemoAuditSink>(audit_file);
    rc = run_in_process(io, *config, audit, progress, total);
    std::fclose(audit_file);
    records = std::move(audit->records);
  }
  const auto elapsed = std::chrono::steady_clock::now() - started;
  progress.finish();

  // The daemons have stopped; read the final state.
  auto opened = boost::asio::co_spawn(io, queue::open_backend(io.get_executor(), config->queue),
                                      boost::asio::use_future);
  auto store = run_until_ready(io, opened);
  auto counts_future = boost::asio::co_spawn(io, store->counts(), boost::asio::use_future);
  const auto counts = run_until_ready(io, counts_future);

  auto intake_future =
      boost::asio::co_spawn(io, store->setting(std::string(intake::kStatusKey)), boost::asio::use_future);
  const auto intake_text = run_until_ready(io, intake_future);

  DemoSummary summary{records, counts, simulator.stats(), elapsed};
  print_demo_summary(summary, audit_path.string(), config_path.string());
  if (const auto status = intake::recorded_status(intake_text)) {
    std::printf(
        "Intake: %llu conversation(s) found first by the notifications socket, %llu by reconciliation (the "
        "simulator dropped %llu events); %llu reconnect(s)\n",
        static_cast<unsigned long long>(status->found_notifications),
        static_cast<unsigned long long>(status->found_reconcile),
        static_cast<unsigned long long>(summary.sim.events_dropped),
        static_cast<unsigned long long>(status->reconnects));
  }
  for (const auto& share : shares) std::printf("  %s\n", describe(share).c_str());
  if (cluster) std::printf("Daemon logs: %s/daemon-N.log\n", dir.c_str());
  std::printf("Operational log: %s\n", log_path.c_str());
  simulator.stop();
  return rc;
}

int cmd_demo(const std::string& backend) {
  try {
    return run_demo(backend);
  } catch (const std::exception& e) {  // e.g. the queue backend could not be opened
    std::fprintf(stderr, "\ndemo: %s\n", e.what());
    return 1;
  }
}

}  // namespace insightd::app
