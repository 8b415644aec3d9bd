// SPDX-License-Identifier: Apache-2.0
#pragma once
// Test doubles for the delivery workers: the tests' scripted HTTP client, an
// in-memory queue::Outbox that records every call, and an observer that
// records every hook. All run on the test's single io_context.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "insightd/delivery/deliverer.hpp"
#include "insightd/queue/backend.hpp"
#include "support/fake_http_client.hpp"

namespace insightd::delivery::test {

using insightd::test::FakeHttpClient;
using insightd::test::respond;
using queue::awaitable;

using SystemTime = std::chrono::system_clock::time_point;

class FakeOutbox final : public queue::Outbox {
 public:
  struct Row {
    queue::OutboxMessage message;
    int attempts = 0;
    SystemTime due{};
    bool leased = false;
    bool settled = false;
  };
  struct Retry {
    std::string webhook_id;
    SystemTime next_attempt;
    SystemTime called_at;
    int status;
    std::string error;
  };
  struct Settled {
    std::string webhook_id;
    int status;
    std::string error;
  };

  void add(std::string webhook_id, std::string interaction_id, std::string body = R"({"insights":[]})") {
    rows.push_back(
        {{std::move(webhook_id), std::move(interaction_id), 1, 1, std::move(body)}, 0, {}, false, false});
  }

  awaitable<std::vector<queue::Delivery>> lease_deliveries(std::size_t max) override {
    ++lease_calls;
    std::vector<queue::Delivery> out;
    if (held) co_return out;
    auto now = clock();
    for (auto& row : rows) {
      if (out.size() == max) break;
      if (row.settled || row.leased || row.due > now) continue;
      row.leased = true;
      out.push_back({row.message, row.attempts, "lease-" + row.message.webhook_id});
    }
    co_return out;
  }
  awaitable<std::optional<queue::Finished>> delivered(queue::Delivery d, int status) override {
    if (delivered_failures > 0) {
      --delivered_failures;
      throw std::runtime_error("disk full");
    }
    settle(d, true);
    delivered_rows.push_back({d.message.webhook_id, status, ""});
    co_return queue::Finished{d.message.interaction_id, queue::State::done, "ctx"};
  }
  awaitable<void> retry_delivery(queue::Delivery d, SystemTime next, int status, std::string error) override {
    auto& row = find(d);
    row.leased = false;
    row.attempts++;
    row.due = next;
    retries.push_back({d.message.webhook_id, next, clock(), status, std::move(error)});
    co_return;
  }
  awaitable<std::optional<queue::Finished>> dead_letter_delivery(queue::Delivery d, int status,
                                                                 std::string error) override {
    settle(d, true);
    dead_rows.push_back({d.message.webhook_id, status, std::move(error)});
    co_return queue::Finished{d.message.interaction_id, queue::State::dead, "ctx"};
  }
  awaitable<void> hold_deliveries(std::string reason) override {
    held = true;
    held_because = std::move(reason);
    co_return;
  }
  awaitable<void> release_held() override {
    held = false;
    co_return;
  }
  awaitable<std::optional<std::string>> held_reason() override {
    if (!held) co_return std::nullopt;
    co_return held_because;
  }
  awaitable<std::int64_t> outbox_depth() override {
    std::int64_t depth = 0;
    for (const auto& row : rows) depth += row.settled ? 0 : 1;
    co_return depth;
  }
  awaitable<std::optional<std::string>> setting(std::string key) override {
    auto it = settings.find(key);
    if (it == settings.end()) co_return std::nullopt;
    co_return it->second;
  }
  awaitable<void> set_setting(std::string key, std::string value) override {
    settings[key] = std::move(value);
    co_return;
  }

  std::vector<Row> rows;
  std::vector<Retry> retries;
  std::vector<Settled> delivered_rows, dead_rows;
  bool held = false;
  std::string held_because;
  std::map<std::string, std::string> settings;
  std::function<SystemTime()> clock = [] { return std::chrono::system_clock::now(); };  // when rows are due
  int lease_calls = 0;
  int delivered_failures = 0;  // delivered() throws this many times first

