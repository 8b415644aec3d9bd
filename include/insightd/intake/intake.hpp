// SPDX-License-Identifier: Apache-2.0
#pragma once
// The intake: finds finished conversations and enqueues them, by two paths.
// The live path reads the notifications WebSocket (channel, subscriptions,
// heartbeat watchdog, reconnects, renewal); the safety net queries the
// analytics API every reconcile.interval and right after every reconnect,
// from the stored watermark. Both enqueue through the deduplicating queue
// with a not_before of enqueue_delay. Every request takes a token from the
// shared rate limiter and uses the shared token manager.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "insightd/config/config.hpp"
#include "insightd/intake/analytics.hpp"

namespace insightd {
namespace http {
class Client;
}
namespace genesys {
class TokenManager;
class RequestBudget;
}  // namespace genesys
namespace queue {
class Backend;
}
}  // namespace insightd

namespace insightd::intake {

// Which daemon leads the intake. With SQLite the single daemon always does;
// a Redis lease can implement the same interface.
class Leadership {
 public:
  virtual ~Leadership() = default;
  // Completes once this daemon leads.
  virtual boost::asio::awaitable<void> acquire() = 0;
  virtual bool leading() const noexcept = 0;
};
std::unique_ptr<Leadership> make_single_daemon_leadership();

// One reconciliation run, for the audit-style record and the status.
struct ReconcileRun {
  SysTime started_at{};
  Interval window{};
  int pages = 0;
  std::size_t ended = 0;     // ended conversations the query returned
  std::size_t enqueued = 0;  // of those, not known before: what the socket missed
  bool complete = false;     // every page succeeded; the watermark advanced
  std::string error;         // why not complete
};

class Observer {
 public:
  virtual ~Observer() = default;
  virtual void on_event(std::string_view /*path*/) {}
  virtual void on_enqueued(std::string_view /*path*/, std::size_t /*count*/) {}
  virtual void on_socket(bool /*connected*/) {}
  virtual void on_watermark(SysTime /*watermark*/) {}
  virtual void on_leader(bool /*leading*/) {}
  virtual void on_reconciled(const ReconcileRun& /*run*/) {}
};

// Settings keys (queue backend) the intake keeps.
inline constexpr std::string_view kWatermarkKey = "intake_watermark";
inline constexpr std::string_view kStatusKey = "intake_status";

// A problem the intake met (it is logged too), for the status's recent errors.
struct Problem {
  std::int64_t at_ms = 0;  // Unix ms
  std::string message;
};
inline constexpr std::size_t kRecentProblemsKept = 10;

// What `insightd intake status` shows, persisted as JSON under kStatusKey.
struct Status {
  bool leader = false;
  std::string daemon;                // who writes this status: "host (pid N)"
  std::string socket = "disabled";   // disabled | connecting | connected | reconnecting
  std::int64_t socket_since_ms = 0;  // Unix ms the socket entered that state; 0 = never changed
  std::vector<std::string> channels;
  std::vector<std::string> queues;
  std::int64_t last_event_ms = 0;  // Unix ms of the last message on the socket; 0 = none
  std::int64_t watermark_ms = 0;
  std::int64_t last_reconcile_ms = 0;
  std::int64_t last_reconcile_from_ms = 0;  // the window the last run queried (Unix ms)
  std::int64_t last_reconcile_to_ms = 0;
  std::size_t last_reconcile_found = 0;     // ended conversations the last run saw
  std::size_t last_reconcile_enqueued = 0;  // of those, what the socket had missed
  bool last_reconcile_complete = false;
  std::string last_reconcile_error;
  std::uint64_t found_notifications = 0;  // enqueued first by the live path, since start
  std::uint64_t found_reconcile = 0;      // enqueued first by reconciliation, since start
  std::uint64_t reconnects = 0;
  std::vector<Problem> problems;  // the newest last, at most kRecentProblemsKept
  std::int64_t updated_ms = 0;
};
boost::json::object to_json(const Status& status);
Status status_from_json(const boost::json::object& o);  // missing fields keep their defaults
// The status as recorded under kStatusKey (`text`: the setting; nullopt when
// none is); a record that is not a JSON object reads as the defaults.
std::optional<Status> recorded_status(const std::optional<std::string>& text);
// What `insightd intake status --json` prints: to_json plus "recorded".
boost::json::object recorded_json(const std::optional<Status>& status);
// The text of `insightd intake status`, ages relative to `now_ms` (Unix ms).
std::string format_status(const Status& status, std::int64_t now_ms);

struct Dependencies {
  boost::asio::any_io_executor executor;
  http::Client* client = nullptr;  // the Genesys API client (the fetcher's)
  genesys::TokenManager* tokens = nullptr;
  genesys::RequestBudget* limiter = nullptr;
  std::shared_ptr<queue::Backend> store;
  Leadership* leadership = nullptr;
  Observer* observer = nullptr;  // may be null
};

class Intake {
 public:
  Intake(Dependencies deps, const Config& cfg);
  ~Intake();
  Intake(const Intake&) = delete;
  Intake& operator=(const Intake&) = delete;

  // Runs until cancel(); returns once every path has stopped.
  boost::asio::awaitable<void> run();
  void cancel();

  const Status& status() const noexcept;

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace insightd::intake
