// SPDX-License-Identifier: Apache-2.0
#pragma once
// A connected client stream: resolve, connect and, for TLS, the handshake with
// SNI, peer and host-name verification. The HTTP client's connections and the
// notifications WebSocket both start here. (Includes Beast: only for the few
// units that own a stream.)
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <chrono>
#include <string>
#include <variant>

#include "insightd/common/error.hpp"
#include "insightd/http/endpoint.hpp"
#include "insightd/http/tls_client.hpp"  // make_client_tls_context

namespace insightd::http {

using TcpStream = boost::beast::tcp_stream;
using TlsStream = boost::asio::ssl::stream<TcpStream>;
using ClientStream = std::variant<TcpStream, TlsStream>;

// TLS 1.2+ with this certificate chain and key (PEM files); throws
// std::system_error naming the file that cannot be loaded.
boost::asio::ssl::context make_server_tls_context(const std::string& cert_file, const std::string& key_file);

// Every step runs under `timeout`; errc::timeout when resolving takes longer.
boost::asio::awaitable<result<ClientStream>> connect_stream(boost::asio::any_io_executor executor,
                                                            boost::asio::ssl::context& tls, Endpoint endpoint,
                                                            std::chrono::milliseconds timeout);

}  // namespace insightd::http
