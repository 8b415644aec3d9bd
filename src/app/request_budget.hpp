// SPDX-License-Identifier: Apache-2.0
#pragma once
// The request budget the configuration asks for: with queue.backend sqlite,
// this process's own token bucket; with redis, the deployment's budget in
// Redis (on a connection of its own), shared by every daemon.
#include <boost/asio/any_io_executor.hpp>
#include <memory>

#include "insightd/config/config.hpp"
#include "insightd/genesys/request_budget.hpp"

namespace insightd::app {

std::unique_ptr<genesys::RequestBudget> make_request_budget(boost::asio::any_io_executor executor,
                                                            const Config& cfg);

}  // namespace insightd::app
