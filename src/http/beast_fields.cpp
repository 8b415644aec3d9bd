// SPDX-License-Identifier: Apache-2.0
#include "beast_fields.hpp"

namespace insightd::http {

void copy_to_fields(const Headers& from, boost::beast::http::fields& to) {
  for (const auto& [name, value] : from.items()) to.insert(name, value);
}

Headers headers_from_fields(const boost::beast::http::fields& from) {
  Headers headers;
  for (const auto& field : from) headers.add(std::string(field.name_string()), std::string(field.value()));
  return headers;
}

}  // namespace insightd::http
