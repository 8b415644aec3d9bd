// SPDX-License-Identifier: Apache-2.0
#include "insightd/app/daemon.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/object.hpp>
#include <csignal>
#include <deque>
#include <random>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "console_data.hpp"
#include "insightd/common/async_event.hpp"
#include "insightd/common/backoff.hpp"
#include "insightd/common/log_exceptions.hpp"
#include "insightd/config/loader.hpp"
#include "insightd/delivery/deliverer.hpp"
#include "insightd/genesys/fetcher.hpp"
#include "insightd/genesys/token_manager.hpp"
#include "insightd/governance/governance.hpp"
#include "insightd/http/client.hpp"
#include "insightd/http/server.hpp"
#include "insightd/observability/admin.hpp"
#include "insightd/observability/audit.hpp"
#include "insightd/observability/logging.hpp"
#include "insightd/observability/metrics.hpp"
#include "insightd/observability/systemd_notify.hpp"
#include "insightd/queue/backend.hpp"
#include "intake_hook.hpp"
#include "interaction_processor.hpp"
#include "request_budget.hpp"
#include "telemetry.hpp"

namespace insightd::app {
namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

constexpr auto idle_poll = 500ms;     // how often an idle lease loop looks for due work
constexpr auto progress_period = 1s;  // gauges and the demo's progress line
constexpr auto drain_parked_horizon = std::chrono::minutes(2);

// Everything built from the configuration that a reload replaces.
struct Services {
  std::unique_ptr<http::Client> genesys_http;
  std::unique_ptr<http::Client> crm_http;
  std::unique_ptr<genesys::RequestBudget> limiter;  // shared by every daemon with the redis backend
  std::unique_ptr<genesys::TokenManager> tokens;
  std::unique_ptr<genesys::Fetcher> fetcher;
  std::unique_ptr<delivery::Deliverer> deliverer;
};

}  // namespace

struct Daemon::Impl {
  asio::io_context& io;
  std::shared_ptr<const Config> config;
  DaemonOptions options;

  observability::Metrics metrics{INSIGHTD_VERSION};
  std::shared_ptr<observability::AuditSink> audit;
  governance::PiiScanner scanner;
  std::shared_ptr<queue::Backend> store;
  std::unique_ptr<Telemetry> telemetry;
  std::unique_ptr<Services> services;
  std::unique_ptr<http::Server> admin;
  IntakeHook intake{io.get_executor(), metrics};

  AsyncEvent wake{io.get_executor()};  // lease loop: a worker finished, work arrived, a signal
  // A cycle is fetching (at most genesys.concurrency at once), then settling
  // (governance, the first CRM attempt, the commit) with its fetch slot already
  // handed on, so the upstream connections never wait on the CRM or our fsyncs.
  // Settling cycles are bounded by four times the concurrency, which bounds the
  // results held in memory. Too tight a bound makes fetches wait for settling:
  // 1x made every fetch at concurrency 1 wait for the previous commit (0.65 ->
  // 0.83 of the upstream limit with 2x), and once settling included the CRM
  // attempt, 2x held concurrency 8 back (bench/RESULTS.md).
  static constexpr int settling_bound_per_slot = 4;
  int active_cycles = 0;  // fetching + settling
  int fetching = 0;
  std::deque<queue::Lease> ready;  // leased ahead, so a freed slot starts its next fetch at once
  // Interactions with a cycle running here, and a newer lease of one of them
  // (its old lease expired while it ran): started when the running one ends,
  // so one process never runs two cycles of one interaction.
  std::unordered_set<std::string> running;
  std::unordered_map<std::string, queue::Lease> deferred;
  // Leasing waits for an access token: while the token endpoint fails, work
  // stays queued instead of each interaction spending a cycle on it.
  int token_failures = 0;
  std::optional<std::string> leasing_paused;   // why, for /readyz
  std::optional<std::string> backend_problem;  // the queue backend cannot be reached
  BackoffPolicy backend_backoff{100ms, 5s};
  std::chrono::steady_clock::time_point next_token_try{};
  std::mt19937_64 rng{std::random_device{}()};
  bool reloading = false;
  bool deliverer_running = false;
  bool stopping = false;
  bool reload_requested = false;
  int exit_code = 0;

