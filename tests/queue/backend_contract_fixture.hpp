// SPDX-License-Identifier: Apache-2.0
#pragma once
// The fixture of the backend contract suite: what every queue backend must do,
// written once against the Backend interface and run for each factory in
// backend_factories.hpp (TYPED_TEST_SUITE(Suite, BackendFactories,
// BackendFactoryNames)).
//
// A factory is a type with static members:
//   name                        "sqlite": the test name's suffix
//   configure(cfg, dir)         points cfg at new, empty storage for one test
//                               (dir is the test's own, empty directory)
//   open(executor, cfg, clock)  awaitable<shared_ptr<Backend>> on that
//                               storage; called again for a second daemon on it
//   reopen(backend, executor, cfg, clock)
//                               as after kill -9 and a restart: backend is
//                               dropped without returning its leases, then
//                               the storage is opened again
//   after_test(cfg)             the backend's own invariants, once the test's
//                               backend objects are gone
//
// Typed tests reach the fixture's members through this-> (they are members of
// a dependent base class).
#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "insightd/queue/backend.hpp"

namespace insightd::queue::testing {

// Starts at a fixed instant and moves only when told; safe to read from any
// thread (SQLite reads it on its database thread). Remembers the thread that
// read it last.
class ManualClock {
 public:
  using time_point = std::chrono::system_clock::time_point;
  Backend::Clock function() const {
    return [state = state_] {
      state->reader = std::this_thread::get_id();
      return time_point(std::chrono::milliseconds(state->ms.load()));
    };
  }
  void advance(std::chrono::milliseconds d) { state_->ms += d.count(); }
  time_point now() const { return time_point(std::chrono::milliseconds(state_->ms.load())); }
  std::thread::id last_reader() const { return state_->reader; }

 private:
  struct State {
    std::atomic<std::int64_t> ms{1'700'000'000'000};
    std::thread::id reader;
  };
  std::shared_ptr<State> state_ = std::make_shared<State>();
};

// A fresh directory per test, named after it.
inline std::filesystem::path unique_temp_dir() {
  const char* base = std::getenv("INSIGHTD_TEST_TMP");
  auto root = base ? std::filesystem::path(base) : std::filesystem::temp_directory_path();
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  auto dir = root / "queue" / (std::string(info->test_suite_name()) + "." + info->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline OutboxMessage message(const std::string& id, int part, int parts, std::string body = "{}") {
  return OutboxMessage{"wh_" + id + "_" + std::to_string(part), id, part, parts, std::move(body)};
}

// open and reopen through open_backend(), for a factory to inherit: the
// storage outlives the dropped backend (whose threads and connections are
// gone before it is opened again).
struct OpenedByOpenBackend {
  static awaitable<std::shared_ptr<Backend>> open(boost::asio::any_io_executor io, QueueConfig cfg,
                                                  Backend::Clock clock) {
    auto backend = co_await open_backend(std::move(io), cfg, std::move(clock));
    co_return backend;
  }

  static awaitable<std::shared_ptr<Backend>> reopen(std::shared_ptr<Backend> backend,
                                                    boost::asio::any_io_executor io, QueueConfig cfg,
                                                    Backend::Clock clock) {
    backend.reset();
    auto again = co_await open_backend(std::move(io), cfg, std::move(clock));
    co_return again;
  }
};

// Names the typed tests after the factory: "QueueContract/sqlite.Test".
struct BackendFactoryNames {
  template <class Factory>
  static std::string GetName(int) {
    return Factory::kName;
  }
};

template <class Factory>
class BackendTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = unique_temp_dir();
    cfg.lease_timeout = std::chrono::minutes(5);
    Factory::configure(cfg, dir);
    store = open_store();
  }

  void TearDown() override {
    store.reset();
    Factory::after_test(cfg);
  }

  // Another backend object on the test's storage (a second daemon), or the first.
  std::shared_ptr<Backend> open_store() {
    return run(Factory::open(io.get_executor(), cfg, clock.function()));
  }

  // As after kill -9 and a restart: nothing returned, the storage opened again.
  void reopen() { store = run(Factory::reopen(std::move(store), io.get_executor(), cfg, clock.function())); }

  // Drives one operation to completion on the test's io_context.
  template <class T>
  T run(awaitable<T> op) {
    std::exception_ptr error;
    std::optional<T> value;
    bool finished = false;
    boost::asio::co_spawn(io, std::move(op), [&](std::exception_ptr e, T v) {
      error = e;
      value = std::move(v);
      finished = true;
    });
    drive(finished);
    if (error) std::rethrow_exception(error);
    return std::move(*value);
  }

  void run(awaitable<void> op) {
    std::exception_ptr error;
    bool finished = false;
    boost::asio::co_spawn(io, std::move(op), [&](std::exception_ptr e) {
      error = e;
      finished = true;
    });
    drive(finished);
    EXPECT_TRUE(finished);
    if (error) std::rethrow_exception(error);
  }

  // Until the operation has completed back on io (a backend may keep io busy
  // for good: Redis's connection waits to reconnect).
  void drive(const bool& finished) {
    io.restart();
    while (!finished && io.run_one() > 0) {
    }
  }

  // Enqueue + lease one ID.
  Lease lease_one(const std::string& id) {
    run(store->enqueue({id}));
    auto leases = run(store->lease(1));
    EXPECT_EQ(leases.size(), 1u);
    EXPECT_EQ(leases.empty() ? "" : leases[0].interaction_id, id);
    return leases.empty() ? Lease{} : leases[0];
  }

  State state_of(const std::string& id) {
    auto info = run(store->interaction(id));
    EXPECT_TRUE(info.has_value()) << id;
    return info ? info->state : State::pending;
  }

  boost::asio::io_context io;
  ManualClock clock;
  QueueConfig cfg;
  std::filesystem::path dir;
  std::shared_ptr<Backend> store;
};

}  // namespace insightd::queue::testing