 private:
  Row& find(const queue::Delivery& d) {
    for (auto& row : rows) {
      if (row.message.webhook_id == d.message.webhook_id) return row;
    }
    throw std::logic_error("unknown webhook id " + d.message.webhook_id);
  }
  void settle(const queue::Delivery& d, bool count_attempt) {
    auto& row = find(d);
    row.leased = false;
    row.settled = true;
    if (count_attempt) row.attempts++;
  }
};

class RecordingObserver final : public DeliveryObserver {
 public:
  void on_attempt(int status, double seconds) override { attempts.emplace_back(status, seconds); }
  void on_finished(const queue::Finished& f, int last_status, std::string webhook_id) override {
    finished.push_back({f, last_status, std::move(webhook_id)});
  }
  void on_endpoint_disabled() override { ++endpoint_disabled; }
  void on_breaker(bool open) override {
    breaker.push_back(open);
    breaker_at.push_back(std::chrono::steady_clock::now());
  }

  struct Finish {
    queue::Finished finished;
    int last_status;
    std::string webhook_id;
  };
  std::vector<std::pair<int, double>> attempts;
  std::vector<Finish> finished;
  int endpoint_disabled = 0;
  std::vector<bool> breaker;  // opened (true) or closed, in order
  std::vector<std::chrono::steady_clock::time_point> breaker_at;
};

// Runs a Deliverer on the test's io_context: wait_for() drives the context
// until a condition holds (for at most a generous bound), stop() stops the
// deliverer and lets run() end.
class Running {
 public:
  Running(boost::asio::io_context& io, Deliverer& deliverer) : io_(io), deliverer_(deliverer) {
    boost::asio::co_spawn(io, deliverer.run(), [state = state_](std::exception_ptr e) {
      state->error = e;
      state->finished = true;
    });
  }
  ~Running() { stop(); }
  Running(const Running&) = delete;
  Running& operator=(const Running&) = delete;

  bool wait_for(const std::function<bool()>& condition,
                std::chrono::seconds bound = std::chrono::seconds(5)) {
    auto deadline = std::chrono::steady_clock::now() + bound;
    while (!condition() && !state_->finished && std::chrono::steady_clock::now() < deadline) {
      io_.run_one_for(std::chrono::milliseconds(20));
    }
    return condition();
  }
  bool finished() const { return state_->finished; }
  // Stops the deliverer and waits (bounded) for run() to end; the exception it ended with.
  std::exception_ptr stop() {
    deliverer_.stop();
    wait_for([this] { return state_->finished; });
    return state_->error;
  }

 private:
  struct State {
    bool finished = false;
    std::exception_ptr error;
  };
  boost::asio::io_context& io_;
  Deliverer& deliverer_;
  std::shared_ptr<State> state_ = std::make_shared<State>();
};

// Runs the deliverer until `condition` holds, then stops it; whether it held.
inline bool run_until(boost::asio::io_context& io, Deliverer& deliverer,
                      const std::function<bool()>& condition) {
  Running running(io, deliverer);
  bool met = running.wait_for(condition);
  auto error = running.stop();
  return met && !error;
}

// A CRM config with tiny backoff so tests run fast.
inline CrmConfig test_crm_config() {
  CrmConfig crm;
  crm.url = "http://127.0.0.1:1/ingest";
  crm.signing_secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  crm.timeout = std::chrono::milliseconds(1500);
  crm.max_attempts = 5;
  crm.backoff = {std::chrono::milliseconds(2), std::chrono::milliseconds(10)};
  crm.concurrency = 2;
  crm.breaker_failures = 100;
  crm.breaker_cooldown = std::chrono::milliseconds(20);
  return crm;
}

inline DelivererOptions fast_polling() {
  DelivererOptions options;
  options.poll_interval = std::chrono::milliseconds(2);
  options.store_retry = {std::chrono::milliseconds(2), std::chrono::milliseconds(10)};
  return options;
}

}  // namespace insightd::delivery::test
