// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where Redis is: redis://[user@]host[:port][/db], or rediss:// for TLS.
#include <string>
#include <string_view>

namespace insightd::redis {

struct Address {
  bool tls = false;
  std::string host;
  std::string port = "6379";
  std::string user;  // ACL user for AUTH; empty = the default user
  int db = 0;

  std::string host_port() const { return host + ":" + port; }
};

// Parsed with Boost.URL; throws std::invalid_argument saying what is wrong
// (a password in the URL is refused: it belongs in password_file).
Address parse_address(std::string_view url);

}  // namespace insightd::redis
