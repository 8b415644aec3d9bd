// SPDX-License-Identifier: Apache-2.0
#pragma once
// The CRM delivery workers (docs/architecture.md). `crm.concurrency` workers each
// lease one due outbox row at a time, POST it signed (webhook_request.hpp),
// classify the answer (retry_policy.hpp) and record the outcome in the outbox,
// behind a circuit breaker. Idle workers wait for wake() or the poll interval.
// A new interaction's messages get their first attempt before they are written
// (deliver_new): accepted ones never touch the disk, the rest go to the outbox
// with that attempt recorded. At most `crm.concurrency` POSTs are in flight,
// both kinds together.
// Bodies are never logged (they carry insight text): only webhook-id,
// interaction id, status.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>

#include "insightd/common/async_event.hpp"
#include "insightd/common/backoff.hpp"
#include "insightd/common/task_group.hpp"
#include "insightd/config/config.hpp"
#include "insightd/delivery/circuit_breaker.hpp"
#include "insightd/delivery/observer.hpp"
#include "insightd/delivery/retry_policy.hpp"
#include "insightd/http/client.hpp"
#include "insightd/queue/backend.hpp"

namespace insightd::delivery {

struct DelivererOptions {
  // How often an idle worker looks for due rows (retries coming due, rows added
  // by another process) when no wake() arrives.
  std::chrono::milliseconds poll_interval{500};
  // Backoff between tries to store a CRM answer the outbox refused (disk full,
  // Redis failing over).
  BackoffPolicy store_retry{std::chrono::seconds(1), std::chrono::seconds(30)};
  // Reads the wall clock (when a retry is due, a Retry-After date, the
  // webhook timestamp); tests pass a manual one.
  std::function<std::chrono::system_clock::time_point()> wall_clock = [] {
    return std::chrono::system_clock::now();
  };
};

class Deliverer {
 public:
  // Throws std::invalid_argument at start-up when crm.signing_secret is empty or
  // a whsec_ secret is not valid base64. `observer` may be null; it and
  // `client` must outlive the Deliverer.
  Deliverer(boost::asio::any_io_executor executor, std::shared_ptr<queue::Outbox> outbox,
            http::Client& client, const CrmConfig& crm, DeliveryObserver* observer = nullptr,
            DelivererOptions options = {});
  Deliverer(const Deliverer&) = delete;
  Deliverer& operator=(const Deliverer&) = delete;

  // Releases held deliveries if the endpoint was disabled for another URL,
  // then runs the workers until stop(). An outbox that fails (disk full, Redis
  // down) pauses the workers; anything else a worker dies with is rethrown
  // after stopping the others.
  boost::asio::awaitable<void> run();
  // Stop leasing; in-flight POSTs finish (bounded by crm.timeout) and are recorded.
  void stop();
  // Stop at once: in-flight POSTs are abandoned (their rows stay leased and are
  // delivered again once the lease expires), run() ends without waiting for
  // them, and a deliver_new waiting for a POST slot ends with operation_aborted.
  void cancel();
  // New outbox rows are available.
  void wake();

  // One POST and what to do about its answer.
  struct Attempt {
    int status = 0;  // 0: no response (transport error)
    Decision decision;
  };
  // The first attempt at a new interaction's messages, in order, while they are
  // accepted. Nothing is sent while the endpoint is held (410), the circuit is
  // open or the workers are stopping: then `accepted` is 0 and `refused` empty.
  struct NewDelivery {
    std::size_t accepted = 0;        // messages accepted, from the front
    int last_status = 0;             // the CRM's answer to the last accepted one
    std::optional<Attempt> refused;  // the attempt at messages[accepted], when one was made
  };
  boost::asio::awaitable<NewDelivery> deliver_new(const std::vector<queue::OutboxMessage>& messages);
  // Records a refused first attempt on its outbox row, leased to the caller
  // (queue::WorkQueue::complete_attempted), as a worker would have.
  boost::asio::awaitable<void> record(queue::Delivery delivery, Attempt attempt);

 private:
  boost::asio::awaitable<void> work();
  boost::asio::awaitable<void> deliver(queue::Delivery delivery);
  boost::asio::awaitable<void> record_until_stored(queue::Delivery delivery, Attempt made);
  boost::asio::awaitable<Attempt> attempt(const queue::OutboxMessage& message, int number);
  boost::asio::awaitable<void> take_post_slot();
  void give_post_slot();
  boost::asio::awaitable<void> refresh_held();
  std::chrono::milliseconds outbox_retry_pause() const;
  void on_worker_exit(std::exception_ptr error);
  void record_breaker(int status);

  boost::asio::any_io_executor executor_;
  std::shared_ptr<queue::Outbox> outbox_;
  http::Client& client_;
  CrmConfig crm_;
  std::string key_;
  DeliveryObserver* observer_;
  DelivererOptions options_;
  RetryPolicy policy_;
  CircuitBreaker breaker_;
  std::mt19937_64 rng_;

  // Leased by one worker for all: taken in order, each by the next free worker.
  std::deque<queue::Delivery> leased_;
  AsyncEvent wake_event_;
  int lease_failures_ = 0;             // lease_deliveries() failures in a row: the first is logged
  std::uint64_t wake_generation_ = 0;  // counts wake() calls: none is lost while a lease is in flight
  bool stopping_ = false;
  bool cancelled_ = false;
  int workers_running_ = 0;
  TaskGroup workers_;
  std::exception_ptr failure_;
  int posts_in_flight_ = 0;  // <= crm.concurrency, workers and deliver_new together
  AsyncEvent post_slot_freed_;
  // Deliveries held (410), as last read from the outbox or set here; read by
  // run() or the first deliver_new. While held, deliver_new sends nothing.
  std::optional<bool> held_;
};

}  // namespace insightd::delivery
