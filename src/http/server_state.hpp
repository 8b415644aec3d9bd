// SPDX-License-Identifier: Apache-2.0
#pragma once
// State shared by the server object, its accept loop and its connection
// coroutines (each holds a shared_ptr, so none outlives what it uses).
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>

#include "insightd/http/server.hpp"

namespace insightd::http {

struct ServerState {
  ServerState(boost::asio::any_io_executor executor, ServerOptions options, Handler handler)
      : executor(executor), options(std::move(options)), handler(std::move(handler)), acceptor(executor) {}

  // What stop() needs to end a live connection at once, whatever it is awaiting.
  struct LiveConnection {
    boost::asio::ip::tcp::socket* socket = nullptr;  // set once the connection coroutine runs
    std::shared_ptr<boost::asio::cancellation_signal> cancel;
    // Waiting for a request header (or the TLS handshake) since `waiting_since`:
    // the connection may make room for a new one (see ServerOptions::max_connections).
    bool waiting = true;
    std::chrono::steady_clock::time_point waiting_since = std::chrono::steady_clock::now();
    bool evicted = false;  // ended to make room; leaves `live` when its coroutine ends
  };

  // Connections counted against max_connections: the live ones not being ended.
  std::size_t counted_connections() const noexcept { return live.size() - evicted_connections; }

  boost::asio::any_io_executor executor;
  ServerOptions options;
  Handler handler;
  std::optional<boost::asio::ssl::context> tls;
  boost::asio::ip::tcp::acceptor acceptor;
  bool stopped = false;
  std::uint64_t next_connection_id = 0;
  std::uint64_t rejected_connections = 0;
  std::size_t evicted_connections = 0;  // in `live` with evicted set
  std::unordered_map<std::uint64_t, LiveConnection> live;
};

// Serves one accepted connection until the peer or the server ends it; never throws.
boost::asio::awaitable<void> run_connection(std::shared_ptr<ServerState> state,
                                            boost::asio::ip::tcp::socket socket, std::uint64_t id);

}  // namespace insightd::http
