// SPDX-License-Identifier: Apache-2.0
#include "genesys_stack.hpp"

namespace insightd::app {

GenesysStack make_genesys_stack(boost::asio::any_io_executor executor, const Config& cfg,
                                std::unique_ptr<genesys::RequestBudget> budget,
                                genesys::FetchObserver* observer) {
  GenesysStack stack;
  stack.http = http::make_client(executor, {.ca_file = cfg.genesys.ca_file});
  stack.budget = std::move(budget);
  stack.tokens =
      std::make_unique<genesys::TokenManager>(executor, *stack.http, *stack.budget, cfg.genesys, observer);
  stack.fetcher =
      std::make_unique<genesys::Fetcher>(executor, *stack.http, *stack.tokens, *stack.budget, cfg, observer);
  return stack;
}

}  // namespace insightd::app
