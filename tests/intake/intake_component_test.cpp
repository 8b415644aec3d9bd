// SPDX-License-Identifier: Apache-2.0
// The intake component against the in-process simulator on loopback: a real
// SQLite backend, the real HTTP client, token manager and limiter, the
// simulator's WebSocket and analytics query. Half of the events are dropped,
// so both paths have work.
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <filesystem>
#include <set>

#include "insightd/genesys/rate_limiter.hpp"
#include "insightd/genesys/token_manager.hpp"
#include "insightd/http/client.hpp"
#include "insightd/intake/intake.hpp"
#include "insightd/queue/backend.hpp"
#include "insightd/sim/simulator.hpp"

namespace insightd::intake {
namespace {
namespace asio = boost::asio;
using namespace std::chrono_literals;

struct CountingObserver : Observer {
  std::map<std::string, std::size_t> enqueued;
  int leader = -1;
  int connected_changes = 0;
  void on_enqueued(std::string_view path, std::size_t n) override { enqueued[std::string(path)] += n; }
  void on_leader(bool leading) override { leader = leading ? 1 : 0; }
  void on_socket(bool connected) override { connected_changes += connected ? 1 : 0; }
};

std::filesystem::path temp_db() {
  const char* base = std::getenv("INSIGHTD_TEST_TMP");
  auto dir =
      (base ? std::filesystem::path(base) : std::filesystem::temp_directory_path()) / "intake-component";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir / "queue.db";
}

TEST(IntakeComponent, BothPathsTogetherQueueEveryFinishedConversationOnce) {
  asio::io_context io(1);
  sim::SimOptions sim_options;
  sim_options.queues = {"q-one", "q-two"};
  sim_options.conversations_per_minute = 1200;  // a tick every 50 ms
  sim_options.conversations_total = 20;
  sim_options.drop_events = 0.5;
  sim_options.heartbeat_interval = 200ms;
  sim_options.seed = 7;
  sim::Simulator simulator(io.get_executor(), sim_options);

  Config cfg;
  cfg.genesys.api_base_url = simulator.base_url();
  cfg.genesys.login_base_url = simulator.base_url();
  cfg.genesys.client_id = sim_options.client_id;
  cfg.genesys.client_secret = sim_options.client_secret;
  cfg.genesys.requests_per_minute = 60000;
  cfg.genesys.burst = 100;
  cfg.queue.sqlite_path = temp_db().string();
  cfg.intake.enabled = true;
  cfg.intake.queues = sim_options.queues;
  cfg.intake.enqueue_delay = 0ms;
  cfg.intake.heartbeat_timeout = 2s;
  cfg.intake.reconcile_interval = 300ms;

  auto opened = asio::co_spawn(io, queue::open_backend(io.get_executor(), cfg.queue), asio::use_future);
  while (opened.wait_for(0s) != std::future_status::ready) io.run_one();  // the simulator keeps io busy
  auto store = opened.get();
  auto client = http::make_client(io.get_executor(), {});
  genesys::RateLimiter limiter(io.get_executor(), cfg.genesys.requests_per_minute, cfg.genesys.burst);
  genesys::TokenManager tokens(io.get_executor(), *client, limiter, cfg.genesys);
  auto leadership = make_single_daemon_leadership();
  CountingObserver observer;
  Intake intake({io.get_executor(), client.get(), &tokens, &limiter, store, leadership.get(), &observer},
                cfg);

  bool intake_done = false;
  asio::co_spawn(io, intake.run(), [&](std::exception_ptr e) {
    intake_done = true;
    if (e) std::rethrow_exception(e);
  });
  // Stops the intake once the simulator has finished every conversation and
  // the queue holds as many, or after 30 s.
  std::size_t pending = 0;
  auto watch = [](asio::io_context* io, sim::Simulator* sim, queue::Backend* store, Intake* intake,
                  std::size_t* pending) -> asio::awaitable<void> {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (std::chrono::steady_clock::now() < deadline) {
      asio::steady_timer timer(*io, 50ms);
      co_await timer.async_wait(asio::use_awaitable);
      const auto finished = sim->stats().conversations_finished.size();
      const auto counts = co_await store->counts();
      *pending = static_cast<std::size_t>(counts.pending);
      if (finished == 20 && *pending == 20) break;
    }
    intake->cancel();
  };
  asio::co_spawn(io, watch(&io, &simulator, store.get(), &intake, &pending), asio::detached);
  while (!intake_done) io.run_one();

  const auto stats = simulator.stats();
  ASSERT_EQ(stats.conversations_finished.size(), 20u);
  EXPECT_EQ(pending, 20u);
  EXPECT_GT(stats.events_dropped, 0u);
  for (const auto& id : stats.conversations_finished) {
    std::optional<queue::InteractionInfo> info;
    asio::co_spawn(io, store->interaction(id),
                   [&](std::exception_ptr, std::optional<queue::InteractionInfo> i) { info = i; });
    io.restart();
    while (!info) io.run_one();
    EXPECT_EQ(info->state, queue::State::pending) << id;
  }
  EXPECT_EQ(observer.enqueued["notifications"] + observer.enqueued["reconcile"], 20u);
  EXPECT_GT(observer.enqueued["reconcile"], 0u);
  EXPECT_EQ(observer.leader, 0);  // it led, then stepped down when cancelled
  EXPECT_GE(observer.connected_changes, 1);
  EXPECT_TRUE(intake.status().last_reconcile_complete);
  EXPECT_GT(intake.status().watermark_ms, 0);
  EXPECT_EQ(intake.status().queues, sim_options.queues);
  // What the operator sees besides: who wrote it, since when the socket is in
  // its state, and the window the last (complete) run queried up to the watermark.
  EXPECT_NE(intake.status().daemon.find("(pid "), std::string::npos) << intake.status().daemon;
  EXPECT_GT(intake.status().socket_since_ms, 0);
  EXPECT_GT(intake.status().last_reconcile_from_ms, 0);
  EXPECT_LT(intake.status().last_reconcile_from_ms, intake.status().last_reconcile_to_ms);
  EXPECT_EQ(intake.status().last_reconcile_to_ms, intake.status().watermark_ms);
  simulator.stop();
}

}  // namespace
}  // namespace insightd::intake