  Impl(asio::io_context& io_, Config cfg, DaemonOptions opts)
      : io(io_),
        config(std::make_shared<const Config>(std::move(cfg))),
        options(std::move(opts)),
        scanner(governance::pii_options(config->governance)) {}

  asio::any_io_executor executor() { return io.get_executor(); }

  std::unique_ptr<Services> build_services(const Config& cfg) {
    auto s = std::make_unique<Services>();
    s->genesys_http = http::make_client(executor(), {.ca_file = cfg.genesys.ca_file});
    s->crm_http = http::make_client(executor(), {.ca_file = cfg.crm.ca_file});
    s->limiter = make_request_budget(executor(), cfg);
    s->tokens = std::make_unique<genesys::TokenManager>(executor(), *s->genesys_http, *s->limiter,
                                                        cfg.genesys, telemetry.get());
    s->fetcher = std::make_unique<genesys::Fetcher>(executor(), *s->genesys_http, *s->tokens, *s->limiter,
                                                    cfg, telemetry.get());
    s->deliverer =
        std::make_unique<delivery::Deliverer>(executor(), store, *s->crm_http, cfg.crm, telemetry.get());
    metrics.rate_limit_budget.set(cfg.genesys.requests_per_minute);
    metrics.crm_circuit_open.set(0);  // a new deliverer starts with its circuit closed
    return s;
  }

  void start_deliverer() {
    deliverer_running = true;
    asio::co_spawn(executor(), services->deliverer->run(), [this](std::exception_ptr e) {
      LogExceptions{"delivery workers"}(e);
      deliverer_running = false;
      if (e && !stopping) {
        // Without delivery nothing can finish: stop (exit 1) so systemd restarts us.
        spdlog::error("delivery workers stopped on an error; shutting down");
        exit_code = 1;
        stopping = true;
      }
      wake.notify();
    });
  }

  asio::awaitable<void> stop_deliverer() {
    services->deliverer->stop();
    while (deliverer_running) {
      const bool woke = co_await wake.wait(idle_poll);
      (void)woke;
    }
  }

  // Waits until no cycle is running, at most `limit`; true when none is left.
  asio::awaitable<bool> wait_for_cycles(std::chrono::steady_clock::duration limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (active_cycles > 0 && std::chrono::steady_clock::now() < deadline) {
      const bool woke = co_await wake.wait(std::min<std::chrono::steady_clock::duration>(
          idle_poll, deadline - std::chrono::steady_clock::now()));
      (void)woke;
    }
    co_return active_cycles == 0;
  }

  ProcessorContext processor_context() {
    ProcessorContext ctx;
    ctx.config = config.get();
    ctx.fetcher = services->fetcher.get();
    ctx.scanner = &scanner;
    ctx.store = store.get();
    ctx.deliverer = services->deliverer.get();
    ctx.audit = [this](const observability::AuditRecord& r) { telemetry->record_cycle(r); };
    ctx.outbox_written = [this] { services->deliverer->wake(); };
    ctx.governed = [this](const governance::GovernanceResult& g, const std::vector<Insight>& kept) {
      telemetry->record_governance(g);
      if (!g.blocked && g.pass) telemetry->record_insights(kept);
    };
    return ctx;
  }

  // Starts leased-ahead cycles while a fetch slot is free and settling is not backed up.
  void start_ready() {
    const int limit = config->genesys.concurrency;
    while (!stopping && !reloading && !ready.empty() && fetching < limit &&
           active_cycles - fetching < settling_bound_per_slot * limit) {
      auto lease = std::move(ready.front());
      ready.pop_front();
      wake.notify();  // the lease loop tops `ready` up
      if (running.contains(lease.interaction_id)) {
        spdlog::warn("interaction {}: leased again while its cycle still runs here; it waits for that cycle",
                     lease.interaction_id);
        deferred.insert_or_assign(lease.interaction_id, std::move(lease));
        continue;
      }
      start_cycle(std::move(lease));
    }
  }

