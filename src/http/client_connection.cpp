// SPDX-License-Identifier: Apache-2.0
#include "client_connection.hpp"

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "beast_fields.hpp"
#include "insightd/common/nothrow.hpp"
#include "insightd/http/tls_client.hpp"

namespace insightd::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using boost::system::error_code;
using tcp = asio::ip::tcp;

template <class Stream>
asio::awaitable<error_code> write_on(Stream& stream, const BeastRequest& request) {
  auto [ec, bytes] = co_await beast::http::async_write(stream, request, nothrow);
  co_return ec;
}

// Reads the header, or on until the parser is done (or its body buffer is full).
template <class Stream, class Parser>
asio::awaitable<error_code> read_on(Stream& stream, beast::flat_buffer& buffer, Parser& parser,
                                    bool header_only) {
  if (header_only) {
    auto [ec, bytes] = co_await beast::http::async_read_header(stream, buffer, parser, nothrow);
    co_return ec;
  }
  auto [ec, bytes] = co_await beast::http::async_read(stream, buffer, parser, nothrow);
  co_return ec;
}

}  // namespace

ClientConnection::ClientConnection(ClientStream stream) : stream_(std::move(stream)) {
  // Beast reads at most the buffer's free capacity per read (512 bytes at least):
  // a fresh flat_buffer took a 25 KB page in ~50 recvmsg calls (bench/RESULTS.md).
  buffer_.reserve(kReadBufferCapacity);
}

beast::tcp_stream& ClientConnection::tcp() {
  if (auto* tls = std::get_if<TlsStream>(&stream_)) return tls->next_layer();
  return std::get<beast::tcp_stream>(stream_);
}

asio::awaitable<result<std::unique_ptr<ClientConnection>>> ClientConnection::open(
    asio::any_io_executor executor, asio::ssl::context& tls_context, Endpoint endpoint,
    std::chrono::milliseconds timeout) {
  auto stream = co_await connect_stream(std::move(executor), tls_context, std::move(endpoint), timeout);
  if (!stream) co_return stream.error();
  co_return std::make_unique<ClientConnection>(std::move(*stream));
}

asio::awaitable<error_code> ClientConnection::write(const BeastRequest& request,
                                                    std::chrono::milliseconds timeout) {
  tcp().expires_after(timeout);
  error_code ec;
  // if/else, not ?: : GCC 12 miscompiles co_await inside a conditional expression.
  if (auto* tls = std::get_if<TlsStream>(&stream_)) {
    ec = co_await write_on(*tls, request);
  } else {
    ec = co_await write_on(std::get<beast::tcp_stream>(stream_), request);
  }
  co_return ec;
}

template <class Parser>
asio::awaitable<error_code> ClientConnection::read(Parser& parser, bool header_only) {
  error_code ec;
  // if/else, not ?: : GCC 12 miscompiles co_await inside a conditional expression.
  if (auto* tls = std::get_if<TlsStream>(&stream_)) {
    ec = co_await read_on(*tls, buffer_, parser, header_only);
  } else {
    ec = co_await read_on(std::get<beast::tcp_stream>(stream_), buffer_, parser, header_only);
  }
  co_return ec;
}

asio::awaitable<ClientConnection::Exchange> ClientConnection::exchange(const BeastRequest& request,
                                                                       std::chrono::milliseconds timeout,
                                                                       std::size_t max_body) {
  Exchange out;
  out.error = co_await write(request, timeout);
  if (out.error) co_return out;

  beast::http::response_parser<beast::http::string_body> parser;
  parser.body_limit(max_body);
  if (request.method() == beast::http::verb::head) parser.skip(true);
  tcp().expires_after(timeout);
  out.error = co_await read(parser, false);
  out.received_any = parser.got_some() || buffer_.size() > 0;
  if (out.error) co_return out;
  out.reusable = parser.keep_alive();
  out.response = parser.release();
  co_return out;
}

asio::awaitable<ClientConnection::Exchange> ClientConnection::exchange_keeping_prefix(
    const BeastRequest& request, std::chrono::milliseconds timeout, std::size_t keep) {
  Exchange out;
  out.error = co_await write(request, timeout);
  if (out.error) co_return out;

  beast::http::response_parser<beast::http::buffer_body> parser;
  parser.body_limit(boost::none);  // never held whole: its size does not matter
  if (request.method() == beast::http::verb::head) parser.skip(true);
  tcp().expires_after(timeout);
  out.error = co_await read(parser, true);
  out.received_any = parser.got_some() || buffer_.size() > 0;
  if (out.error) co_return out;

  // The status is the answer; the body is read only up to the prefix kept.
  std::string kept;
  char chunk[4096];
  while (!parser.is_done() && kept.size() < keep) {
    const std::size_t offered = std::min(sizeof chunk, keep - kept.size());
    parser.get().body().data = chunk;
    parser.get().body().size = offered;
    const error_code ec = co_await read(parser, false);
    kept.append(chunk, offered - parser.get().body().size);
    if (ec == beast::http::error::need_buffer) continue;
    if (ec) {
      spdlog::debug("http client: reading the rest of a response body: {}; the status stands", ec.message());
      break;
    }
  }
  out.reusable = parser.is_done() && parser.keep_alive();
  out.response.base() = parser.get().base();
  out.response.body() = std::move(kept);
  co_return out;
}

asio::awaitable<void> ClientConnection::close(std::chrono::milliseconds timeout) {
  if (auto* tls = std::get_if<TlsStream>(&stream_)) {
    tcp().expires_after(timeout);
    auto [ec] = co_await tls->async_shutdown(nothrow);
    // Many servers close TCP without close_notify; that is harmless here and only here.
    if (ec && ec != asio::ssl::error::stream_truncated) {
      spdlog::debug("http client: TLS shutdown: {}", ec.message());
    }
  }
  error_code ignored;
  tcp().socket().shutdown(tcp::socket::shutdown_both, ignored);
  tcp().close();
}

}  // namespace insightd::http
