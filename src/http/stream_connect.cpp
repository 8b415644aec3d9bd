// SPDX-License-Identifier: Apache-2.0
#include "insightd/http/stream_connect.hpp"

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
#include <system_error>

#include "insightd/common/nothrow.hpp"
#include "insightd/http/tls_client.hpp"

namespace insightd::http {
namespace {

namespace asio = boost::asio;
using boost::system::error_code;
using tcp = asio::ip::tcp;

// tcp::resolver has no expires_after: a timer cancels it instead. Both hold the
// resolver weakly/shared so a late timer callback never touches a dead object.
asio::awaitable<result<tcp::resolver::results_type>> resolve(asio::any_io_executor executor, std::string host,
                                                             std::string port,
                                                             std::chrono::milliseconds timeout) {
  auto resolver = std::make_shared<tcp::resolver>(executor);
  auto timed_out = std::make_shared<bool>(false);
  asio::steady_timer deadline(executor, timeout);
  deadline.async_wait([weak = std::weak_ptr<tcp::resolver>(resolver), timed_out](error_code ec) {
    if (ec) return;
    *timed_out = true;
    if (auto r = weak.lock()) r->cancel();
  });
  auto [ec, results] = co_await resolver->async_resolve(host, port, nothrow);
  deadline.cancel();
  if (*timed_out) co_return make_error_code(errc::timeout);
  if (ec) co_return ec;
  co_return results;
}

}  // namespace

asio::ssl::context make_server_tls_context(const std::string& cert_file, const std::string& key_file) {
  asio::ssl::context tls(asio::ssl::context::tls_server);
  SSL_CTX_set_min_proto_version(tls.native_handle(), TLS1_2_VERSION);
  error_code ec;
  tls.use_certificate_chain_file(cert_file, ec);
  if (ec) throw std::system_error(ec, "http server: cannot load tls_cert_file " + cert_file);
  tls.use_private_key_file(key_file, asio::ssl::context::pem, ec);
  if (ec) throw std::system_error(ec, "http server: cannot load tls_key_file " + key_file);
  return tls;
}

asio::awaitable<result<ClientStream>> connect_stream(asio::any_io_executor executor,
                                                     asio::ssl::context& tls_context, Endpoint endpoint,
                                                     std::chrono::milliseconds timeout) {
  ClientStream stream = endpoint.tls ? ClientStream(std::in_place_type<TlsStream>, executor, tls_context)
                                     : ClientStream(std::in_place_type<TcpStream>, executor);
  auto* tls = std::get_if<TlsStream>(&stream);
  TcpStream& tcp_stream = tls ? tls->next_layer() : std::get<TcpStream>(stream);

  auto endpoints = co_await resolve(executor, endpoint.host, endpoint.port, timeout);
  if (!endpoints) co_return endpoints.error();

  tcp_stream.expires_after(timeout);
  auto [connect_ec, connected] = co_await tcp_stream.async_connect(*endpoints, nothrow);
  if (connect_ec) co_return connect_ec;

  if (tls) {
    if (auto ec = prepare_client_handshake(*tls, endpoint.host)) co_return ec;
    tcp_stream.expires_after(timeout);
    auto [handshake_ec] = co_await tls->async_handshake(asio::ssl::stream_base::client, nothrow);
    if (handshake_ec) {
      if (handshake_ec.category() == asio::error::get_ssl_category())
        spdlog::warn("{}: TLS handshake failed: {}", endpoint.pool_key(),
                     describe_handshake_failure(tls->native_handle(), handshake_ec, endpoint.host));
      co_return handshake_ec;
    }
  }
  co_return std::move(stream);
}

}  // namespace insightd::http