  void cycle_ended(const std::string& id) {
    running.erase(id);
    if (auto it = deferred.find(id); it != deferred.end()) {
      ready.push_front(std::move(it->second));
      deferred.erase(it);
    }
  }

  void start_cycle(queue::Lease lease) {
    ++active_cycles;
    ++fetching;
    running.insert(lease.interaction_id);
    auto slot_held = std::make_shared<bool>(true);
    auto free_slot = [this, slot_held] {
      if (std::exchange(*slot_held, false)) --fetching;
    };
    // The context pins this generation's services: a reload waits for active_cycles == 0.
    auto ctx = processor_context();
    ctx.fetched = [this, free_slot] {
      free_slot();
      start_ready();
    };
    auto id = lease.interaction_id;
    auto held = lease;
    asio::co_spawn(executor(), process_interaction(std::move(ctx), std::move(lease)),
                   [this, free_slot, id = std::move(id), held = std::move(held)](std::exception_ptr e) {
                     LogExceptions{"interaction cycle"}(e);
                     // The outcome was not stored (the queue backend failed): hand the lease
                     // back, so the interaction is done again instead of renewed forever.
                     if (e) give_back(held);
                     free_slot();
                     --active_cycles;
                     cycle_ended(id);
                     start_ready();
                     wake.notify();
                   });
  }

  // SIGHUP: validate the file again; an invalid one is rejected and the old
  // configuration kept. A valid one is applied between interactions: leasing
  // pauses, in-flight work finishes, the services are rebuilt.
  asio::awaitable<void> reload() {
    reloading = true;  // no new cycles until the services are rebuilt (or the reload is given up)
    co_await apply_reload();
    reloading = false;
  }

  asio::awaitable<void> apply_reload() {
    reload_requested = false;
    observability::notify_reloading();
    auto loaded = load_config_file(config->path);
    for (const auto& w : loaded.warnings) spdlog::warn("reload: {}", w.str());
    if (!loaded.config) {
      for (const auto& e : loaded.errors) spdlog::error("reload rejected: {}", e.str());
      spdlog::error("reload rejected: {} problem(s) in {}; still running on the previous configuration",
                    loaded.errors.size(), config->path);
      observability::notify_ready();
      co_return;
    }
    const bool idle = co_await wait_for_cycles(config->queue.shutdown_grace);
    if (!idle) {
      spdlog::warn("reload postponed: interactions still in flight after the grace period");
      reload_requested = true;
      co_return;
    }
    co_await stop_deliverer();
    if (loaded.config->queue.sqlite_path != config->queue.sqlite_path ||
        loaded.config->queue.backend != config->queue.backend ||
        loaded.config->admin.listen != config->admin.listen) {
      spdlog::warn("reload: queue and admin settings take effect at the next restart");
    }
    co_await intake.stop();  // it uses the services about to be replaced
    config = std::make_shared<const Config>(std::move(*loaded.config));
    scanner = governance::PiiScanner(governance::pii_options(config->governance));
    observability::setup_logging(config->log.level, observability::stderr_is_journal());
    services = build_services(*config);
    start_deliverer();
    start_intake();
    spdlog::info("configuration reloaded from {}", config->path);
    observability::notify_ready();
  }

  asio::awaitable<void> handle_signals() {
    asio::signal_set signals(io, SIGTERM, SIGINT, SIGHUP);
    while (!stopping) {
      const int signo = co_await signals.async_wait(asio::use_awaitable);
      if (signo == SIGHUP) {
        spdlog::info("SIGHUP: reloading {}", config->path);
        reload_requested = true;
      } else {
        spdlog::info("{}: stopping (grace {} s)", signo == SIGTERM ? "SIGTERM" : "SIGINT",
                     std::chrono::duration_cast<std::chrono::seconds>(config->queue.shutdown_grace).count());
        observability::notify_stopping();
        stopping = true;
      }
      wake.notify();
    }
  }

