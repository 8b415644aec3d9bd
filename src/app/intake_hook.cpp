// SPDX-License-Identifier: Apache-2.0
#include "intake_hook.hpp"

#include <spdlog/spdlog.h>
#include <systemd/sd-journal.h>

#include <boost/json/serialize.hpp>

#include "insightd/common/task_group.hpp"
#include "insightd/observability/logging.hpp"

namespace insightd::app {
namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

// The intake metrics, and one audit-style record per reconciliation run
// (journal fields INTAKE_RECONCILE=1, WINDOW_START, ... under systemd; a JSON
// log line otherwise); queued conversations are also passed on to `work_queued`.
class IntakeTelemetry final : public intake::Observer {
 public:
  IntakeTelemetry(observability::Registry& r, std::function<void()> work_queued)
      : work_queued_(std::move(work_queued)),
        events_(r.counter("insightd_intake_events_total", "Conversations the intake saw, by path", {"path"})),
        enqueued_(r.counter("insightd_intake_enqueued_total",
                            "Conversations the intake queued first, by path", {"path"})),
        socket_(r.gauge("insightd_intake_socket_connected", "1 while the notifications socket is connected")),
        watermark_(r.gauge("insightd_intake_watermark_seconds", "Reconciliation watermark (Unix time)")),
        leader_(r.gauge("insightd_intake_leader", "1 on the daemon that leads the intake")) {}

  void on_event(std::string_view path) override { events_.labels({std::string(path)}).inc(); }
  void on_enqueued(std::string_view path, std::size_t n) override {
    enqueued_.labels({std::string(path)}).inc(static_cast<double>(n));
    if (n > 0 && work_queued_) work_queued_();
  }
  void on_socket(bool connected) override { socket_.labels({}).set(connected ? 1 : 0); }
  void on_watermark(intake::SysTime t) override {
    watermark_.labels({}).set(std::chrono::duration<double>(t.time_since_epoch()).count());
  }
  void on_leader(bool leading) override { leader_.labels({}).set(leading ? 1 : 0); }
  void on_reconciled(const intake::ReconcileRun& run) override {
    const auto window = intake::to_iso8601(run.window);
    if (!run.complete) spdlog::warn("intake reconcile incomplete ({}); the watermark stays", run.error);
    if (observability::stderr_is_journal()) {
      sd_journal_send("MESSAGE=intake reconcile: %zu ended, %zu missed by the socket", run.ended,
                      run.enqueued, "INTAKE_RECONCILE=1", "WINDOW=%s", window.c_str(), "PAGES=%d", run.pages,
                      "ENDED=%zu", run.ended, "ENQUEUED=%zu", run.enqueued, "COMPLETE=%d",
                      run.complete ? 1 : 0, "ERROR=%s", run.error.c_str(), "PRIORITY=6", nullptr);
      return;
    }
    boost::json::object record{
        {"event", "intake_reconcile"}, {"window", window},         {"pages", run.pages}, {"ended", run.ended},
        {"enqueued", run.enqueued},    {"complete", run.complete}, {"error", run.error}};
    spdlog::info("{}", boost::json::serialize(record));
  }

 private:
  std::function<void()> work_queued_;
  observability::CounterFamily& events_;
  observability::CounterFamily& enqueued_;
  observability::GaugeFamily& socket_;
  observability::GaugeFamily& watermark_;
  observability::GaugeFamily& leader_;
};

}  // namespace

struct IntakeHook::Running {
  std::unique_ptr<intake::Intake> intake;  // the current one, while this daemon leads
  bool stopping = false;
  TaskGroup leading;  // lead()
  TaskGroup intakes;  // the current intake's run()
  explicit Running(const asio::any_io_executor& ex) : leading(ex), intakes(ex) {}
};

IntakeHook::IntakeHook(asio::any_io_executor executor, observability::Metrics& metrics,
                       std::function<void()> work_queued)
    : executor_(std::move(executor)),
      observer_(std::make_unique<IntakeTelemetry>(metrics.registry, std::move(work_queued))),
      leadership_(intake::make_single_daemon_leadership()) {}

IntakeHook::~IntakeHook() {
  if (running_ && running_->intake) running_->intake->cancel();
  if (running_) running_->stopping = true;
}

void IntakeHook::start(const Config& cfg, http::Client& client, genesys::TokenManager& tokens,
                       genesys::RequestBudget& limiter, std::shared_ptr<queue::Backend> store) {
  if (!cfg.intake.enabled) return;
  intake::Leadership* leadership = leadership_.get();
  intake::RedisLeadership* shared_lead = nullptr;
  if (cfg.queue.backend == QueueBackend::redis) {
    if (!redis_lead_)
      redis_lead_ =
          std::make_unique<intake::RedisLeadership>(executor_, cfg.queue, intake::daemon_identity());
    shared_lead = redis_lead_.get();
    leadership = shared_lead;
  }
  intake::Dependencies deps{executor_,        &client,    &tokens,        &limiter,
                            std::move(store), leadership, observer_.get()};
  auto running = std::make_shared<Running>(executor_);
  running_ = running;
  running->leading.spawn("intake", lead(running, std::move(deps), cfg, shared_lead));
}

// Runs the intake while this daemon leads: at once with one daemon; with
// several, each time it wins the lead, stopping the intake when it loses it.
asio::awaitable<void> IntakeHook::lead(std::shared_ptr<Running> running, intake::Dependencies deps,
                                       Config cfg, intake::RedisLeadership* shared_lead) {
  while (!running->stopping) {
    if (shared_lead) co_await shared_lead->acquire();
    if (running->stopping) break;
    running->intake = std::make_unique<intake::Intake>(deps, cfg);
    running->intakes.spawn("intake", running->intake->run());
    if (!shared_lead) {
      co_await running->intakes.wait();
      break;
    }
    co_await shared_lead->until_lost();
    running->intake->cancel();
    co_await running->intakes.wait();
  }
}

asio::awaitable<void> IntakeHook::stop() {
  auto running = std::move(running_);
  if (!running) co_return;
  running->stopping = true;
  if (running->intake) running->intake->cancel();
  if (redis_lead_) co_await redis_lead_->stop();
  co_await running->leading.wait();
  redis_lead_.reset();
}

}  // namespace insightd::app
