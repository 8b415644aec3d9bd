// SPDX-License-Identifier: Apache-2.0
#pragma once
// The shared state behind a redis::Connection: the requests queued and in
// flight, the current session (one TCP/TLS connection), registered scripts.
// Shared by the caller's handle, the run loop and each waiting command, so
// none outlives what it uses. One thread: no locks.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ssl/context.hpp>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "insightd/common/async_event.hpp"
#include "insightd/redis/address.hpp"
#include "insightd/redis/connection.hpp"
#include "transport.hpp"

namespace insightd::redis {

// One command: its encoded bytes and, once known, its outcome.
struct Request {
  Request(const boost::asio::any_io_executor& executor, std::string encoded)
      : done(executor), bytes(std::move(encoded)) {}
  AsyncEvent done;  // notified when `outcome` is set; its wait is the command's timeout
  std::string bytes;
  std::optional<Result<Reply>> outcome;
  bool abandoned = false;  // the caller stopped waiting (timeout or cancellation)
};

// One TCP/TLS connection and the commands written to it, in order.
struct Session {
  std::unique_ptr<Transport> transport;
  std::deque<std::shared_ptr<Request>> awaiting;  // written, replies pending, in order
  bool closed = false;
  bool reader_done = false;
  Error why;  // why it closed
};

struct Script {
  std::string source;
  std::string sha;  // SHA-1 hex, as Redis names it
};

struct State {
  enum class Phase { connecting, up, down, closed };

  State(boost::asio::any_io_executor ex, ConnectionOptions opts)
      : executor(std::move(ex)),
        options(std::move(opts)),
        address(parse_address(options.url)),
        wake(executor) {}

  boost::asio::any_io_executor executor;
  ConnectionOptions options;
  Address address;
  std::optional<boost::asio::ssl::context> tls;
  std::map<std::string, Script, std::less<>> scripts;

  Phase phase = Phase::connecting;
  Error last_error;                             // why it is down
  std::deque<std::shared_ptr<Request>> unsent;  // waiting for the writer (or for a connection)
  std::shared_ptr<Session> session;             // the current one, if any
  AsyncEvent wake;                              // the run loop: something to write, a session ended, close()
};

// Sets the outcome once and wakes the waiting caller.
void complete(Request& request, Result<Reply> outcome);

// Ends the session: closes the socket, fails every command in flight with `why`.
void drop(State& state, Session& session, Error why);

}  // namespace insightd::redis
