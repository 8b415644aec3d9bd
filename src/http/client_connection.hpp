// SPDX-License-Identifier: Apache-2.0
#pragma once
// One client connection (plain TCP or TLS over TCP) that carries a sequence of
// request/response exchanges. Every logical step runs under expires_after.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <cstddef>
#include <memory>
#include <variant>

#include "insightd/common/error.hpp"
#include "insightd/http/endpoint.hpp"
#include "insightd/http/stream_connect.hpp"

namespace insightd::http {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;

class ClientConnection {
 public:
  // Resolves, connects and, for https, handshakes with SNI, peer and host-name verification.
  static boost::asio::awaitable<result<std::unique_ptr<ClientConnection>>> open(
      boost::asio::any_io_executor executor, boost::asio::ssl::context& tls, Endpoint endpoint,
      std::chrono::milliseconds timeout);

  struct Exchange {
    boost::system::error_code error;
    bool received_any = false;  // false: the peer sent nothing (e.g. it had closed an idle connection)
    bool reusable = false;      // keep-alive, and the body was not delimited by the peer closing
    BeastResponse response;
  };
  // Writes the request and reads one response of at most max_body bytes.
  boost::asio::awaitable<Exchange> exchange(const BeastRequest& request, std::chrono::milliseconds timeout,
                                            std::size_t max_body);
  // Writes the request and reads one response's header and at most `keep` bytes of
  // its body, of any size; a longer body is left unread (the connection is not reusable).
  boost::asio::awaitable<Exchange> exchange_keeping_prefix(const BeastRequest& request,
                                                           std::chrono::milliseconds timeout,
                                                           std::size_t keep);

  // Graceful close: TLS close_notify (a peer that just drops TCP is fine here), then TCP close.
  boost::asio::awaitable<void> close(std::chrono::milliseconds timeout);

  explicit ClientConnection(ClientStream stream);

 private:
  boost::beast::tcp_stream& tcp();
  boost::asio::awaitable<boost::system::error_code> write(const BeastRequest& request,
                                                          std::chrono::milliseconds timeout);
  // The response header, or on until `parser` is done or its body buffer is full.
  template <class Parser>
  boost::asio::awaitable<boost::system::error_code> read(Parser& parser, bool header_only);

  ClientStream stream_;
  boost::beast::flat_buffer buffer_;
};

}  // namespace insightd::http
