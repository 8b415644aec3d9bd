// SPDX-License-Identifier: Apache-2.0
// One server connection: optional TLS handshake, then request/response
// exchanges under request_timeout until either side stops keep-alive.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include "beast_fields.hpp"
#include "insightd/common/nothrow.hpp"
#include "server_state.hpp"

namespace insightd::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using boost::system::error_code;
using tcp = asio::ip::tcp;
using TlsStream = asio::ssl::stream<beast::tcp_stream>;
using BeastRequest = beast::http::request<beast::http::string_body>;
using BeastResponse = beast::http::response<beast::http::string_body>;

// How a connection ends once no more requests will be served on it.
enum class Ending {
  close,          // peer gone or timed out: nothing left to say
  graceful,       // TLS close_notify / TCP FIN
  discard_input,  // as graceful, then read and drop what the client still sends (so the
                  // kernel does not answer its unread request body with a RST that could
                  // destroy our error response before the client reads it)
};

// Removes the connection from the live set when the coroutine ends, however it ends.
class Registration {
 public:
  Registration(ServerState& state, std::uint64_t id) : state_(state), id_(id) {}
  ~Registration() {
    if (auto it = state_.live.find(id_); it != state_.live.end()) {
      if (it->second.evicted) --state_.evicted_connections;
      state_.live.erase(it);
    }
  }
  Registration(const Registration&) = delete;
  Registration& operator=(const Registration&) = delete;
  void attach(tcp::socket& socket) {
    if (auto it = state_.live.find(id_); it != state_.live.end()) it->second.socket = &socket;
  }
  // Waiting for the next request header (true) or serving a request (false).
  void waiting(bool waiting) {
    if (auto it = state_.live.find(id_); it != state_.live.end()) {
      it->second.waiting = waiting;
      it->second.waiting_since = std::chrono::steady_clock::now();
    }
  }

 private:
  ServerState& state_;
  std::uint64_t id_;
};

std::string describe(const tcp::endpoint& endpoint) {
  const auto address = endpoint.address();
  return address.is_v6() ? fmt::format("[{}]:{}", address.to_string(), endpoint.port())
                         : fmt::format("{}:{}", address.to_string(), endpoint.port());
}

std::string_view path_of(std::string_view target) {
  return target.substr(0, target.find('?'));
}

ServerRequest to_server_request(BeastRequest& request, const std::string& remote) {
  return ServerRequest{std::string(request.method_string()), std::string(request.target()),
                       headers_from_fields(request.base()), std::move(request.body()), remote};
}

// The exception boundary around the application: a throwing handler is a 500, logged.
asio::awaitable<Response> call_handler(const ServerState& state, ServerRequest request) {
  const std::string method = request.method;
  const std::string path(path_of(request.target));  // the query may carry identifiers: not logged
  try {
    co_return co_await state.handler(std::move(request));
  } catch (const std::exception& e) {
    if (state.stopped) {
      spdlog::debug("http server: handler for {} {} ended by stop(): {}", method, path, e.what());
    } else {
      spdlog::error("http server: handler for {} {} threw: {}", method, path, e.what());
    }
  }
  co_return Response{500, {}, "internal server error\n"};
}

BeastResponse to_beast(Response response, unsigned version) {
  BeastResponse out;
  out.version(version);
  out.result(response.status);
  copy_to_fields(response.headers, out.base());
  out.body() = std::move(response.body);
  out.prepare_payload();
  return out;
}

template <class Stream>
asio::awaitable<error_code> write_response(Stream& stream, beast::tcp_stream& tcp, BeastResponse& response,
                                           std::chrono::milliseconds timeout) {
  tcp.expires_after(timeout);
  auto [ec, bytes] = co_await beast::http::async_write(stream, response, nothrow);
  co_return ec;
}

// Errors of Beast's HTTP parser (over a limit, bad syntax), not of the transport.
bool is_malformed_request(const error_code& ec) {
  return ec.category() == make_error_code(beast::http::error::body_limit).category() &&
         ec != beast::http::error::partial_message;
}

// A request Beast could not accept: 413 when over the body limit, 400 otherwise.
template <class Stream>
asio::awaitable<void> reject_request(Stream& stream, beast::tcp_stream& tcp, const ServerState& state,
                                     const error_code& why) {
  const bool too_large = why == beast::http::error::body_limit;
  auto response = to_beast(
      Response{too_large ? 413u : 400u, {}, too_large ? "request body too large\n" : "bad request\n"}, 11);
  response.keep_alive(false);
  co_await write_response(stream, tcp, response, state.options.request_timeout);
}

std::chrono::milliseconds header_deadline(const ServerOptions& options) {
  return std::min(options.header_timeout, options.request_timeout);
}

template <class Stream>
asio::awaitable<error_code> read_header(Stream& stream, beast::flat_buffer& buffer,
                                        beast::http::request_parser<beast::http::string_body>& parser) {
  auto [ec, bytes] = co_await beast::http::async_read_header(stream, buffer, parser, nothrow);
  co_return ec;
}

