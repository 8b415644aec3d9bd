// SPDX-License-Identifier: Apache-2.0
#include "insightd/app/daemon.hpp"

#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/object.hpp>
#include <csignal>
#include <utility>

#include "console_data.hpp"
#include "genesys_stack.hpp"
#include "insightd/common/async_event.hpp"
#include "insightd/common/log_exceptions.hpp"
#include "insightd/common/task_group.hpp"
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
#include "insightd/pipeline/adapters.hpp"
#include "insightd/pipeline/interaction_processor.hpp"
#include "insightd/pipeline/scheduler.hpp"
#include "insightd/queue/backend.hpp"
#include "intake_hook.hpp"
#include "request_budget.hpp"
#include "telemetry.hpp"

namespace insightd::app {
namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

constexpr auto kProgressPeriod = 1s;  // gauges and the demo's progress line

// Everything built from the configuration that a reload replaces.
struct Services {
  GenesysStack genesys;  // its budget is shared by every daemon with the redis backend
  std::unique_ptr<http::Client> crm_http;
  std::unique_ptr<delivery::Deliverer> deliverer;
  // The pipeline's view of them.
  std::unique_ptr<pipeline::GenesysFetch> fetch;
  std::unique_ptr<pipeline::DelivererFirstAttempt> first_attempt;
  std::unique_ptr<pipeline::GenesysTokens> access_tokens;
  std::unique_ptr<pipeline::InteractionProcessor> processor;
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
  // Conversations the intake queued wake the lease loop, as an admin enqueue does.
  IntakeHook intake{io.get_executor(), metrics, [this] { wake(); }};
  std::unique_ptr<pipeline::Scheduler> scheduler;
  // The daemon's own loops (signals, watchdog, lease renewal, delivery): shutdown waits for them.
  TaskGroup tasks{io.get_executor()};

  AsyncEvent deliverer_ended{io.get_executor()};
  std::chrono::steady_clock::time_point next_progress{};
  bool deliverer_running = false;
  bool stopping = false;
  bool reload_requested = false;
  int exit_code = 0;

  Impl(asio::io_context& context, Config cfg, DaemonOptions opts)
      : io(context),
        config(std::make_shared<const Config>(std::move(cfg))),
        options(std::move(opts)),
        scanner(governance::pii_options(config->governance)) {}

  asio::any_io_executor executor() { return io.get_executor(); }

  std::unique_ptr<Services> build_services(const Config& cfg) {
    auto s = std::make_unique<Services>();
    s->genesys = make_genesys_stack(executor(), cfg, make_request_budget(executor(), cfg), telemetry.get());
    s->crm_http = http::make_client(executor(), {.ca_file = cfg.crm.ca_file});
    s->deliverer =
        std::make_unique<delivery::Deliverer>(executor(), store, *s->crm_http, cfg.crm, telemetry.get());
    s->fetch = std::make_unique<pipeline::GenesysFetch>(*s->genesys.fetcher);
    s->first_attempt = std::make_unique<pipeline::DelivererFirstAttempt>(*s->deliverer);
    s->access_tokens = std::make_unique<pipeline::GenesysTokens>(*s->genesys.tokens);
    s->processor = std::make_unique<pipeline::InteractionProcessor>(processor_context(*s));
    metrics.rate_limit_budget.set(cfg.genesys.requests_per_minute);
    metrics.crm_circuit_open.set(0);  // a new deliverer starts with its circuit closed
    return s;
  }

  void start_deliverer() {
    deliverer_running = true;
    tasks.spawn("delivery workers", services->deliverer->run(), [this](std::exception_ptr e) {
      deliverer_running = false;
      if (e && !stopping) {
        // Without delivery nothing can finish: stop (exit 1) so systemd restarts us.
        spdlog::error("delivery workers stopped on an error; shutting down");
        exit_code = 1;
        stop();
      }
      deliverer_ended.notify();
    });
  }

  asio::awaitable<void> stop_deliverer() {
    services->deliverer->stop();
    while (deliverer_running) co_await deliverer_ended.wait();  // notified when run() ends
  }

  void stop() {
    stopping = true;
    if (scheduler) scheduler->stop();
  }

  void wake() {
    if (scheduler) scheduler->wake();
  }

  // The configuration and the services of one generation, as the pipeline sees them.
  pipeline::ProcessorContext processor_context(Services& s) {
    pipeline::ProcessorContext ctx;
    ctx.config = config.get();
    ctx.fetch = s.fetch.get();
    ctx.scanner = &scanner;
    ctx.queue = store.get();
    ctx.first_attempt = s.first_attempt.get();
    ctx.audit = [this](const observability::AuditRecord& r) { telemetry->record_cycle(r); };
    ctx.outbox_written = [deliverer = s.deliverer.get()] { deliverer->wake(); };
    ctx.governed = [this](const governance::GovernanceResult& g, const std::vector<Insight>& kept) {
      telemetry->record_governance(g);
      if (!g.blocked && g.pass) telemetry->record_insights(kept);
    };
    return ctx;
  }

