// SPDX-License-Identifier: Apache-2.0
#include "insightd/intake/intake.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <unordered_set>

#include "insightd/common/async_event.hpp"
#include "insightd/common/task_group.hpp"
#include "insightd/http/stream_connect.hpp"
#include "insightd/intake/assistants.hpp"
#include "insightd/queue/backend.hpp"
#include "live_path.hpp"
#include "upstream.hpp"

namespace insightd::intake {
namespace asio = boost::asio;
using steady = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

class SingleDaemon final : public Leadership {
 public:
  asio::awaitable<void> acquire() override { co_return; }
  bool leading() const noexcept override { return true; }
};

std::int64_t unix_ms(SysTime t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

// "host (pid N)": which daemon wrote the status, for the operator.
std::string this_daemon() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return fmt::format("{} (pid {})", host[0] != '\0' ? host : "unknown host", getpid());
}

constexpr std::size_t kRecentlyEnqueuedLimit = 100000;
constexpr auto kStatusFlushPeriod = 2s;
// Written at least this often even when nothing changed, so a reader can tell
// a quiet leader from a dead one (the console calls it stale after 120 s).
constexpr auto kStatusRewritePeriod = 30s;

}  // namespace

std::unique_ptr<Leadership> make_single_daemon_leadership() {
  return std::make_unique<SingleDaemon>();
}

struct Intake::Impl : detail::LiveHost {
  Dependencies deps;
  Config cfg;
  Observer no_observer;
  Observer* observer;
  detail::Upstream upstream;
  AsyncEvent wake;
  bool stopped = false;
  bool reconcile_requested = false;
  bool status_dirty = true;
  TaskGroup loops;               // the paths run() started
  std::uint64_t generation = 0;  // bumped when the queue list changes: the live path re-subscribes
  std::vector<std::string> queues;
  Status status;
  std::unordered_set<std::string> recently_enqueued;  // saves a durable write per repeated event
  std::vector<std::function<void()>> socket_closers;
  asio::ssl::context tls_context;

  Impl(Dependencies d, const Config& c)
      : deps(std::move(d)),
        cfg(c),
        observer(deps.observer ? deps.observer : &no_observer),
        wake(deps.executor),
        loops(deps.executor),
        tls_context(http::make_client_tls_context(cfg.genesys.ca_file)) {
    upstream.deps = deps;
    upstream.genesys = &cfg.genesys;
    // Not a coroutine: it only forwards to the member (GCC 12 and coroutine lambdas).
    upstream.sleep = [this](std::chrono::milliseconds delay) { return sleep(delay); };
  }

