// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/plain_http.hpp"

#include <boost/url/grammar/ci_string.hpp>
#include <boost/url/ipv4_address.hpp>
#include <boost/url/ipv6_address.hpp>
#include <mutex>
#include <set>
#include <string>

namespace insightd {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = boost::urls::grammar::to_lower(c);
  return out;
}

bool is_loopback_ipv6(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  auto address = boost::urls::parse_ipv6_address(host);
  if (!address) return false;
  if (address->is_loopback()) return true;
  return address->is_v4_mapped() && address->to_bytes()[12] == 127;
}

}  // namespace

bool is_loopback_host(std::string_view host) {
  const std::string name = lower(host);
  if (name == "localhost" || name.ends_with(".localhost")) return true;
  if (auto v4 = boost::urls::parse_ipv4_address(name)) return v4->is_loopback();
  return is_loopback_ipv6(name);
}

bool should_warn_plain_http(std::string_view host) {
  if (is_loopback_host(host)) return false;
  static std::mutex mutex;
  static std::set<std::string, std::less<>> warned;
  const std::lock_guard lock(mutex);
  return warned.insert(lower(host)).second;
}

}  // namespace insightd
