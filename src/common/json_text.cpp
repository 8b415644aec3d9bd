// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/json_text.hpp"

#include <algorithm>
#include <boost/json/serializer.hpp>
#include <boost/json/value.hpp>
#include <charconv>

namespace insightd::json_text {
namespace {

// What boost::json::serialize gives for v (a string_view, or a pointer to a value or object).
template <class T>
void append_serialized(std::string& out, T v) {
  boost::json::serializer sr;
  sr.reset(v);
  char buffer[1024];
  while (!sr.done()) out.append(sr.read(buffer));
}

}  // namespace

void append_string(std::string& out, std::string_view s) {
  // Most text needs no escape: copied as it is (Boost.JSON too passes UTF-8
  // through and escapes only these); the rest goes through the serializer.
  const bool plain = std::none_of(s.begin(), s.end(), [](char c) {
    return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
  });
  if (plain) {
    out.push_back('"');
    out.append(s);
    out.push_back('"');
    return;
  }
  append_serialized(out, s);
}

void append_value(std::string& out, const boost::json::value& v) {
  append_serialized(out, &v);
}

void append_value(std::string& out, const boost::json::object& o) {
  append_serialized(out, &o);
}

void append_number(std::string& out, double v) {
  append_value(out, boost::json::value(v));
}

void append_number(std::string& out, std::int64_t v) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), v);
  out.append(buffer, end);
}

void append_bool(std::string& out, bool v) {
  out.append(v ? "true" : "false");
}

void append_key(std::string& out, std::string_view name) {
  append_string(out, name);
  out.push_back(':');
}

}  // namespace insightd::json_text
