// SPDX-License-Identifier: Apache-2.0
#pragma once
// Appending JSON text to a string without building a document first, for the
// hot paths that only serialise (the webhook bodies). Escaping and number
// formatting are Boost.JSON's own (boost::json::serializer), so the text is
// what boost::json::serialize would write for the same values.
#include <boost/json/fwd.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace insightd::json_text {

void append_string(std::string& out, std::string_view s);  // quoted and escaped
void append_number(std::string& out, double v);
void append_number(std::string& out, std::int64_t v);
void append_bool(std::string& out, bool v);
void append_value(std::string& out, const boost::json::value& v);
void append_value(std::string& out, const boost::json::object& o);
// Appends `"name":` (the key, quoted and escaped, and the colon).
void append_key(std::string& out, std::string_view name);

}  // namespace insightd::json_text
