// SPDX-License-Identifier: Apache-2.0
#pragma once
// The daemon's one contact with the intake: start it when configured (with
// this generation's API client, token manager and limiter), stop it before
// those are rebuilt or the daemon exits. Its metrics and reconciliation
// records live here too.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>

#include "insightd/config/config.hpp"
#include "insightd/intake/intake.hpp"
#include "insightd/intake/redis_leadership.hpp"
#include "insightd/observability/metrics.hpp"

namespace insightd::app {

class IntakeHook {
 public:
  // `work_queued` is called whenever the intake queued conversations, so the
  // daemon leases them at once rather than at its next idle poll.
  IntakeHook(boost::asio::any_io_executor executor, observability::Metrics& metrics,
             std::function<void()> work_queued);
  ~IntakeHook();

  // No-op unless cfg.intake.enabled. With the Redis backend the intake runs
  // only while this daemon leads (insightd/intake/redis_leadership.hpp).
  void start(const Config& cfg, http::Client& client, genesys::TokenManager& tokens,
             genesys::RequestBudget& limiter, std::shared_ptr<queue::Backend> store);
  // Cancels the intake and waits until it has stopped.
  boost::asio::awaitable<void> stop();

  struct Running;

 private:
  boost::asio::awaitable<void> lead(std::shared_ptr<Running> running, intake::Dependencies deps, Config cfg,
                                    intake::RedisLeadership* shared_lead);

  boost::asio::any_io_executor executor_;
  std::unique_ptr<intake::Observer> observer_;
  std::unique_ptr<intake::Leadership> leadership_;       // one daemon: it leads
  std::unique_ptr<intake::RedisLeadership> redis_lead_;  // several daemons on one Redis
  std::shared_ptr<Running> running_;
};

}  // namespace insightd::app