  asio::awaitable<void> watchdog(std::chrono::microseconds interval) {
    // Pinged from the io_context itself: a stuck loop stops pinging and systemd restarts us.
    asio::steady_timer timer(io);
    while (!stopping) {
      observability::notify_watchdog();
      timer.expires_after(interval / 2);
      co_await timer.async_wait(asio::use_awaitable);
    }
  }

  std::optional<std::string> not_ready_reason() const {
    if (!store) return "queue not open";
    if (backend_problem) return backend_problem;
    if (leasing_paused) return leasing_paused;
    return telemetry->token_problem();
  }

  void start_admin() {
    observability::AdminDeps deps;
    deps.metrics = &metrics;
    deps.token = config->admin.token;
    deps.not_ready_reason = [this] { return not_ready_reason(); };
    deps.enqueue = [this](std::vector<std::string> ids) { return admin_enqueue(std::move(ids)); };
    deps.lookup = [this](std::string id) { return admin_lookup(std::move(id)); };
    deps.console = observability::make_console(console_deps(
        store, config->admin.token,
        [this] {
          wake.notify();
          if (services) services->deliverer->wake();
        },
        [this] { return config->intake.enabled; }));
    http::ServerOptions opts;
    opts.host = config->admin.host;
    opts.port = config->admin.port;
    opts.max_request_body = 1u << 20;
    opts.max_connections = 64;
    opts.request_timeout = 10s;
    opts.header_timeout = 2s;  // idle or silent clients make room for probes and scrapes
    admin = http::make_server(executor(), opts, observability::make_admin_handler(std::move(deps)));
    spdlog::info("admin endpoint on http://{}:{} (/metrics /healthz /readyz /v1/interactions)", opts.host,
                 admin->port());
  }

  asio::awaitable<result<std::size_t>> admin_enqueue(std::vector<std::string> ids) {
    auto added = co_await store->enqueue(std::move(ids));
    wake.notify();
    co_return added.added;
  }

  asio::awaitable<std::optional<boost::json::object>> admin_lookup(std::string id) {
    auto info = co_await store->interaction(std::move(id));
    if (!info) co_return std::nullopt;
    co_return queue::to_json(*info);
  }

  asio::awaitable<void> refresh_gauges() {
    auto counts = co_await store->counts();
    telemetry->record_counts(counts);
    auto held = co_await store->held_reason();
    telemetry->record_held(held.has_value());
    if (options.on_progress) options.on_progress(counts);
  }

  // True when --drain may exit: nothing pending that is due, leased, or awaiting delivery.
  asio::awaitable<bool> drained() {
    if (active_cycles > 0) co_return false;
    auto counts = co_await store->counts();
    if (counts.in_flight == 0 && counts.delivering > 0) {
      // Held after a 410: nothing will move until an operator acts, so --drain ends (exit 1).
      auto held = co_await store->held_reason();
      if (held) {
        spdlog::error(
            "--drain: {} interaction(s) wait on held deliveries ({}); fix the CRM endpoint, then run "
            "`insightd resume-deliveries`",
            counts.delivering, *held);
        exit_code = 1;
        co_return true;
      }
    }
    if (counts.in_flight != 0 || counts.delivering != 0 || counts.outbox != 0) co_return false;
    if (counts.pending == 0) co_return true;
    // Pending rows not due within the horizon are parked (a long-window 429): settled for now.
    const auto parked = co_await store->count_parked(drain_parked_horizon);
    if (parked == counts.pending)
      spdlog::info("drained; {} interaction(s) parked until their rate window", parked);
    co_return parked == counts.pending;
  }

