// SPDX-License-Identifier: Apache-2.0
#include "insightd/http/tls_client.hpp"

#include <fmt/format.h>
#include <openssl/x509_vfy.h>

#include <system_error>

namespace insightd::http {

namespace asio = boost::asio;

asio::ssl::context make_client_tls_context(const std::string& ca_file) {
  asio::ssl::context tls(asio::ssl::context::tls_client);
  SSL_CTX_set_min_proto_version(tls.native_handle(), TLS1_2_VERSION);
  tls.set_default_verify_paths();
  if (!ca_file.empty()) {
    boost::system::error_code ec;
    tls.load_verify_file(ca_file, ec);
    if (ec) throw std::system_error(ec, "cannot load ca_file " + ca_file);
  }
  tls.set_verify_mode(asio::ssl::verify_peer);
  return tls;
}

bool is_ip_literal(const std::string& host) {
  boost::system::error_code ec;
  asio::ip::make_address(host, ec);
  return !ec;
}

std::string describe_handshake_failure(SSL* ssl, const boost::system::error_code& ec,
                                       const std::string& host) {
  if (ec.category() != asio::error::get_ssl_category()) return ec.message();
  const long verdict = SSL_get_verify_result(ssl);
  if (verdict != X509_V_OK)
    return fmt::format("{} ({})", ec.message(), X509_verify_cert_error_string(verdict));
  return fmt::format("{} (certificate not valid for host name {} or other TLS failure)", ec.message(), host);
}

}  // namespace insightd::http
