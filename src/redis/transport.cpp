// SPDX-License-Identifier: Apache-2.0
#include "transport.hpp"

#include <fmt/format.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include "insightd/common/nothrow.hpp"
#include "insightd/common/with_timeout.hpp"
#include "insightd/http/tls_client.hpp"

namespace insightd::redis {
namespace {

namespace asio = boost::asio;
using boost::system::error_code;
using tcp = asio::ip::tcp;

Error unreachable(std::string message) {
  return Error{make_error_code(errc::unreachable), std::move(message)};
}

std::string describe(const error_code& ec, std::chrono::milliseconds timeout) {
  if (ec == insightd::errc::timeout) return fmt::format("no answer within {} ms", timeout.count());
  return ec.message();
}

template <class Stream>
asio::awaitable<error_code> write_on(Stream& stream, std::string_view bytes) {
  auto [ec, written] = co_await asio::async_write(stream, asio::buffer(bytes), nothrow);
  co_return ec;
}

template <class Stream>
asio::awaitable<std::pair<error_code, std::size_t>> read_on(Stream& stream, asio::mutable_buffer buffer) {
  auto [ec, n] = co_await stream.async_read_some(buffer, nothrow);
  co_return std::pair{ec, n};
}

}  // namespace

Transport::Transport(asio::any_io_executor executor, asio::ssl::context* tls)
    : stream_(tls ? decltype(stream_)(std::in_place_type<TlsStream>, executor, *tls)
                  : decltype(stream_)(std::in_place_type<tcp::socket>, executor)) {}

tcp::socket& Transport::socket() {
  if (auto* tls = std::get_if<TlsStream>(&stream_)) return tls->next_layer();
  return std::get<tcp::socket>(stream_);
}

asio::awaitable<Result<std::unique_ptr<Transport>>> Transport::open(asio::any_io_executor executor,
                                                                    Address address, asio::ssl::context* tls,
                                                                    std::chrono::milliseconds timeout) {
  auto transport = std::make_unique<Transport>(executor, address.tls ? tls : nullptr);

  tcp::resolver resolver(executor);
  auto [resolve_ec, endpoints] = co_await with_timeout(timeout, [&resolver, &address](auto token) {
    return resolver.async_resolve(address.host, address.port, token);
  });
  if (resolve_ec) co_return unreachable("cannot resolve host: " + describe(resolve_ec, timeout));

  auto& socket = transport->socket();
  // A lambda capturing a structured binding is C++20 that not every compiler has.
  const auto& resolved = endpoints;
  auto [connect_ec, connected] = co_await with_timeout(
      timeout, [&socket, &resolved](auto token) { return asio::async_connect(socket, resolved, token); });
  if (connect_ec) co_return unreachable(describe(connect_ec, timeout));
  socket.set_option(tcp::no_delay(true));

  if (auto* stream = std::get_if<TlsStream>(&transport->stream_)) {
    if (auto ec = http::prepare_client_handshake(*stream, address.host)) co_return unreachable(ec.message());
    auto [handshake_ec] = co_await with_timeout(timeout, [stream](auto token) {
      return stream->async_handshake(asio::ssl::stream_base::client, token);
    });
    if (handshake_ec) {
      co_return unreachable(
          "TLS handshake failed: " +
          (handshake_ec == insightd::errc::timeout
               ? describe(handshake_ec, timeout)
               : http::describe_handshake_failure(stream->native_handle(), handshake_ec, address.host)));
    }
  }
  co_return transport;
}

asio::awaitable<error_code> Transport::write(std::string_view bytes) {
  // if/else, not ?: : GCC 12 miscompiles co_await inside a conditional expression.
  if (auto* tls = std::get_if<TlsStream>(&stream_)) {
    auto ec = co_await write_on(*tls, bytes);
    co_return ec;
  }
  auto ec = co_await write_on(std::get<tcp::socket>(stream_), bytes);
  co_return ec;
}

asio::awaitable<std::pair<error_code, std::size_t>> Transport::read_some(asio::mutable_buffer buffer) {
  if (auto* tls = std::get_if<TlsStream>(&stream_)) {
    auto got = co_await read_on(*tls, buffer);
    co_return got;
  }
  auto got = co_await read_on(std::get<tcp::socket>(stream_), buffer);
  co_return got;
}

void Transport::close() noexcept {
  error_code ignored;
  socket().shutdown(tcp::socket::shutdown_both, ignored);
  socket().close(ignored);
}

}  // namespace insightd::redis