  // True when a token is at hand (usually cached). Otherwise leasing pauses
  // and the token is asked for again with backoff; /readyz says why meanwhile.
  asio::awaitable<bool> token_available() {
    const auto now = std::chrono::steady_clock::now();
    if (now < next_token_try) co_return false;
    std::string detail;
    auto token = co_await services->tokens->token(&detail);
    if (token) {
      if (token_failures > 0) spdlog::info("access token obtained again; leasing resumes");
      token_failures = 0;
      leasing_paused.reset();
      co_return true;
    }
    ++token_failures;
    const auto& retry = config->genesys.retry;
    const auto delay =
        std::max(BackoffPolicy{retry.initial, retry.max}.delay(token_failures, rng), retry.initial);
    next_token_try = std::chrono::steady_clock::now() + delay;
    spdlog::warn("no access token: {}; leasing paused, next try in {} ms", detail, delay.count());
    leasing_paused = "no access token, leasing paused: " + detail;
    co_return false;
  }

  // Renews every lease this daemon holds, every third of lease_timeout, for
  // as long as the daemon runs: a cycle longer than the lease keeps it, and a
  // daemon that dies lets go after lease_timeout.
  asio::awaitable<void> renew_leases() {
    asio::steady_timer timer(io);
    const auto period = std::max<std::chrono::milliseconds>(config->queue.lease_timeout / 3, 10ms);
    for (;;) {
      timer.expires_after(period);
      co_await timer.async_wait(asio::use_awaitable);
      try {
        co_await store->renew_leases();
      } catch (const std::exception& e) {
        spdlog::error("renewing leases failed (retried in {} ms): {}", period.count(), e.what());
      }
    }
  }

  asio::awaitable<void> lease_loop() {
    auto next_progress = std::chrono::steady_clock::now();
    int backend_failures = 0;
    while (!stopping) {
      std::optional<std::string> backend_error;
      try {
        if (reload_requested) co_await reload();
        if (std::chrono::steady_clock::now() >= next_progress) {
          co_await refresh_gauges();
          next_progress = std::chrono::steady_clock::now() + progress_period;
        }
        start_ready();
        // Refilled in batches, from half empty: one lease (and one outbox check)
        // per several cycles instead of one per cycle.
        const int wanted = config->genesys.concurrency - static_cast<int>(ready.size());
        if (wanted > 0 && static_cast<int>(ready.size()) <= config->genesys.concurrency / 2 && !stopping) {
          const auto depth = co_await store->outbox_depth();
          bool may_lease = depth < config->crm.queue_capacity;
          if (may_lease) {
            const bool have_token = co_await token_available();
            may_lease = have_token;
          }
          if (may_lease) {
            auto leases = co_await store->lease(static_cast<std::size_t>(wanted));
            backend_reachable(backend_failures);
            for (auto& lease : leases) ready.push_back(std::move(lease));
            start_ready();
            if (!leases.empty()) continue;
          }
        }
        if (options.drain) {
          const bool done = co_await drained();
          if (done) break;
        }
        backend_reachable(backend_failures);
      } catch (const std::exception& e) {
        backend_error = e.what();
      }
      if (backend_error) {
        // The queue backend cannot be reached (Redis down or failing over):
        // leasing pauses, cycles already running finish, /readyz says why.
        const auto delay = backend_backoff.delay(++backend_failures, rng);
        backend_problem = "queue backend unavailable, leasing paused: " + *backend_error;
        if (backend_failures == 1)
          spdlog::warn("{}; trying again with backoff", *backend_problem);
        else
          spdlog::debug("{}; next try in {} ms", *backend_problem, delay.count());
        const bool woke = co_await wake.wait(delay);
        (void)woke;
        continue;
      }
      const bool woke = co_await wake.wait(idle_poll);
      (void)woke;
    }
  }

  // The cycle's outcome could not be stored: hand its lease back, retrying
  // while the backend still fails (a full disk), or the interaction would stay
  // in flight, renewed by this daemon, until a restart.
  void give_back(queue::Lease lease) {
    asio::co_spawn(executor(), give_back_until_released(store, std::move(lease)),
                   LogExceptions{"giving a lease back"});
  }

