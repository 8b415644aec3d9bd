// SPDX-License-Identifier: Apache-2.0
#include "insightd/delivery/deliverer.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/error.hpp>
#include <boost/system/system_error.hpp>
#include <optional>
#include <stdexcept>

#include "insightd/common/backoff.hpp"
#include "insightd/common/webhook_signature.hpp"
#include "insightd/delivery/endpoint.hpp"
#include "insightd/delivery/webhook_request.hpp"

namespace insightd::delivery {
namespace {

DeliveryObserver& no_op_observer() {
  static DeliveryObserver observer;
  return observer;
}

std::string signing_key(const CrmConfig& crm) {
  if (crm.signing_secret.empty()) throw std::invalid_argument("crm.signing_secret is empty");
  auto key = webhook_key_from_secret(crm.signing_secret);
  if (!key) throw std::invalid_argument("crm.signing_secret: the part after whsec_ is not valid base64");
  return *key;
}

std::int64_t unix_seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

Deliverer::Deliverer(boost::asio::any_io_executor executor, std::shared_ptr<queue::Outbox> outbox,
                     http::Client& client, const CrmConfig& crm, DeliveryObserver* observer,
                     DelivererOptions options)
    : executor_(executor),
      outbox_(std::move(outbox)),
      client_(client),
      crm_(crm),
      key_(signing_key(crm)),
      observer_(observer != nullptr ? observer : &no_op_observer()),
      options_(options),
      policy_(RetryPolicy::from_config(crm)),
      breaker_(crm.breaker_failures, crm.breaker_cooldown),
      rng_(std::random_device{}()),
      wake_event_(executor),
      workers_(executor),
      post_slot_freed_(executor) {}

// How long the workers wait before asking an outbox that failed again.
std::chrono::milliseconds Deliverer::outbox_retry_pause() const {
  return std::max<std::chrono::milliseconds>(options_.poll_interval, std::chrono::seconds(1));
}

void Deliverer::stop() {
  stopping_ = true;
  wake_event_.notify();
}

void Deliverer::cancel() {
  cancelled_ = true;
  stop();
  workers_.cancel();
  post_slot_freed_.notify();
}

void Deliverer::wake() {
  ++wake_generation_;
  wake_event_.notify();
}

boost::asio::awaitable<void> Deliverer::run() {
  // The outbox's state before the workers start. An outbox that cannot be
  // reached yet (Redis down when the daemon starts) is asked again after a
  // pause until it answers: the daemon waits for it instead of stopping.
  bool state_read = false;
  for (int attempt = 1; !state_read; ++attempt) {
    if (stopping_) co_return;
    std::optional<std::string> outbox_error;
    try {
      // Awaited into a local: GCC 12 miscompiles co_await inside a condition (DEVELOPERS_NOTES.md).
      const bool released = co_await release_if_endpoint_changed(*outbox_, crm_.url);
      if (released) {
        spdlog::info("delivery: crm.url changed since the endpoint answered 410; held deliveries released");
      }
      co_await refresh_held();
      state_read = true;
    } catch (const std::runtime_error& e) {
      outbox_error = e.what();
    }
    if (outbox_error) {
      if (attempt == 1) spdlog::warn("delivery: cannot read the outbox yet, workers wait: {}", *outbox_error);
      co_await wake_event_.wait(outbox_retry_pause());
    }
  }
  const int workers = std::max(1, crm_.concurrency);
  workers_running_ = workers;
  for (int i = 0; i < workers; ++i) {
    workers_.spawn("delivery worker", work(), [this](std::exception_ptr error) { on_worker_exit(error); });
  }
  co_await workers_.wait();
  if (failure_) std::rethrow_exception(failure_);
}

void Deliverer::on_worker_exit(std::exception_ptr error) {
  --workers_running_;
  if (error && !failure_) {
    failure_ = error;  // the task group has logged what it was
    spdlog::error("delivery: a worker failed, stopping delivery");
    stop();
  }
}

boost::asio::awaitable<void> Deliverer::work() {
  using Clock = CircuitBreaker::Clock;
  while (!stopping_) {
    auto now = Clock::now();
    const bool probe = breaker_.state(now) == CircuitBreaker::State::half_open;
    if (!breaker_.allow(now)) {
      auto until_probe = breaker_.time_until_probe(now);
      auto pause = until_probe > Clock::duration::zero() && until_probe < options_.poll_interval
                       ? until_probe
                       : Clock::duration(options_.poll_interval);
      co_await wake_event_.wait(pause);
      continue;
    }
    const auto generation = wake_generation_;
    if (leased_.empty()) {
      // One lease for every worker's next delivery: a fraction of the queue operations.
      std::optional<std::string> outbox_error;
      try {
        auto leased = co_await outbox_->lease_deliveries(static_cast<std::size_t>(workers_running_));
        for (auto& d : leased) leased_.push_back(std::move(d));
      } catch (const std::runtime_error& e) {
        outbox_error = e.what();
      }
      if (outbox_error) {
        // The outbox cannot be reached (Redis restarting, failing over): the
        // rows stay where they are; look again after a pause, do not stop.
        if (++lease_failures_ == 1)
          spdlog::warn("delivery: cannot lease from the outbox, trying again every second: {}",
                       *outbox_error);
        else
          spdlog::debug("delivery: cannot lease from the outbox: {}", *outbox_error);
        if (!stopping_) co_await wake_event_.wait(outbox_retry_pause());
        continue;
      }
      if (lease_failures_ > 0) {
        spdlog::info("delivery: the outbox answers again after {} failed lease(s)", lease_failures_);
        lease_failures_ = 0;
      }
      if (leased_.size() > 1) wake_event_.notify();  // idle workers take the rest
    }
    if (leased_.empty()) {
      if (probe) breaker_.cancel();
      // An operator may have resumed held deliveries from another process.
      if (held_.value_or(false)) co_await refresh_held();
      // A wake() during the lease may have found nobody waiting: look again at once.
      if (!stopping_ && generation == wake_generation_) co_await wake_event_.wait(options_.poll_interval);
      continue;
    }
    auto next = std::move(leased_.front());
    leased_.pop_front();
    co_await deliver(std::move(next));
  }
}

void Deliverer::record_breaker(int status) {
  if (classify_status(status) == StatusClass::retryable) {
    if (breaker_.record_failure(CircuitBreaker::Clock::now())) {
      spdlog::warn("delivery: {} consecutive CRM failures, circuit open; probing again in {} ms",
                   crm_.breaker_failures, crm_.breaker_cooldown.count());
      observer_->on_breaker(true);
    }
  } else if (breaker_.record_success()) {
    spdlog::info("delivery: CRM answered again, circuit closed");
    observer_->on_breaker(false);
    wake_event_.notify();
  }
}

boost::asio::awaitable<void> Deliverer::refresh_held() {
  std::optional<std::string> reason;
  try {
    reason = co_await outbox_->held_reason();
  } catch (const std::runtime_error& e) {
    // Unknown stays unknown (nothing new is sent); the next look retries.
    spdlog::warn("delivery: cannot read whether deliveries are held: {}", e.what());
    co_return;
  }
  held_ = reason.has_value();
}

boost::asio::awaitable<void> Deliverer::take_post_slot() {
  // A freed slot may have been taken by another waiter first: look again.
  for (;;) {
    if (cancelled_)
      throw boost::system::system_error(boost::asio::error::operation_aborted, "delivery cancelled");
    if (posts_in_flight_ < std::max(1, crm_.concurrency)) break;
    co_await post_slot_freed_.wait();
  }
  ++posts_in_flight_;
}

void Deliverer::give_post_slot() {
  --posts_in_flight_;
  post_slot_freed_.notify();
}

boost::asio::awaitable<Deliverer::Attempt> Deliverer::attempt(const queue::OutboxMessage& message,
                                                              int number) {
  co_await take_post_slot();
  struct SlotGuard {
    Deliverer& d;
    ~SlotGuard() { d.give_post_slot(); }
  } guard{*this};

  auto request =
      make_webhook_request(message, crm_.url, key_, unix_seconds(options_.wall_clock()), crm_.timeout);
  const auto started = std::chrono::steady_clock::now();
  auto response = co_await client_.send(std::move(request));
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;

  std::string transport_error;
  AttemptResult result;
  if (response) {
    result.status = static_cast<int>(response->status);
    result.retry_after = response->headers.get("Retry-After");
    result.location = response->headers.get("Location");
    result.body = response->body;
  } else {
    transport_error = response.error().message();
    result.transport_error = transport_error;
  }
  observer_->on_attempt(result.status, elapsed.count());
  record_breaker(result.status);
  Attempt made{result.status, policy_.decide(result, number, options_.wall_clock(), rng_)};
  co_return made;
}

boost::asio::awaitable<Deliverer::NewDelivery> Deliverer::deliver_new(
    const std::vector<queue::OutboxMessage>& messages) {
  NewDelivery outcome;
  if (!held_) co_await refresh_held();  // before run() has read it
  for (const auto& message : messages) {
    // The workers own retries and circuit probes; a new message is only tried
    // while the endpoint is known to be open.
    const bool open = !stopping_ && held_ == false &&
                      breaker_.state(CircuitBreaker::Clock::now()) == CircuitBreaker::State::closed;
    if (!open) break;
    auto made = co_await attempt(message, 1);
    if (made.decision.verdict != Verdict::delivered) {
      // Other cycles stop sending now, before record() has held the deliveries.
      if (made.decision.verdict == Verdict::endpoint_disabled) held_ = true;
      outcome.refused = std::move(made);
      break;
    }
    spdlog::debug("delivery: {} (interaction {}, part {}/{}) delivered at once, HTTP {}", message.webhook_id,
                  message.interaction_id, message.part, message.parts, made.status);
    ++outcome.accepted;
    outcome.last_status = made.status;
  }
  co_return outcome;
}

boost::asio::awaitable<void> Deliverer::deliver(queue::Delivery delivery) {
  auto made = co_await attempt(delivery.message, delivery.attempts + 1);
  co_await record_until_stored(std::move(delivery), std::move(made));
}

// The CRM's answer counts once it is stored. A full disk or a Redis failing
// over is an outage, not a reason to stop delivering: try again with backoff.
// Each try is one transaction (one script), so a failed one left nothing.
boost::asio::awaitable<void> Deliverer::record_until_stored(queue::Delivery delivery, Attempt made) {
  for (int failures = 0;;) {
    std::optional<std::string> error;
    try {
      co_await record(delivery, made);
    } catch (const std::runtime_error& e) {
      error = e.what();
    }
    if (!error) {
      if (failures > 0)
        spdlog::info("delivery: {}: outcome stored after {} failed tries", delivery.message.webhook_id,
                     failures);
      co_return;
    }
    ++failures;
    if (stopping_) {
      // Still leased: after the lease expires it is sent again under the same
      // webhook-id, which the CRM recognises.
      spdlog::warn("delivery: {}: outcome not stored at shutdown ({}); it will be delivered again",
                   delivery.message.webhook_id, *error);
      co_return;
    }
    if (failures == 1)
      spdlog::warn("delivery: {}: cannot store the CRM's answer, trying again: {}",
                   delivery.message.webhook_id, *error);
    // wake() comes with every new cycle; only stop() cuts the pause short.
    const auto retry_at = std::chrono::steady_clock::now() + options_.store_retry.ceiling(failures);
    while (!stopping_ && std::chrono::steady_clock::now() < retry_at)
      co_await wake_event_.wait(retry_at - std::chrono::steady_clock::now());
  }
}

boost::asio::awaitable<void> Deliverer::record(queue::Delivery delivery, Attempt made) {
  const std::string webhook_id = delivery.message.webhook_id;
  const std::string interaction_id = delivery.message.interaction_id;
  const int attempt = delivery.attempts + 1;
  const int status = made.status;
  auto& decision = made.decision;
  switch (decision.verdict) {
    case Verdict::delivered: {
      spdlog::debug("delivery: {} (interaction {}, part {}/{}) delivered, HTTP {}", webhook_id,
                    interaction_id, delivery.message.part, delivery.message.parts, status);
      auto finished = co_await outbox_->delivered(std::move(delivery), status);
      if (finished) observer_->on_finished(*finished, status, webhook_id);
      break;
    }
    case Verdict::retry: {
      spdlog::info("delivery: {} (interaction {}) attempt {} failed ({}); retrying in {} ms", webhook_id,
                   interaction_id, attempt, decision.error, decision.delay.count());
      co_await outbox_->retry_delivery(
          std::move(delivery), saturating_add(options_.wall_clock(), decision.delay), status, decision.error);
      break;
    }
    case Verdict::dead_letter: {
      spdlog::error("delivery: {} (interaction {}) dead-lettered after attempt {}: {}", webhook_id,
                    interaction_id, attempt, decision.error);
      auto finished = co_await outbox_->dead_letter_delivery(std::move(delivery), status, decision.error);
      if (finished) observer_->on_finished(*finished, status, webhook_id);
      break;
    }
    case Verdict::endpoint_disabled: {
      spdlog::error(
          "delivery: CRM answered 410 Gone to {} (interaction {}); deliveries held until crm.url "
          "changes or an operator re-enables the endpoint",
          webhook_id, interaction_id);
      // Hold first, so the row returned below is not leased and sent again meanwhile.
      held_ = true;
      co_await disable_endpoint(*outbox_, crm_.url);
      co_await outbox_->retry_delivery(std::move(delivery), options_.wall_clock(), status, decision.error);
      observer_->on_endpoint_disabled();
      break;
    }
  }
}

}  // namespace insightd::delivery
