// SPDX-License-Identifier: Apache-2.0
#pragma once
// One RESP2 reply as a value: nil, integer, status (+OK), bulk string, error
// (-ERR ...) or an array of replies (nested to any depth the reader accepts).
// A server error is a reply, not a transport failure: MULTI/EXEC and scripts
// put errors inside arrays, so callers look at the type.
#include <cstdint>
#include <string>
#include <vector>

namespace insightd::redis {

class Reply {
 public:
  enum class Type { nil, integer, status, string, error, array };

  Reply() = default;  // nil
  static Reply integer(std::int64_t value);
  static Reply status(std::string text);
  static Reply string(std::string bytes);
  static Reply error(std::string text);
  static Reply array(std::vector<Reply> elements);

  Type type() const noexcept { return type_; }
  bool is_nil() const noexcept { return type_ == Type::nil; }
  bool is_error() const noexcept { return type_ == Type::error; }
  // Status "OK".
  bool is_ok() const noexcept { return type_ == Type::status && text_ == "OK"; }

  // The value of an integer reply (0 for other types).
  std::int64_t as_integer() const noexcept { return integer_; }
  // The bytes of a status, bulk string or error reply (empty for other types).
  const std::string& text() const noexcept { return text_; }
  // The elements of an array reply (empty for other types).
  const std::vector<Reply>& elements() const noexcept { return elements_; }

  // The error's first word (NOSCRIPT, WRONGPASS, ERR, ...); empty unless an error.
  std::string error_code() const;

  // A short rendering for test failures and debug logs, e.g. [1, "a", nil, -ERR x].
  std::string describe() const;

  friend bool operator==(const Reply&, const Reply&) = default;

 private:
  Reply(Type type, std::int64_t integer, std::string text, std::vector<Reply> elements);

  Type type_ = Type::nil;
  std::int64_t integer_ = 0;
  std::string text_;
  std::vector<Reply> elements_;
};

const char* type_name(Reply::Type type) noexcept;

}  // namespace insightd::redis