  static asio::awaitable<void> give_back_until_released(std::shared_ptr<queue::Backend> store,
                                                        queue::Lease lease) {
    asio::steady_timer pause(co_await asio::this_coro::executor);
    const BackoffPolicy backoff{1s, 30s};
    for (int failures = 1;; ++failures) {
      std::optional<std::string> error;
      try {
        co_await store->release(lease, std::chrono::seconds(5), "the cycle's outcome could not be stored");
      } catch (const std::exception& e) {
        error = e.what();
      }
      if (!error) co_return;
      if (failures == 1)
        spdlog::warn("interaction {}: cannot give its lease back yet, retrying: {}", lease.interaction_id,
                     *error);
      pause.expires_after(backoff.ceiling(failures));
      co_await pause.async_wait(asio::use_awaitable);
    }
  }

  void backend_reachable(int& failures) {
    if (failures == 0) return;
    spdlog::info("queue backend reachable again after {} failed tries; leasing resumes", failures);
    failures = 0;
    backend_problem.reset();
  }

  void start_intake() {
    intake.start(*config, *services->genesys_http, *services->tokens, *services->limiter, store);
  }

  asio::awaitable<void> shutdown() {
    co_await intake.stop();
    const bool idle = co_await wait_for_cycles(config->queue.shutdown_grace);
    if (!idle) spdlog::warn("{} interaction(s) still in flight after the grace period", active_cycles);
    try {
      const auto returned = co_await store->return_all_leases();
      if (returned > 0) spdlog::info("returned {} lease(s) to pending", returned);
    } catch (const std::exception& e) {
      spdlog::warn("leases not returned (they come back after queue.lease_timeout): {}", e.what());
    }
    co_await stop_deliverer();
    try {
      co_await refresh_gauges();
    } catch (const std::exception& e) {
      spdlog::warn("final queue counts not read: {}", e.what());
    }
    const auto commits = store->commit_stats();
    spdlog::info("queue: {} operations in {} transactions ({} synced to disk) since start",
                 commits.operations, commits.transactions, commits.synced);
    if (admin) admin->stop();
  }

  asio::awaitable<void> serve() {
    // A queue on a server (Redis) that is down is no reason to exit: the daemon
    // starts, /readyz names it, and leasing begins once it answers.
    auto opened = co_await queue::open_backend(executor(), config->queue, {}, queue::Connect::in_background);
    store = std::move(opened);
    telemetry = std::make_unique<Telemetry>(metrics, audit, [this] { wake.notify(); });
    services = build_services(*config);
    start_admin();
    if (options.handle_signals) asio::co_spawn(executor(), handle_signals(), LogExceptions{"signal handler"});
    if (auto interval = observability::watchdog_interval()) {
      asio::co_spawn(executor(), watchdog(*interval), LogExceptions{"watchdog"});
    }
    start_deliverer();
    asio::co_spawn(executor(), renew_leases(), LogExceptions{"lease renewal"});
    start_intake();
    observability::notify_ready();
    spdlog::info("insightd running: source {}, queue {}, concurrency {}", to_string(config->genesys.source),
                 store->describe(), config->genesys.concurrency);
    co_await lease_loop();
    stopping = true;
    wake.notify();
    co_await shutdown();
    spdlog::info("insightd stopped");
  }
};

Daemon::Daemon(asio::io_context& io, Config config, DaemonOptions options)
    : impl_(std::make_unique<Impl>(io, std::move(config), std::move(options))) {
  impl_->audit = impl_->options.audit_sink ? impl_->options.audit_sink
                                           : std::shared_ptr<observability::AuditSink>(
                                                 observability::make_audit_sink(impl_->config->audit.sink));
}

Daemon::~Daemon() = default;

std::uint16_t Daemon::admin_port() const noexcept {
  return impl_->admin ? impl_->admin->port() : 0;
}

int Daemon::run() {
  auto& impl = *impl_;
  bool finished = false;
  asio::co_spawn(impl.io, impl.serve(), [&](std::exception_ptr e) {
    finished = true;
    if (e) {
      LogExceptions{"insightd"}(e);
      impl.exit_code = 1;
    }
    impl.io.stop();  // ends the signal handler, the watchdog and any straggler
  });
  impl.io.run();
  return finished ? impl.exit_code : 1;
}

}  // namespace insightd::app
