// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Genesys side of a process, built one way for `run` and `fetch`: the
// HTTP client, the request budget, the access tokens and the fetcher, in
// dependency order (members are destroyed in reverse).
#include <boost/asio/any_io_executor.hpp>
#include <memory>

#include "insightd/config/config.hpp"
#include "insightd/genesys/fetcher.hpp"
#include "insightd/genesys/observer.hpp"
#include "insightd/genesys/request_budget.hpp"
#include "insightd/genesys/token_manager.hpp"
#include "insightd/http/client.hpp"

namespace insightd::app {

struct GenesysStack {
  std::unique_ptr<http::Client> http;
  std::unique_ptr<genesys::RequestBudget> budget;
  std::unique_ptr<genesys::TokenManager> tokens;
  std::unique_ptr<genesys::Fetcher> fetcher;
};

// `budget` is the daemon's (make_request_budget) or a command's own token
// bucket; `observer` may be null.
GenesysStack make_genesys_stack(boost::asio::any_io_executor executor, const Config& cfg,
                                std::unique_ptr<genesys::RequestBudget> budget,
                                genesys::FetchObserver* observer);

}  // namespace insightd::app
