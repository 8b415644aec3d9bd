// SPDX-License-Identifier: Apache-2.0
#include "insightd/redis/reply.hpp"

#include <fmt/format.h>

namespace insightd::redis {

Reply::Reply(Type type, std::int64_t integer, std::string text, std::vector<Reply> elements)
    : type_(type), integer_(integer), text_(std::move(text)), elements_(std::move(elements)) {}

Reply Reply::integer(std::int64_t value) {
  return Reply(Type::integer, value, {}, {});
}
Reply Reply::status(std::string text) {
  return Reply(Type::status, 0, std::move(text), {});
}
Reply Reply::string(std::string bytes) {
  return Reply(Type::string, 0, std::move(bytes), {});
}
Reply Reply::error(std::string text) {
  return Reply(Type::error, 0, std::move(text), {});
}
Reply Reply::array(std::vector<Reply> elements) {
  return Reply(Type::array, 0, {}, std::move(elements));
}

std::string Reply::error_code() const {
  if (type_ != Type::error) return {};
  return text_.substr(0, text_.find(' '));
}

std::string Reply::describe() const {
  switch (type_) {
    case Type::nil:
      return "nil";
    case Type::integer:
      return fmt::format("{}", integer_);
    case Type::status:
      return "+" + text_;
    case Type::string:
      return fmt::format("\"{}\"", text_.size() > 64 ? text_.substr(0, 64) + "..." : text_);
    case Type::error:
      return "-" + text_;
    case Type::array: {
      std::string out = "[";
      for (std::size_t i = 0; i < elements_.size(); ++i) {
        if (i) out += ", ";
        out += elements_[i].describe();
      }
      return out + "]";
    }
  }
  return "?";
}

const char* type_name(Reply::Type type) noexcept {
  switch (type) {
    case Reply::Type::nil:
      return "nil";
    case Reply::Type::integer:
      return "integer";
    case Reply::Type::status:
      return "status";
    case Reply::Type::string:
      return "string";
    case Reply::Type::error:
      return "error";
    case Reply::Type::array:
      return "array";
  }
  return "unknown";
}

}  // namespace insightd::redis