  pipeline::Generation generation() {
    return {config, services->processor.get(), services->access_tokens.get()};
  }

  // SIGHUP: validate the file again; an invalid one is rejected and the old
  // configuration kept. A valid one is applied between interactions: leasing
  // pauses, in-flight work finishes, the services are rebuilt.
  asio::awaitable<void> reload() {
    scheduler->hold(true);  // no new cycles until the services are rebuilt (or the reload is given up)
    co_await apply_reload();
    scheduler->hold(false);
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
    const bool idle = co_await scheduler->wait_for_cycles(config->queue.shutdown_grace);
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
    scheduler->use(generation());
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
        stop();
      }
      wake();
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
    if (auto paused = scheduler ? scheduler->not_ready_reason() : std::nullopt) return paused;
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
          wake();
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
    wake();
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

  // The scheduler's hook at the top of every round: a reload asked for, the gauges when due.
  asio::awaitable<void> between_rounds() {
    if (reload_requested) co_await reload();
    if (std::chrono::steady_clock::now() >= next_progress) {
      co_await refresh_gauges();
      next_progress = std::chrono::steady_clock::now() + kProgressPeriod;
    }
  }

  void start_intake() {
    intake.start(*config, *services->genesys.http, *services->genesys.tokens, *services->genesys.budget,
                 store);
  }

  asio::awaitable<void> shutdown() {
    co_await intake.stop();
    co_await scheduler->shutdown(config->queue.shutdown_grace);
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

  // Runs the daemon, then ends every task it started, whether it ended well or threw.
  asio::awaitable<void> serve() {
    std::exception_ptr failure;
    try {
      co_await serve_until_stopped();
    } catch (...) {
      failure = std::current_exception();
    }
    co_await end_tasks();  // not in the catch handler: GCC 12 miscompiles co_await there
    if (failure) std::rethrow_exception(failure);
    spdlog::info("insightd stopped");
  }

  // What is still running after shutdown() (the signal handler, the watchdog;
  // after a failure, anything) is cancelled. A task that ignores its
  // cancellation for the grace period is named and left behind: run() returns
  // without it.
  asio::awaitable<void> end_tasks() {
    stopping = true;
    if (services) {
      services->deliverer->cancel();
      services->genesys.tokens->cancel();
      services->genesys.budget->cancel();
    }
    tasks.cancel();
    const bool ended = co_await tasks.wait_for(config->queue.shutdown_grace);
    if (!ended) {
      spdlog::warn("shutdown: {} did not end within the grace period; exiting without waiting for it",
                   fmt::join(tasks.running(), ", "));
    }
  }

  asio::awaitable<void> serve_until_stopped() {
    // A queue on a server (Redis) that is down is no reason to exit: the daemon
    // starts, /readyz names it, and leasing begins once it answers.
    auto opened = co_await queue::open_backend(executor(), config->queue, {}, queue::OpenedBy::daemon,
                                               queue::Connect::in_background);
    store = std::move(opened);
    telemetry = std::make_unique<Telemetry>(metrics, audit, [this] { wake(); });
    services = build_services(*config);
    pipeline::SchedulerOptions scheduling;
    scheduling.drain = options.drain;
    scheduling.between_rounds = [this] { return between_rounds(); };
    scheduler = std::make_unique<pipeline::Scheduler>(executor(), *store, *store, generation(),
                                                      std::move(scheduling));
    start_admin();
    if (options.handle_signals) tasks.spawn("signal handler", handle_signals());
    if (auto interval = observability::watchdog_interval()) tasks.spawn("watchdog", watchdog(*interval));
    start_deliverer();
    tasks.spawn("lease renewal", scheduler->renew_leases());
    start_intake();
    observability::notify_ready();
    spdlog::info("insightd running: source {}, queue {}, concurrency {}", to_string(config->genesys.source),
                 store->describe(), config->genesys.concurrency);
    const auto ended = co_await scheduler->run();
    if (ended == pipeline::Scheduler::Ended::drained_held) exit_code = 1;
    stopping = true;
    co_await shutdown();
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
  });
  // serve() ends once its tasks have (or the grace period gave up on them).
  // The io_context is not necessarily the daemon's alone (the demo runs its
  // simulator on it), so this runs it until then, not until it runs out of work.
  while (!finished && impl.io.run_one() > 0) {
  }
  return finished ? impl.exit_code : 1;
}

}  // namespace insightd::app
