#include "client_connection.hpp"

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "beast_fields.hpp"

namespace insightd::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using boost::system::error_code;
using tcp = asio::ip::tcp;
constexpr auto nothrow = asio::as_tuple(asio::use_awaitable);

template <class Stream>
asio::awaitable<error_code> write_on(Stream& stream, const BeastRequest& request) {
  auto [ec, bytes] = co_await beast::http::async_write(stream, request, nothrow);
  co_return ec;
}

template <class Stream>
asio::awaitable<error_code> read_on(Stream& stream, beast::flat_buffer& buffer,
                                    beast::http::response_parser<beast::http::string_body>& parser) {
  auto [ec, bytes] = co_await beast::http::async_read(stream, buffer, parser, nothrow);
  co_return ec;
}

}  // namespace

ClientConnection::ClientConnection(ClientStream stream) : stream_(std::move(stream)) {
  // Beast reads at most the buffer's free capacity per read (512 bytes at least):
  // a fresh flat_buffer took a 25 KB page in ~50 recvmsg calls (bench/RESULTS.md).
  buffer_.reserve(read_buffer_capacity);
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

asio::awaitable<ClientConnection::Exchange> ClientConnection::exchange(const BeastRequest& request,
                                                                       std::chrono::milliseconds timeout,
                                                                       std::size_t max_body) {
  Exchange out;
  auto* tls = std::get_if<TlsStream>(&stream_);
  auto* plain = std::get_if<beast::tcp_stream>(&stream_);

  tcp().expires_after(timeout);
  // if/else, not ?: : GCC 12 miscompiles co_await inside a conditional expression.
  if (tls) {
    out.error = co_await write_on(*tls, request);
  } else {
    out.error = co_await write_on(*plain, request);
  }
  if (out.error) co_return out;

  beast::http::response_parser<beast::http::string_body> parser;
  parser.body_limit(max_body);
  if (request.method() == beast::http::verb::head) parser.skip(true);
  tcp().expires_after(timeout);
  if (tls) {
    out.error = co_await read_on(*tls, buffer_, parser);
  } else {
    out.error = co_await read_on(*plain, buffer_, parser);
  }
  out.received_any = parser.got_some() || buffer_.size() > 0;
  if (out.error) co_return out;
  out.reusable = parser.keep_alive();
  out.response = parser.release();
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
