// SPDX-License-Identifier: Apache-2.0
#include "insightd/redis/codec.hpp"

#include <hiredis/hiredis.h>

#include <new>
#include <stdexcept>
#include <vector>

namespace insightd::redis {
namespace {

std::string format_argv(std::vector<const char*>& argv, const std::vector<std::size_t>& lengths) {
  char* formatted = nullptr;
  const int length =
      redisFormatCommandArgv(&formatted, static_cast<int>(argv.size()), argv.data(), lengths.data());
  if (length < 0 || formatted == nullptr) throw std::bad_alloc();
  std::string out(formatted, static_cast<std::size_t>(length));
  redisFreeCommand(formatted);
  return out;
}

template <class Strings>
std::string encode(const Strings& args) {
  if (args.size() == 0) throw std::invalid_argument("redis: a command needs at least its name");
  std::vector<const char*> argv;
  std::vector<std::size_t> lengths;
  argv.reserve(args.size());
  lengths.reserve(args.size());
  for (const auto& arg : args) {
    argv.push_back(arg.data());
    lengths.push_back(arg.size());
  }
  return format_argv(argv, lengths);
}

Reply convert(const redisReply& r) {
  switch (r.type) {
    case REDIS_REPLY_INTEGER:
      return Reply::integer(r.integer);
    case REDIS_REPLY_STATUS:
      return Reply::status(std::string(r.str, r.len));
    case REDIS_REPLY_STRING:
      return Reply::string(std::string(r.str, r.len));
    case REDIS_REPLY_ERROR:
      return Reply::error(std::string(r.str, r.len));
    case REDIS_REPLY_ARRAY: {
      std::vector<Reply> elements;
      elements.reserve(r.elements);
      for (std::size_t i = 0; i < r.elements; ++i) elements.push_back(convert(*r.element[i]));
      return Reply::array(std::move(elements));
    }
    default:
      return Reply();  // REDIS_REPLY_NIL
  }
}

}  // namespace

std::string encode_command(std::span<const std::string_view> args) {
  return encode(args);
}
std::string encode_command(std::span<const std::string> args) {
  return encode(args);
}
std::string encode_command(std::initializer_list<std::string_view> args) {
  return encode(args);
}

void ReplyReader::Free::operator()(redisReader* reader) const noexcept {
  redisReaderFree(reader);
}

ReplyReader::ReplyReader() : reader_(redisReaderCreate()) {
  if (!reader_) throw std::bad_alloc();
}

ReplyReader::~ReplyReader() = default;

void ReplyReader::feed(std::string_view bytes) {
  if (failed_ || bytes.empty()) return;
  if (redisReaderFeed(reader_.get(), bytes.data(), bytes.size()) != REDIS_OK) {
    failed_ = Error{make_error_code(errc::protocol),
                    std::string("Redis reply reader: ") + redisReaderGetError(reader_.get())};
  }
}

Result<std::optional<Reply>> ReplyReader::next() {
  if (failed_) return *failed_;
  void* raw = nullptr;
  if (redisReaderGetReply(reader_.get(), &raw) != REDIS_OK) {
    failed_ = Error{make_error_code(errc::protocol),
                    std::string("Redis protocol error: ") + redisReaderGetError(reader_.get())};
    return *failed_;
  }
  if (raw == nullptr) return std::optional<Reply>();
  std::unique_ptr<redisReply, decltype(&freeReplyObject)> owned(static_cast<redisReply*>(raw),
                                                                &freeReplyObject);
  return std::optional<Reply>(convert(*owned));
}

}  // namespace insightd::redis
