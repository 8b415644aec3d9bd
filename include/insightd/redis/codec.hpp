// SPDX-License-Identifier: Apache-2.0
#pragma once
// RESP2 on the wire, with hiredis as the codec only (its I/O is not used: the
// connection does its own, on Asio). Binary-safe both ways.
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "insightd/redis/error.hpp"
#include "insightd/redis/reply.hpp"

struct redisReader;

namespace insightd::redis {

// One command as a RESP array of bulk strings, e.g. {"SET", "k", "v"}.
std::string encode_command(std::span<const std::string_view> args);
std::string encode_command(std::span<const std::string> args);
std::string encode_command(std::initializer_list<std::string_view> args);

// Turns a byte stream into replies. Feed it what the socket gave, then take
// replies until it needs more. After a protocol error the stream cannot be
// resynchronised: every later call returns the same error.
class ReplyReader {
 public:
  ReplyReader();
  ~ReplyReader();
  ReplyReader(const ReplyReader&) = delete;
  ReplyReader& operator=(const ReplyReader&) = delete;

  void feed(std::string_view bytes);

  // The next complete reply, nullopt when more bytes are needed, or an
  // errc::protocol error naming what was wrong.
  Result<std::optional<Reply>> next();

 private:
  struct Free {
    void operator()(redisReader* reader) const noexcept;
  };
  std::unique_ptr<redisReader, Free> reader_;
  std::optional<Error> failed_;
  int refused_elements_ = 0;  // an array header past the ceiling, for the error
};

}  // namespace insightd::redis
