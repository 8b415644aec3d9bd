// SPDX-License-Identifier: Apache-2.0
#pragma once
// Builds upstream URLs with Boost.URL so path segments and query values are
// percent-encoded (internal to src/genesys).
#include <boost/url/url.hpp>
#include <initializer_list>
#include <string_view>

namespace insightd::genesys::detail {

// `api_base_url` (which may carry a path prefix, e.g. behind a proxy) plus
// `segments`, each one encoded as a single path segment.
boost::urls::url api_url(std::string_view api_base_url, std::initializer_list<std::string_view> segments);

// Appends key=value with every byte outside RFC 3986 "unreserved" percent-
// encoded. Boost.URL would leave '+' literal, which servers read as a space
// (and page tokens are often base64).
void append_query(boost::urls::url& url, std::string_view key, std::string_view value);

}  // namespace insightd::genesys::detail