  // --- LiveHost ---
  const Config& config() const override { return cfg; }
  asio::any_io_executor executor() override { return deps.executor; }
  bool stopping() const override { return stopped; }
  std::uint64_t current_generation() const override { return generation; }
  detail::Upstream& api() override { return upstream; }
  asio::awaitable<bool> sleep(std::chrono::milliseconds delay) override {
    const auto deadline = steady::now() + delay;
    // wake is notified by cancel(); another notify only makes the loop look again.
    while (!stopped && steady::now() < deadline) co_await wake.wait(deadline - steady::now());
    co_return !stopped;
  }
  void set_socket_state(std::string state) override {
    if (state != status.socket) status.socket_since_ms = unix_ms(std::chrono::system_clock::now());
    status.socket = std::move(state);
    observer->on_socket(status.socket == "connected");
    status_dirty = true;
  }
  void set_channel(std::size_t index, std::size_t count, std::string id) override {
    status.channels.resize(count);
    status.channels[index] = std::move(id);
    status_dirty = true;
  }
  asio::ssl::context& tls() override { return tls_context; }
  asio::awaitable<void> wait_a_moment() override {
    co_await wake.wait(1s);  // or less: a notify() ends it
  }
  void notify() override { wake.notify(); }
  void on_message() override {
    status.last_event_ms = unix_ms(std::chrono::system_clock::now());
    status_dirty = true;  // written with the next flush, not per message
  }
  void problem(std::string message) override {
    if (status.problems.size() >= kRecentProblemsKept)
      status.problems.erase(status.problems.begin(),
                            status.problems.end() - static_cast<std::ptrdiff_t>(kRecentProblemsKept - 1));
    status.problems.push_back({unix_ms(std::chrono::system_clock::now()), std::move(message)});
    status_dirty = true;
  }
  // A run once the socket is up, the first one too: a conversation that ended
  // after the previous run's query but before this socket listened (a
  // takeover, a start, a reconnect) was heard by nobody.
  void on_connected(bool reconnect) override {
    if (reconnect) ++status.reconnects;
    request_reconcile();
  }
  void on_socket_lost() override { request_reconcile(); }
  std::size_t add_socket_closer(std::function<void()> close) override {
    socket_closers.push_back(std::move(close));
    return socket_closers.size() - 1;
  }
  void remove_socket_closer(std::size_t index) override {
    if (index < socket_closers.size()) socket_closers[index] = nullptr;
  }
  asio::awaitable<void> finished(std::string conversation_id) override {
    observer->on_event("notifications");
    if (recently_enqueued.contains(conversation_id)) co_return;
    // Arguments built first: GCC 12 rejects a braced list inside this co_await.
    std::vector<std::string> ids{std::move(conversation_id)};
    std::string path = "notifications";
    const auto added = co_await enqueue(std::move(ids), std::move(path));
    (void)added;
  }

  void request_reconcile() {
    reconcile_requested = true;
    wake.notify();
  }

  // Enqueues with the delay; an ID the queue knows in any state is not queued again.
  asio::awaitable<std::size_t> enqueue(std::vector<std::string> ids, std::string path) {
    if (recently_enqueued.size() > kRecentlyEnqueuedLimit) recently_enqueued.clear();
    for (const auto& id : ids) recently_enqueued.insert(id);
    queue::EnqueueOptions options{.not_before_delay = cfg.intake.enqueue_delay, .requeue_finished = false};
    auto result = co_await deps.store->enqueue(std::move(ids), options);
    if (result.added > 0) {
      observer->on_enqueued(path, result.added);
      if (path == "notifications") {
        status.found_notifications += result.added;
      } else {
        status.found_reconcile += result.added;
      }
      status_dirty = true;
    }
    co_return result.added;
  }

  // --- queues ---
  asio::awaitable<std::optional<std::vector<std::string>>> discover_assisted() {
    std::vector<std::string> assistants;
    std::string next = assistants_path();
    while (!next.empty()) {
      auto reply = co_await upstream.call("GET", next, "");
      if (!reply.ok) {
        spdlog::error("{}; the intake keeps its previous queue list", reply.error);
        problem(reply.error);
        co_return std::nullopt;
      }
      auto listing = parse_entity_listing(reply.response.body);
      if (!listing) {
        spdlog::error("intake: GET /api/v2/assistants: unexpected answer");
        problem("GET /api/v2/assistants: unexpected answer");
        co_return std::nullopt;
      }
      assistants.insert(assistants.end(), listing->ids.begin(), listing->ids.end());
      next = listing->next_uri;
    }
    std::vector<std::string> found;
    for (const auto& assistant : assistants) {
      std::string page = assistant_queues_path(assistant);
      while (!page.empty()) {
        auto reply = co_await upstream.call("GET", page, "");
        auto listing = reply.ok ? parse_entity_listing(reply.response.body)
                                : result<EntityListing>(errc::malformed_response);
        if (!listing) {
          auto why = fmt::format("queues of assistant {}: {}", assistant,
                                 reply.ok ? "unexpected answer" : reply.error);
          spdlog::error("intake: {}", why);
          problem(std::move(why));
          co_return std::nullopt;
        }
        for (auto& q : listing->ids)
          if (std::find(found.begin(), found.end(), q) == found.end()) found.push_back(std::move(q));
        page = listing->next_uri;
      }
    }
    std::sort(found.begin(), found.end());
    co_return found;
  }

