// SPDX-License-Identifier: Apache-2.0
#pragma once
// The simulator's notifications WebSocket (its own listener; wss:// when the
// simulator has a certificate): clients connect to the connectUri of a
// channel, get heartbeats and the conversation events of their subscribed
// topics, and answer-able faults: socket_closing, a cut socket, stalled
// heartbeats, dropped events. It also drives the conversation generator.
#include <boost/asio/any_io_executor.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "insightd/sim/options.hpp"

namespace insightd::sim {

class SimService;

class NotificationsServer {
 public:
  // Binds at once (any free port); throws std::system_error when it cannot.
  NotificationsServer(boost::asio::any_io_executor executor, std::shared_ptr<SimService> service,
                      const SimOptions& options);
  ~NotificationsServer();
  NotificationsServer(const NotificationsServer&) = delete;
  NotificationsServer& operator=(const NotificationsServer&) = delete;

  std::uint16_t port() const noexcept;
  std::string base_uri() const;  // "ws://host:port" or "wss://host:port"

  // "closing" (socket_closing, then a normal close), "cut" (TCP dropped
  // without a close frame), "stall" (heartbeats stop), "resume". Returns the
  // sockets affected; 0 for an unknown action. Call on the executor's thread.
  std::size_t control(std::string_view action);
  // control() from any context: posted to the executor, ignored once the server is gone.
  std::function<void(std::string_view)> controller() const;
  void stop();

  struct State;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace insightd::sim
