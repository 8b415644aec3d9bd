// SPDX-License-Identifier: Apache-2.0
#include "insightd/redis/codec.hpp"

#include <fmt/format.h>
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

// hiredis allocates an array's element pointers as soon as its header
// arrives: "*2000000000" alone would take 16 GB. A longer array than this
// (128 MB of pointers, far beyond any script's answer) is refused.
constexpr int kMaxArrayElements = 1 << 24;

void* create_bounded_array(const redisReadTask* task, int elements);

// hiredis's own reply builders (what a fresh reader has), and the same with
// createArray bounded. The refused count goes to the reader's privdata (an
// int), to name it in the error.
struct Builders {
  redisReplyObjectFunctions hiredis{};
  redisReplyObjectFunctions bounded{};
};

const Builders& builders() {
  static const Builders b = [] {
    std::unique_ptr<redisReader, decltype(&redisReaderFree)> probe(redisReaderCreate(), &redisReaderFree);
    if (!probe) throw std::bad_alloc();
    Builders made{*probe->fn, *probe->fn};
    made.bounded.createArray = &create_bounded_array;
    return made;
  }();
  return b;
}

void* create_bounded_array(const redisReadTask* task, int elements) {
  if (elements > kMaxArrayElements) {
    *static_cast<int*>(task->privdata) = elements;
    return nullptr;  // hiredis stops with an error
  }
  return builders().hiredis.createArray(task, elements);
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
  // hiredis only reads through fn; it is not const for its own C reasons.
  reader_->fn = const_cast<redisReplyObjectFunctions*>(&builders().bounded);
  reader_->privdata = &refused_elements_;
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
    const std::string why = refused_elements_
                                ? fmt::format("an array of {} elements, more than the {} accepted",
                                              refused_elements_, kMaxArrayElements)
                                : std::string(redisReaderGetError(reader_.get()));
    failed_ = Error{make_error_code(errc::protocol), "Redis protocol error: " + why};
    return *failed_;
  }
  if (raw == nullptr) return std::optional<Reply>();
  std::unique_ptr<redisReply, decltype(&freeReplyObject)> owned(static_cast<redisReply*>(raw),
                                                                &freeReplyObject);
  return std::optional<Reply>(convert(*owned));
}

}  // namespace insightd::redis
