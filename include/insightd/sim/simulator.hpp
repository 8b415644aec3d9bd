// SPDX-License-Identifier: Apache-2.0
#pragma once
// The simulator on a real listener: what `insightd-sim`, `insightd demo` and
// the integration tests start. Binds in the constructor.
#include <boost/asio/any_io_executor.hpp>
#include <cstdint>
#include <memory>
#include <string>

#include "insightd/http/server.hpp"
#include "insightd/sim/notifications_server.hpp"
#include "insightd/sim/options.hpp"
#include "insightd/sim/sim_service.hpp"
#include "insightd/sim/stats.hpp"

namespace insightd::sim {

class Simulator {
 public:
  // Throws std::system_error when it cannot bind.
  Simulator(boost::asio::any_io_executor executor, SimOptions options);
  ~Simulator();

  std::uint16_t port() const noexcept;
  std::string base_url() const;           // "http(s)://host:port"; login and API host alike
  std::string notifications_uri() const;  // "ws(s)://host:port" of the WebSocket listener
  void stop();                            // closes the listener and open connections
  SimStats stats() const;
  void reset();

 private:
  SimOptions options_;
  std::shared_ptr<SimService> service_;
  std::unique_ptr<http::Server> server_;
  std::unique_ptr<NotificationsServer> notifications_;
};

}  // namespace insightd::sim
