#pragma once
// The daemon's one contact with the intake: start it when configured (with
// this generation's API client, token manager and limiter), stop it before
// those are rebuilt or the daemon exits. Its metrics and reconciliation
// records live here too.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <memory>

#include "insightd/config/config.hpp"
#include "insightd/intake/intake.hpp"
#include "insightd/observability/metrics.hpp"

namespace insightd::app {

class IntakeHook {
 public:
  IntakeHook(boost::asio::any_io_executor executor, observability::Metrics& metrics);
  ~IntakeHook();

  // No-op unless cfg.intake.enabled.
  void start(const Config& cfg, http::Client& client, genesys::TokenManager& tokens,
             genesys::RateLimiter& limiter, std::shared_ptr<queue::Backend> store);
  // Cancels the intake and waits until it has stopped.
  boost::asio::awaitable<void> stop();

  struct Running;

 private:
  boost::asio::any_io_executor executor_;
  std::unique_ptr<intake::Observer> observer_;
  std::unique_ptr<intake::Leadership> leadership_;
  std::shared_ptr<Running> running_;
};

}  // namespace insightd::app
