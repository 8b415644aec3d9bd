// SPDX-License-Identifier: Apache-2.0
#pragma once
// The client side of TLS, shared by every outgoing connection (HTTPS, rediss://):
// TLS 1.2 or later, the system trust store plus an optional extra CA file,
// SNI, peer and host-name verification.
#include <openssl/ssl.h>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/system/error_code.hpp>
#include <string>

namespace insightd::http {

// Throws std::system_error naming `ca_file` when it cannot be loaded.
boost::asio::ssl::context make_client_tls_context(const std::string& ca_file);

bool is_ip_literal(const std::string& host);

// Before the client handshake: SNI for host names (not for IP literals, RFC
// 6066; those are checked against the IP SAN), peer and host-name verification.
template <class NextLayer>
boost::system::error_code prepare_client_handshake(boost::asio::ssl::stream<NextLayer>& tls,
                                                   const std::string& host) {
  if (!is_ip_literal(host) && !SSL_set_tlsext_host_name(tls.native_handle(), host.c_str())) {
    return {static_cast<int>(::ERR_get_error()), boost::asio::error::get_ssl_category()};
  }
  tls.set_verify_mode(boost::asio::ssl::verify_peer);
  tls.set_verify_callback(boost::asio::ssl::host_name_verification(host));
  return {};
}

// Why a client handshake failed: OpenSSL says only "certificate verify
// failed"; the chain verdict (or, when the chain was fine, the host-name
// check) says why.
std::string describe_handshake_failure(SSL* ssl, const boost::system::error_code& ec,
                                       const std::string& host);

}  // namespace insightd::http
