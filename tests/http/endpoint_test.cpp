// SPDX-License-Identifier: Apache-2.0
#include "insightd/http/endpoint.hpp"

#include <gtest/gtest.h>

using insightd::errc;
using insightd::http::parse_endpoint;

TEST(Endpoint, HttpsDefaultsToPort443AndRootTarget) {
  auto ep = parse_endpoint("https://api.mypurecloud.com");
  ASSERT_TRUE(ep);
  EXPECT_TRUE(ep->tls);
  EXPECT_EQ(ep->host, "api.mypurecloud.com");
  EXPECT_EQ(ep->port, "443");
  EXPECT_EQ(ep->target, "/");
  EXPECT_EQ(ep->host_header, "api.mypurecloud.com");
  EXPECT_EQ(ep->pool_key(), "https://api.mypurecloud.com:443");
}

TEST(Endpoint, KeepsPathQueryAndExplicitPort) {
  auto ep = parse_endpoint("http://127.0.0.1:8080/api/v2/x?pageSize=25&cursor=a%20b#frag");
  ASSERT_TRUE(ep);
  EXPECT_FALSE(ep->tls);
  EXPECT_EQ(ep->host, "127.0.0.1");
  EXPECT_EQ(ep->port, "8080");
  EXPECT_EQ(ep->target, "/api/v2/x?pageSize=25&cursor=a%20b");  // fragments are never sent
  EXPECT_EQ(ep->host_header, "127.0.0.1:8080");
}

TEST(Endpoint, DefaultPortWrittenOutIsOmittedFromHostHeader) {
  auto ep = parse_endpoint("http://example.com:80/");
  ASSERT_TRUE(ep);
  EXPECT_EQ(ep->port, "80");
  EXPECT_EQ(ep->host_header, "example.com");
}

TEST(Endpoint, Ipv6LiteralResolvesWithoutBracketsButHostHeaderKeepsThem) {
  auto ep = parse_endpoint("https://[::1]:8443/x");
  ASSERT_TRUE(ep);
  EXPECT_EQ(ep->host, "::1");
  EXPECT_EQ(ep->host_header, "[::1]:8443");
}

TEST(Endpoint, RejectsWhatIsNotAnAbsoluteHttpUrl) {
  for (const char* bad :
       {"", "/relative/path", "ftp://example.com/", "https://", "https:///path",
        "https://user:pw@example.com/", "https://example.com:0/", "not a url", "https://exa mple.com/"}) {
    auto ep = parse_endpoint(bad);
    ASSERT_FALSE(ep) << bad;
    EXPECT_EQ(ep.error(), insightd::make_error_code(errc::invalid_url)) << bad;
  }
}