  void set_queues(std::vector<std::string> list) {
    if (list == queues) return;
    spdlog::info("intake: {} queue(s): {}", list.size(), fmt::join(list, ", "));
    queues = std::move(list);
    status.queues = queues;
    status_dirty = true;
    ++generation;
    for (auto& close : socket_closers)
      if (close) close();
    wake.notify();
  }

  asio::awaitable<void> assisted_loop() {
    while (!stopped) {
      const bool go_on = co_await sleep(cfg.intake.assisted_refresh);
      if (!go_on) break;
      auto found = co_await discover_assisted();
      if (found) set_queues(std::move(*found));
    }
  }

  // --- reconciliation ---
  asio::awaitable<ReconcileRun> reconcile_once() {
    ReconcileRun run;
    run.started_at = std::chrono::system_clock::now();
    auto stored = co_await deps.store->setting(std::string(kWatermarkKey));
    const auto watermark = stored ? parse_watermark(*stored) : std::nullopt;
    run.window = reconcile_window(watermark, run.started_at, cfg.intake.reconcile_overlap,
                                  cfg.intake.reconcile_lookback);
    const auto query_queues = queues;
    for (const auto& piece : split_interval(run.window)) {
      for (int page_number = 1; !stopped; ++page_number) {
        auto reply = co_await upstream.call("POST", "/api/v2/analytics/conversations/details/query",
                                            analytics_query_body(piece, query_queues, page_number));
        if (!reply.ok) {
          run.error = reply.error;
          co_return run;
        }
        auto page = parse_analytics_page(reply.response.body);
        if (!page) {
          run.error =
              fmt::format("analytics query page {} of {}: unexpected answer", page_number, to_iso8601(piece));
          co_return run;
        }
        ++run.pages;
        run.ended += page->ended.size();
        for (std::size_t i = 0; i < page->ended.size(); ++i) observer->on_event("reconcile");
        if (!page->ended.empty()) {
          std::string path = "reconcile";
          const auto added = co_await enqueue(std::move(page->ended), std::move(path));
          run.enqueued += added;
        }
        if (!more_pages(*page, page_number)) break;
      }
    }
    if (stopped) {
      run.error = "stopped";
      co_return run;
    }
    run.complete = true;
    co_await deps.store->set_setting(std::string(kWatermarkKey), watermark_text(run.window.end));
    observer->on_watermark(run.window.end);
    status.watermark_ms = unix_ms(run.window.end);
    co_return run;
  }

  asio::awaitable<void> reconcile_loop() {
    const auto stored = co_await deps.store->setting(std::string(kWatermarkKey));
    if (stored) {
      if (auto wm = parse_watermark(*stored)) {
        status.watermark_ms = unix_ms(*wm);
        observer->on_watermark(*wm);
      }
    }
    while (!stopped) {
      reconcile_requested = false;
      auto run = co_await reconcile_once();
      // A run that completed while the intake was being stopped moved the
      // watermark: its record (and the status's window) must say so.
      if (run.complete || !stopped) record(run);
      if (stopped) break;
      const auto next = steady::now() + cfg.intake.reconcile_interval;
      while (!stopped && !reconcile_requested && steady::now() < next)
        co_await wake.wait(next - steady::now());
    }
  }

  void record(const ReconcileRun& run) {
    status.last_reconcile_ms = unix_ms(run.started_at);
    status.last_reconcile_from_ms = unix_ms(run.window.start);
    status.last_reconcile_to_ms = unix_ms(run.window.end);
    if (!run.complete && run.error != "stopped") problem("reconciliation incomplete: " + run.error);
    status.last_reconcile_found = run.ended;
    status.last_reconcile_enqueued = run.enqueued;
    status.last_reconcile_complete = run.complete;
    status.last_reconcile_error = run.error;
    status_dirty = true;
    observer->on_reconciled(run);
  }

