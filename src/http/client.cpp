// SPDX-License-Identifier: Apache-2.0
#include "insightd/http/client.hpp"

#include <openssl/ssl.h>
#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <system_error>

#include "beast_fields.hpp"
#include "client_connection.hpp"
#include "connection_pool.hpp"
#include "insightd/common/log_exceptions.hpp"
#include "insightd/common/plain_http.hpp"
#include "insightd/http/endpoint.hpp"
#include "insightd/http/stream_connect.hpp"
#include "insightd/http/tls_client.hpp"

namespace insightd::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using boost::system::error_code;

// Shared with in-flight requests, so destroying the Client while one is
// suspended does not leave it pointing at freed state.
struct ClientState {
  asio::any_io_executor executor;
  ClientOptions options;
  asio::ssl::context tls;
  ConnectionPool pool;
};

BeastRequest build_request(const Request& request, const Endpoint& endpoint, const ClientOptions& options) {
  BeastRequest out;
  if (auto verb = beast::http::string_to_verb(request.method); verb != beast::http::verb::unknown) {
    out.method(verb);
  } else {
    out.method_string(request.method);
  }
  out.target(endpoint.target);
  out.version(11);
  copy_to_fields(request.headers, out.base());
  out.set(beast::http::field::host, endpoint.host_header);
  if (!request.headers.contains("User-Agent")) out.set(beast::http::field::user_agent, options.user_agent);
  if (!request.headers.contains("Connection")) out.keep_alive(true);
  out.body() = request.body;
  out.prepare_payload();  // Content-Length
  return out;
}

Response to_response(BeastResponse response) {
  return Response{response.result_int(), headers_from_fields(response.base()), std::move(response.body())};
}

error_code to_client_error(error_code ec) {
  if (ec == beast::error::timeout) return make_error_code(errc::timeout);
  if (ec == beast::http::error::body_limit) return make_error_code(errc::body_too_large);
  return ec;
}

void warn_plain_http_once(const Endpoint& endpoint) {
  if (should_warn_plain_http(endpoint.host)) {
    spdlog::warn("http client: {} is plain http (no TLS); use it only on loopback or behind a TLS proxy",
                 endpoint.pool_key());
  }
}

asio::awaitable<void> close_connection(std::unique_ptr<ClientConnection> connection,
                                       std::chrono::milliseconds timeout) {
  co_await connection->close(timeout);
}

// Closing (TLS close_notify round trip) runs on its own so the caller gets its response at once.
void close_in_background(const ClientState& state, std::unique_ptr<ClientConnection> connection,
                         std::chrono::milliseconds timeout) {
  asio::co_spawn(state.executor, close_connection(std::move(connection), timeout),
                 LogExceptions{"http client: closing a connection"});
}

asio::awaitable<result<Response>> send_request(std::shared_ptr<ClientState> state, Request request) {
  auto endpoint = parse_endpoint(request.url);
  if (!endpoint) co_return endpoint.error();
  if (!endpoint->tls) warn_plain_http_once(*endpoint);
  const std::string key = endpoint->pool_key();
  const BeastRequest beast_request = build_request(request, *endpoint, state->options);

  // A pooled connection may have been closed by the server while idle: if it
  // fails before any response byte, the request is sent once more on a fresh one.
  for (bool first_attempt = true;; first_attempt = false) {
    auto connection = first_attempt ? state->pool.take(key) : nullptr;
    const bool reused = connection != nullptr;
    if (!connection) {
      auto opened = co_await ClientConnection::open(state->executor, state->tls, *endpoint, request.timeout);
      if (!opened) co_return to_client_error(opened.error());
      connection = std::move(*opened);
    }

    ClientConnection::Exchange exchange;
    if (request.keep_body_prefix) {
      exchange = co_await connection->exchange_keeping_prefix(beast_request, request.timeout,
                                                              *request.keep_body_prefix);
    } else {
      exchange =
          co_await connection->exchange(beast_request, request.timeout, state->options.max_response_body);
    }
    if (exchange.error) {
      // Not after a timeout (the server may be working on it) nor a cancellation by the caller.
      if (reused && !exchange.received_any && exchange.error != beast::error::timeout &&
          exchange.error != asio::error::operation_aborted) {
        spdlog::debug("http client: idle connection to {} was closed ({}); retrying on a new one", key,
                      exchange.error.message());
        continue;
      }
      co_return to_client_error(exchange.error);
    }

    if (exchange.reusable) connection = state->pool.offer(key, std::move(connection));
    if (connection) close_in_background(*state, std::move(connection), request.timeout);
    co_return to_response(std::move(exchange.response));
  }
}

class BeastClient final : public Client {
 public:
  BeastClient(asio::any_io_executor executor, ClientOptions options)
      : state_(std::make_shared<ClientState>(ClientState{executor, options,
                                                         make_client_tls_context(options.ca_file),
                                                         ConnectionPool(options.max_idle_per_host)})) {}

  asio::awaitable<result<Response>> send(Request request) override {
    return send_request(state_, std::move(request));
  }

 private:
  std::shared_ptr<ClientState> state_;
};

}  // namespace

std::unique_ptr<Client> make_client(asio::any_io_executor executor, ClientOptions options) {
  return std::make_unique<BeastClient>(std::move(executor), std::move(options));
}

}  // namespace insightd::http
