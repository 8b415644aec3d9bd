// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where an absolute http(s) URL points: what the client connects to, what it
// sends as Host and request target, and which keep-alive pool it belongs to.
#include <string>
#include <string_view>

#include "insightd/common/error.hpp"

namespace insightd::http {

struct Endpoint {
  bool tls = true;
  std::string host;         // without brackets for IPv6 literals
  std::string port;         // always set: 443 / 80 when the URL has none
  std::string target;       // path + query, "/" when empty
  std::string host_header;  // host[:port], the port only when not the default

  std::string pool_key() const;  // "https://host:port"
};

// errc::invalid_url for anything but an absolute http/https URL with a host.
result<Endpoint> parse_endpoint(std::string_view url);

}  // namespace insightd::http
