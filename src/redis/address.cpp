// SPDX-License-Identifier: Apache-2.0
#include "insightd/redis/address.hpp"

#include <fmt/format.h>

#include <boost/url/parse.hpp>
#include <charconv>
#include <stdexcept>

namespace insightd::redis {
namespace {

[[noreturn]] void refuse(std::string_view url, std::string_view why) {
  throw std::invalid_argument(fmt::format("Redis URL '{}': {}", url, why));
}

int parse_db(std::string_view url, std::string_view path) {
  if (path.empty() || path == "/") return 0;
  path.remove_prefix(1);
  int db = -1;
  auto [end, ec] = std::from_chars(path.data(), path.data() + path.size(), db);
  if (ec != std::errc{} || end != path.data() + path.size() || db < 0) {
    refuse(url, fmt::format("the path must be a database number (e.g. /0), not '/{}'", path));
  }
  return db;
}

}  // namespace

Address parse_address(std::string_view url) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) refuse(url, parsed.error().message());
  Address address;
  const auto scheme = parsed->scheme();
  if (scheme == "rediss") {
    address.tls = true;
  } else if (scheme != "redis") {
    refuse(url, "the scheme must be redis:// or rediss://");
  }
  if (parsed->host().empty()) refuse(url, "no host");
  if (parsed->has_password()) {
    // Not echoed: the URL holds a secret.
    throw std::invalid_argument("Redis URL: a password does not belong in the URL: give password_file");
  }
  if (parsed->has_query() || parsed->has_fragment()) refuse(url, "no query or fragment expected");
  address.host = parsed->host_address();
  if (parsed->has_port()) {
    if (parsed->port().empty() || parsed->port_number() == 0) refuse(url, "the port must be 1 to 65535");
    address.port = parsed->port();
  }
  address.user = parsed->user();
  address.db = parse_db(url, parsed->encoded_path());
  return address;
}

}  // namespace insightd::redis
