// SPDX-License-Identifier: Apache-2.0
#include "insightd/http/endpoint.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace insightd::http {

std::string Endpoint::pool_key() const {
  return (tls ? "https://" : "http://") + host + ":" + port;
}

result<Endpoint> parse_endpoint(std::string_view url) {
  auto parsed = boost::urls::parse_uri(url);  // a fragment is allowed, and never sent
  if (!parsed) return make_error_code(errc::invalid_url);
  const boost::urls::url_view& u = *parsed;

  Endpoint ep;
  if (u.scheme_id() == boost::urls::scheme::https) {
    ep.tls = true;
  } else if (u.scheme_id() == boost::urls::scheme::http) {
    ep.tls = false;
  } else {
    return make_error_code(errc::invalid_url);
  }
  if (!u.has_authority() || u.encoded_host().empty() || u.has_userinfo()) {
    return make_error_code(errc::invalid_url);
  }

  const std::string default_port = ep.tls ? "443" : "80";
  if (u.has_port() && u.port_number() == 0) return make_error_code(errc::invalid_url);
  ep.port = u.has_port() ? std::string(u.port()) : default_port;
  // The resolver wants IPv6 literals without brackets; Host keeps them.
  ep.host =
      u.host_type() == boost::urls::host_type::ipv6 ? std::string(u.host_address()) : std::string(u.host());
  ep.host_header = std::string(u.encoded_host());
  if (ep.port != default_port) ep.host_header += ":" + ep.port;

  // Appends rather than `"?" + string`: GCC 12 -O2 gives a false -Wrestrict on that (GCC PR 105651).
  const auto path = u.encoded_path();
  ep.target.assign(path.empty() ? std::string_view("/") : std::string_view(path));
  if (u.has_query()) ep.target.append(1, '?').append(u.encoded_query());
  return ep;
}

}  // namespace insightd::http
