// SPDX-License-Identifier: Apache-2.0
#include "url_builder.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/param.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <string>

namespace insightd::genesys::detail {

boost::urls::url api_url(std::string_view api_base_url, std::initializer_list<std::string_view> segments) {
  while (!api_base_url.empty() && api_base_url.back() == '/') api_base_url.remove_suffix(1);
  // The base URL was validated with the configuration: a failure here is a bug.
  boost::urls::url url = boost::urls::parse_absolute_uri(api_base_url).value();
  url.remove_query().remove_fragment();
  auto path = url.segments();
  for (auto segment : segments) path.push_back(segment);
  return url;
}

void append_query(boost::urls::url& url, std::string_view key, std::string_view value) {
  auto encoded_key = boost::urls::encode(key, boost::urls::unreserved_chars);
  auto encoded_value = boost::urls::encode(value, boost::urls::unreserved_chars);
  url.encoded_params().append(boost::urls::param_pct_view(boost::urls::pct_string_view(encoded_key),
                                                          boost::urls::pct_string_view(encoded_value)));
}

}  // namespace insightd::genesys::detail