template <class Stream>
asio::awaitable<error_code> read_rest(Stream& stream, beast::flat_buffer& buffer,
                                      beast::http::request_parser<beast::http::string_body>& parser) {
  auto [ec, bytes] = co_await beast::http::async_read(stream, buffer, parser, nothrow);
  co_return ec;
}

template <class Stream>
asio::awaitable<Ending> serve_requests(Stream& stream, beast::tcp_stream& tcp, beast::flat_buffer& buffer,
                                       const ServerState& state, Registration& registration,
                                       std::string remote) {
  buffer.reserve(kReadBufferCapacity);
  for (;;) {
    beast::http::request_parser<beast::http::string_body> parser;
    parser.body_limit(state.options.max_request_body);
    // Idle keep-alive, silent and slow clients get the short header deadline;
    // the body, once the header is in, the request timeout.
    tcp.expires_after(header_deadline(state.options));
    auto read_ec = co_await read_header(stream, buffer, parser);
    if (!read_ec) {
      registration.waiting(false);
      tcp.expires_after(state.options.request_timeout);
      read_ec = co_await read_rest(stream, buffer, parser);
    }
    if (read_ec == beast::http::error::end_of_stream) co_return Ending::graceful;
    if (read_ec) {
      if (is_malformed_request(read_ec)) {
        co_await reject_request(stream, tcp, state, read_ec);
        co_return Ending::discard_input;
      }
      co_return Ending::close;
    }

    auto request = parser.release();
    auto response =
        to_beast(co_await call_handler(state, to_server_request(request, remote)), request.version());
    if (request.method() == beast::http::verb::head) response.body().clear();  // Content-Length stays
    const bool keep_alive = request.keep_alive() && response.keep_alive() && !state.stopped;
    response.keep_alive(keep_alive);
    // Awaited into a local: GCC 12 miscompiles co_await inside a condition (DEVELOPERS_NOTES.md).
    const auto write_failed = co_await write_response(stream, tcp, response, state.options.request_timeout);
    if (write_failed) co_return Ending::close;
    if (!keep_alive) co_return Ending::graceful;
    registration.waiting(true);
  }
}

asio::awaitable<void> discard_until_eof(beast::tcp_stream& tcp, std::chrono::milliseconds timeout) {
  char sink[4096];
  tcp.expires_after(timeout);
  for (;;) {
    auto [ec, bytes] = co_await tcp.async_read_some(asio::buffer(sink), nothrow);
    if (ec) co_return;
  }
}

asio::awaitable<void> end_plain(beast::tcp_stream& tcp, Ending ending, std::chrono::milliseconds timeout) {
  error_code ignored;
  if (ending != Ending::close) tcp.socket().shutdown(tcp::socket::shutdown_send, ignored);
  if (ending == Ending::discard_input) co_await discard_until_eof(tcp, timeout);
  tcp.close();
}

asio::awaitable<void> end_tls(TlsStream& stream, Ending ending, std::chrono::milliseconds timeout) {
  if (ending != Ending::close) {
    stream.next_layer().expires_after(timeout);
    auto [ec] = co_await stream.async_shutdown(nothrow);
    if (ec && ec != asio::ssl::error::stream_truncated) {
      spdlog::debug("http server: TLS shutdown: {}", ec.message());
    }
  }
  stream.next_layer().close();
}

asio::awaitable<void> serve_plain(std::shared_ptr<ServerState> state, Registration& registration,
                                  tcp::socket socket, std::string remote) {
  beast::tcp_stream stream(std::move(socket));
  registration.attach(stream.socket());
  beast::flat_buffer buffer;
  const Ending ending = co_await serve_requests(stream, stream, buffer, *state, registration, remote);
  co_await end_plain(stream, ending, state->options.request_timeout);
}

asio::awaitable<void> serve_tls(std::shared_ptr<ServerState> state, Registration& registration,
                                tcp::socket socket, std::string remote) {
  TlsStream stream(std::move(socket), *state->tls);
  registration.attach(stream.next_layer().socket());
  stream.next_layer().expires_after(header_deadline(state->options));
  auto [handshake_ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, nothrow);
  if (handshake_ec) {
    spdlog::debug("http server: TLS handshake with {} failed: {}", remote, handshake_ec.message());
    co_return;
  }
  beast::flat_buffer buffer;
  const Ending ending =
      co_await serve_requests(stream, stream.next_layer(), buffer, *state, registration, remote);
  co_await end_tls(stream, ending, state->options.request_timeout);
}

}  // namespace

asio::awaitable<void> run_connection(std::shared_ptr<ServerState> state, tcp::socket socket,
                                     std::uint64_t id) {
  Registration registration(*state, id);
  if (state->stopped) co_return;
  error_code ec;
  const std::string remote = describe(socket.remote_endpoint(ec));
  try {
    if (state->tls) {
      co_await serve_tls(state, registration, std::move(socket), remote);
    } else {
      co_await serve_plain(state, registration, std::move(socket), remote);
    }
  } catch (const std::exception& e) {
    // The per-connection exception boundary: one broken connection never ends the server.
    if (state->stopped) {
      spdlog::debug("http server: connection from {} ended by stop(): {}", remote, e.what());
    } else {
      spdlog::error("http server: connection from {} failed: {}", remote, e.what());
    }
  }
}

}  // namespace insightd::http
