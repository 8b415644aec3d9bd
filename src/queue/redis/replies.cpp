// SPDX-License-Identifier: Apache-2.0
#include "replies.hpp"

#include <fmt/format.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <charconv>
#include <limits>
#include <stdexcept>

namespace insightd::queue::replies {

namespace {

[[noreturn]] void unexpected(const char* script, const std::string& what) {
  throw std::runtime_error(
      fmt::format("queue: Redis script '{}' replied in an unexpected shape: {}", script, what));
}

}  // namespace

Row::Row(const redis::Reply& reply, const char* script) : reply_(reply), script_(script) {
  if (reply.type() != redis::Reply::Type::array) unexpected(script, reply.describe());
}

const redis::Reply& Row::at(std::size_t i, redis::Reply::Type expected) const {
  const auto& elements = reply_.elements();
  if (i >= elements.size()) unexpected(script_, fmt::format("{} has no element {}", reply_.describe(), i));
  const auto& element = elements[i];
  if (element.type() != expected && !(expected == redis::Reply::Type::string && element.is_nil()))
    unexpected(script_, fmt::format("element {} of {} is not {}", i, reply_.describe(), type_name(expected)));
  return element;
}

const std::string& Row::text(std::size_t i) const {
  return at(i, redis::Reply::Type::string).text();
}

std::int64_t Row::integer(std::size_t i) const {
  return at(i, redis::Reply::Type::integer).as_integer();
}

int Row::int32(std::size_t i) const {
  const auto value = integer(i);
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
    unexpected(script_, fmt::format("element {} ({}) is out of range", i, value));
  return static_cast<int>(value);
}

std::size_t Row::size_at(std::size_t i) const {
  const auto value = integer(i);
  if (value < 0) unexpected(script_, fmt::format("element {} ({}) is negative", i, value));
  return static_cast<std::size_t>(value);
}

const std::vector<redis::Reply>& rows(const redis::Reply& reply, const char* script) {
  if (reply.type() != redis::Reply::Type::array) unexpected(script, reply.describe());
  return reply.elements();
}

std::int64_t parse_int64(const std::string& text, const char* what) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    throw std::runtime_error(fmt::format("queue: Redis {} holds '{}', not an integer", what, text));
  return value;
}

std::string correlation_id(const std::string& audit_context) {
  boost::system::error_code ec;
  const auto value = boost::json::parse(audit_context, ec);
  if (ec || !value.is_object()) return {};
  const auto* id = value.as_object().if_contains("correlation_id");
  if (!id || id->is_null()) return {};
  if (id->is_string()) return std::string(id->as_string());
  return boost::json::serialize(*id);
}

}  // namespace insightd::queue::replies
