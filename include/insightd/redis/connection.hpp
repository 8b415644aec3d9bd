// SPDX-License-Identifier: Apache-2.0
#pragma once
// One connection to Redis on the io_context, never blocking it: TCP or TLS
// (rediss://), AUTH and SELECT at connect, pipelining (any number of commands
// in flight, replies matched in order), a timeout per command, reconnection
// with backoff, and Lua scripts called by name (EVALSHA, reloaded on NOSCRIPT).
//
// A timed-out command drops the connection (the replies after it would be
// out of order) and it is re-established. While Redis cannot be reached,
// commands fail at once with "Redis unreachable at host:port: ...".
// Blocking commands (BLMOVE, ...) belong on a second Connection: they would
// hold up every reply queued behind them.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "insightd/common/backoff.hpp"
#include "insightd/redis/error.hpp"
#include "insightd/redis/reply.hpp"

namespace insightd {
struct QueueConfig;
}

namespace insightd::redis {

struct ConnectionOptions {
  std::string url = "redis://127.0.0.1:6379/0";
  std::string password;                     // AUTH (with the URL's user, if any) when not empty
  std::string ca_file;                      // rediss://: trust anchor besides the system store
  std::chrono::milliseconds timeout{5000};  // per command, and per connect step
  BackoffPolicy reconnect{std::chrono::milliseconds(100), std::chrono::milliseconds(5000)};
  std::string name = "redis";  // which connection, in log lines
};

ConnectionOptions connection_options(const QueueConfig& queue);

struct State;

class Connection {
 public:
  // Starts connecting at once. Throws std::invalid_argument for a bad URL and
  // std::system_error for an unreadable ca_file.
  Connection(boost::asio::any_io_executor executor, ConnectionOptions options);
  ~Connection();  // close()
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // A server error (-ERR ...) is a Reply of type error; the Result fails only
  // when no reply came (unreachable, timeout, connection lost, cancelled).
  boost::asio::awaitable<Result<Reply>> command(std::vector<std::string> args);
  boost::asio::awaitable<Result<Reply>> command(std::vector<std::string> args,
                                                std::chrono::milliseconds timeout);

  // Registers a Lua script under `name`: loaded (SCRIPT LOAD) at every connect.
  void register_script(std::string name, std::string source);
  // EVALSHA of the script registered as `name`; on NOSCRIPT (flushed, or a
  // failover to a server without it) it is loaded again and called once more.
  boost::asio::awaitable<Result<Reply>> eval(std::string name, std::vector<std::string> keys,
                                             std::vector<std::string> args);

  bool connected() const noexcept;
  // "connected to host:port", or why not (the last connect failure).
  std::string describe() const;

  // Fails waiting commands (errc::cancelled), closes the socket, stops reconnecting.
  void close();

 private:
  std::shared_ptr<State> state_;
};

}  // namespace insightd::redis
