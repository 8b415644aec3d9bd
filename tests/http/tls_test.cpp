// SPDX-License-Identifier: Apache-2.0
// The real client against the real server over TLS, with a CA made at test time.
#include <gtest/gtest.h>

#include "http/loopback.hpp"
#include "support/test_ca.hpp"

using namespace insightd;
using namespace insightd::test;

namespace {

http::ServerOptions tls_server(const std::string& cert, const std::string& key) {
  http::ServerOptions options;
  options.tls_cert_file = cert;
  options.tls_key_file = key;
  return options;
}

http::ClientOptions trusting(const std::string& ca_file) {
  http::ClientOptions options;
  options.ca_file = ca_file;
  return options;
}

asio::awaitable<void> https_round_trip_reuses_the_connection(asio::any_io_executor ex) {
  const auto& ca = TestCa::shared();
  auto probe = std::make_shared<Probe>();
  auto server = http::make_server(ex, tls_server(ca.server_cert, ca.server_key), echo_handler(probe));
  auto client = http::make_client(ex, trusting(ca.ca_cert));

  for (const std::string host : {"127.0.0.1", "localhost", "127.0.0.1"}) {  // IP SAN and DNS SAN
    auto post = get(base_url(*server, true, host) + "/ingest?x=1");
    post.method = "POST";
    post.body = "payload";
    post.headers.set("X-Test", host);
    auto r = co_await client->send(post);
    EXPECT_TRUE(r.has_value()) << host << ": " << r.error().message();
    if (!r) continue;
    EXPECT_EQ(r->status, 200u);
    EXPECT_EQ(r->body, "POST /ingest?x=1\npayload");
    EXPECT_EQ(r->headers.get("X-Echo"), host);
  }
  // "localhost" and "127.0.0.1" are different pool keys; the second 127.0.0.1 request reused the first.
  EXPECT_EQ(probe->requests, 3);
  EXPECT_EQ(probe->remotes.size(), 2u);
  server->stop();
}

asio::awaitable<void> untrusted_ca_fails_certificate_verification(asio::any_io_executor ex) {
  const auto& ca = TestCa::shared();
  auto probe = std::make_shared<Probe>();
  auto server = http::make_server(ex, tls_server(ca.server_cert, ca.server_key), echo_handler(probe));
  auto client = http::make_client(ex, trusting(ca.other_ca_cert));

  auto r = co_await client->send(get(base_url(*server, true) + "/x"));
  EXPECT_FALSE(r.has_value());
  if (!r) {
    EXPECT_NE(r.error().message().find("certificate verify failed"), std::string::npos)
        << r.error().message();
  }
  EXPECT_EQ(probe->requests, 0);
  server->stop();
}

asio::awaitable<void> certificate_for_another_name_fails(asio::any_io_executor ex) {
  const auto& ca = TestCa::shared();
  auto probe = std::make_shared<Probe>();
  // Trusted CA, but the certificate names only wrong-name.invalid.
  auto server = http::make_server(ex, tls_server(ca.wrong_name_cert, ca.wrong_name_key), echo_handler(probe));
  auto client = http::make_client(ex, trusting(ca.ca_cert));

  for (const std::string host : {"127.0.0.1", "localhost"}) {
    auto r = co_await client->send(get(base_url(*server, true, host) + "/x"));
    EXPECT_FALSE(r.has_value()) << host;
    if (!r) {
      EXPECT_NE(r.error().message().find("certificate verify failed"), std::string::npos)
          << r.error().message();
    }
  }
  EXPECT_EQ(probe->requests, 0);
  server->stop();
}

asio::awaitable<void> idle_tls_connection_closed_by_server_is_replaced(asio::any_io_executor ex) {
  const auto& ca = TestCa::shared();
  auto probe = std::make_shared<Probe>();
  auto options = tls_server(ca.server_cert, ca.server_key);
  options.request_timeout = 250ms;  // short, yet room for a handshake on a loaded machine
  auto server = http::make_server(ex, options, echo_handler(probe));
  auto client = http::make_client(ex, trusting(ca.ca_cert));

  auto first = co_await client->send(get(base_url(*server, true) + "/1"));
  EXPECT_TRUE(first && first->status == 200u);
  const bool reached1 = co_await connection_count_becomes(ex, server.get(), 0);
  EXPECT_TRUE(reached1);
  auto second = co_await client->send(get(base_url(*server, true) + "/2"));
  EXPECT_TRUE(second.has_value()) << second.error().message();
  EXPECT_EQ(probe->remotes.size(), 2u);
  server->stop();
}

asio::awaitable<void> plain_client_to_tls_server_fails_cleanly(asio::any_io_executor ex) {
  const auto& ca = TestCa::shared();
  auto probe = std::make_shared<Probe>();
  auto server = http::make_server(ex, tls_server(ca.server_cert, ca.server_key), echo_handler(probe));
  auto client = http::make_client(ex, {});
  auto r = co_await client->send(get(base_url(*server, false) + "/x"));
  EXPECT_FALSE(r.has_value());
  EXPECT_EQ(probe->requests, 0);
  server->stop();
}

asio::awaitable<void> body_over_server_limit_is_413_over_tls(asio::any_io_executor ex) {
  const auto& ca = TestCa::shared();
  auto probe = std::make_shared<Probe>();
  auto options = tls_server(ca.server_cert, ca.server_key);
  options.max_request_body = 1024;
  auto server = http::make_server(ex, options, echo_handler(probe));
  auto client = http::make_client(ex, trusting(ca.ca_cert));
  auto post = get(base_url(*server, true) + "/ingest");
  post.method = "POST";
  post.body.assign(64 * 1024, 'b');
  auto r = co_await client->send(post);
  EXPECT_TRUE(r.has_value()) << r.error().message();
  if (r) {
    EXPECT_EQ(r->status, 413u);
  }
  EXPECT_EQ(probe->requests, 0);
  server->stop();
}

}  // namespace

TEST(HttpsLoopback, BodyOverServerLimitIs413) {
  run_loopback_test(body_over_server_limit_is_413_over_tls);
}
TEST(HttpsLoopback, RoundTripReusesTheConnection) {
  run_loopback_test(https_round_trip_reuses_the_connection);
}
TEST(HttpsLoopback, UntrustedCaFailsCertificateVerification) {
  run_loopback_test(untrusted_ca_fails_certificate_verification);
}
TEST(HttpsLoopback, CertificateForAnotherNameFails) {
  run_loopback_test(certificate_for_another_name_fails);
}
TEST(HttpsLoopback, IdleConnectionClosedByServerIsReplaced) {
  run_loopback_test(idle_tls_connection_closed_by_server_is_replaced);
}
TEST(HttpsLoopback, PlainClientToTlsServerFailsCleanly) {
  run_loopback_test(plain_client_to_tls_server_fails_cleanly);
}

TEST(HttpsLoopback, MissingCertificateFileThrowsNamingIt) {
  asio::io_context context(1);
  try {
    http::make_server(context.get_executor(), tls_server("/nonexistent/cert.pem", "/nonexistent/key.pem"),
                      echo_handler(std::make_shared<Probe>()));
    ADD_FAILURE() << "expected make_server to throw";
  } catch (const std::system_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/cert.pem"), std::string::npos) << e.what();
  }
}
