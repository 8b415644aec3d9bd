#pragma once
// Conversions between our plain Headers and Beast's header fields.
#include <boost/beast/http/fields.hpp>

#include "insightd/http/message.hpp"

namespace insightd::http {

void copy_to_fields(const Headers& from, boost::beast::http::fields& to);
Headers headers_from_fields(const boost::beast::http::fields& from);

}  // namespace insightd::http