  // --- status ---
  asio::awaitable<void> flush_status() {
    status.updated_ms = unix_ms(std::chrono::system_clock::now());
    status_dirty = false;
    co_await deps.store->set_setting(std::string(kStatusKey), boost::json::serialize(to_json(status)));
  }

  asio::awaitable<void> status_loop() {
    auto written = steady::now();
    while (!stopped) {
      if (status_dirty || steady::now() - written >= kStatusRewritePeriod) {
        co_await flush_status();
        written = steady::now();
      }
      const bool go_on = co_await sleep(kStatusFlushPeriod);
      if (!go_on) break;
    }
  }
};

Intake::Intake(Dependencies deps, const Config& cfg) : impl_(std::make_shared<Impl>(std::move(deps), cfg)) {
  if (!cfg.intake.notifications_enabled) impl_->status.socket = "disabled";
  impl_->status.daemon = this_daemon();
}

Intake::~Intake() = default;

const Status& Intake::status() const noexcept {
  return impl_->status;
}

void Intake::cancel() {
  impl_->stopped = true;
  for (auto& close : impl_->socket_closers)
    if (close) close();
  impl_->wake.notify();
}

namespace {

// Runs one of the intake's loops in its group, so run() knows when all have ended.
void spawn(const std::shared_ptr<Intake::Impl>& impl, asio::awaitable<void> loop, const std::string& what) {
  impl->loops.spawn("intake " + what, std::move(loop));
}

asio::awaitable<void> run_reconcile(std::shared_ptr<Intake::Impl> impl) {
  co_await impl->reconcile_loop();
}
asio::awaitable<void> run_assisted(std::shared_ptr<Intake::Impl> impl) {
  co_await impl->assisted_loop();
}
asio::awaitable<void> run_status(std::shared_ptr<Intake::Impl> impl) {
  co_await impl->status_loop();
}
asio::awaitable<void> run_live(std::shared_ptr<Intake::Impl> impl) {
  co_await detail::live_path(*impl, &impl->queues);
}

}  // namespace

asio::awaitable<void> Intake::run() {
  auto impl = impl_;
  co_await impl->deps.leadership->acquire();
  impl->status.leader = true;
  impl->observer->on_leader(true);
  if (impl->cfg.intake.assisted) {
    for (int attempt = 1; !impl->stopped; ++attempt) {
      auto found = co_await impl->discover_assisted();
      if (found) {
        impl->set_queues(std::move(*found));
        break;
      }
      const bool go_on = co_await impl->sleep(std::min<std::chrono::milliseconds>(attempt * 5s, 5min));
      if (!go_on) break;
    }
  } else {
    impl->set_queues(impl->cfg.intake.queues);
  }
  spdlog::info("intake: leading; notifications {}, reconcile every {}s, enqueue delay {}ms",
               impl->cfg.intake.notifications_enabled ? "on" : "off",
               std::chrono::duration_cast<std::chrono::seconds>(impl->cfg.intake.reconcile_interval).count(),
               impl->cfg.intake.enqueue_delay.count());
  if (!impl->stopped) {
    spawn(impl, run_status(impl), "status");
    spawn(impl, run_reconcile(impl), "reconciliation");
    if (impl->cfg.intake.notifications_enabled) spawn(impl, run_live(impl), "notifications");
    if (impl->cfg.intake.assisted) spawn(impl, run_assisted(impl), "assisted queues");
  }
  co_await impl->loops.wait();
  impl->status.leader = false;
  impl->status.socket = impl->cfg.intake.notifications_enabled ? "disconnected" : "disabled";
  impl->observer->on_leader(false);
  impl->observer->on_socket(false);
  co_await impl->flush_status();
}

}  // namespace insightd::intake
