// SPDX-License-Identifier: Apache-2.0
#pragma once
// HTTPS/HTTP client on Beast + OpenSSL: certificate and host-name
// verification, SNI, per-step timeouts, a keep-alive pool per host.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <cstddef>
#include <memory>
#include <string>

#include "insightd/common/error.hpp"
#include "insightd/http/message.hpp"

namespace insightd::http {

struct ClientOptions {
  std::string ca_file;                        // extra trust anchor besides the system store
  std::size_t max_response_body = 16u << 20;  // explicit Beast body limit
  std::size_t max_idle_per_host = 16;         // keep-alive pool size per host:port
  std::string user_agent = "insightd/0.1";
};

class Client {
 public:
  virtual ~Client() = default;
  // Any HTTP status is a successful result; errors are transport failures
  // (DNS, connect, TLS, timeout, body too large), carrying insightd::errc or asio/ssl codes.
  virtual boost::asio::awaitable<result<Response>> send(Request request) = 0;
};

std::unique_ptr<Client> make_client(boost::asio::any_io_executor executor, ClientOptions options);

}  // namespace insightd::http
