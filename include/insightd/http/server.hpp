// SPDX-License-Identifier: Apache-2.0
#pragma once
// A small Beast HTTP(S) server: accept loop, one coroutine per connection,
// keep-alive, bounded connections, body limits, per-request timeouts. Used by
// the simulator and the admin endpoint; the application supplies a Handler.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "insightd/http/message.hpp"

namespace insightd::http {

struct ServerRequest {
  std::string method;  // "GET", "POST", ...
  std::string target;  // path + query as received
  Headers headers;
  std::string body;
  std::string remote_address;  // "ip:port" of the peer ("[v6]:port")
};

using Handler = std::function<boost::asio::awaitable<Response>(ServerRequest)>;

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;     // 0: any free port (see Server::port())
  std::string tls_cert_file;  // both set: HTTPS
  std::string tls_key_file;
  std::size_t max_request_body = 1u << 20;  // larger: 413
  // At the limit, a new connection takes the place of the one that has waited
  // longest for a request header (idle keep-alive, slow or silent clients); it
  // is refused only when every connection is busy with a request.
  std::size_t max_connections = 256;
  std::chrono::milliseconds request_timeout{30000};  // a slow client is dropped
  // From accept (or the end of the previous response) to a complete request
  // header, the TLS handshake included; capped at request_timeout.
  std::chrono::milliseconds header_timeout{10000};
};

class Server {
 public:
  virtual ~Server() = default;
  virtual std::uint16_t port() const noexcept = 0;            // the bound port
  virtual void stop() = 0;                                    // close listener and connections
  virtual std::size_t connection_count() const noexcept = 0;  // connections being served now
};

// Binds and starts accepting immediately; throws std::system_error when it cannot bind.
std::unique_ptr<Server> make_server(boost::asio::any_io_executor executor, ServerOptions options,
                                    Handler handler);

}  // namespace insightd::http
