// SPDX-License-Identifier: Apache-2.0
#include "request_budget.hpp"

#include <algorithm>

#include "insightd/genesys/rate_limiter.hpp"
#include "insightd/redis/budget.hpp"
#include "insightd/redis/connection.hpp"

namespace insightd::app {

std::unique_ptr<genesys::RequestBudget> make_request_budget(boost::asio::any_io_executor executor,
                                                            const Config& cfg) {
  if (cfg.queue.backend != QueueBackend::redis) {
    return std::make_unique<genesys::RateLimiter>(executor, cfg.genesys.requests_per_minute,
                                                  cfg.genesys.burst);
  }
  auto options = redis::connection_options(cfg.queue);
  options.name = "redis (request budget)";
  auto connection = std::make_shared<redis::Connection>(executor, std::move(options));
  redis::BudgetOptions budget;
  budget.key_prefix = cfg.queue.redis_key_prefix;
  budget.requests_per_minute = cfg.genesys.requests_per_minute;
  budget.burst = cfg.genesys.burst;
  budget.reserve = static_cast<std::size_t>(std::max(0, cfg.genesys.concurrency));  // one per fetch slot
  return std::make_unique<redis::RedisBudget>(executor, std::move(connection), std::move(budget));
}

}  // namespace insightd::app
