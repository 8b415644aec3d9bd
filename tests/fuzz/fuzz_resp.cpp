// SPDX-License-Identifier: Apache-2.0
// The RESP reply reader on arbitrary bytes, as a socket would hand them over.
// The first input byte picks how the rest is cut into feeds (0: one byte at a
// time, 255: all at once, else pseudo-random cuts of 1..32 bytes seeded by
// it). Invariants: the cut never changes what is read (the same replies, then
// the same protocol error or the same wait for more); a protocol error is an
// errc::protocol error with a message, and sticks; every reply is well-formed
// for its type; the encoder's command, read back, is the same strings; the
// queue's script-reply accessors either answer or throw std::runtime_error.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "insightd/redis/codec.hpp"
#include "queue/redis/replies.hpp"

namespace {

using insightd::redis::Reply;
using insightd::redis::ReplyReader;

struct Outcome {
  std::vector<Reply> replies;
  std::optional<std::string> error;  // the protocol error's message, if the stream broke
};

// Takes every reply the reader has now; returns false once it reported an error.
bool drain(ReplyReader& reader, Outcome& out) {
  for (;;) {
    auto next = reader.next();
    if (!next) {
      FUZZ_CHECK(next.error().code == insightd::redis::make_error_code(insightd::redis::errc::protocol));
      FUZZ_CHECK(!next.error().message.empty());
      out.error = next.error().message;
      return false;
    }
    if (!*next) return true;
    out.replies.push_back(std::move(**next));
  }
}

Outcome read_in_pieces(std::string_view stream, std::uint8_t cut) {
  ReplyReader reader;
  Outcome out;
  std::minstd_rand pick(cut);
  std::uniform_int_distribution<std::size_t> piece(1, 32);
  while (!stream.empty()) {
    const std::size_t n = cut == 0 ? 1 : cut == 255 ? stream.size() : piece(pick);
    reader.feed(stream.substr(0, n));
    stream.remove_prefix(std::min(n, stream.size()));
    if (!drain(reader, out)) {
      // Sticky: later bytes never resynchronise the stream.
      reader.feed("+OK\r\n");
      auto again = reader.next();
      FUZZ_CHECK(!again && again.error().message == *out.error);
      return out;
    }
  }
  return out;
}

void check_well_formed(const Reply& r, int depth) {
  FUZZ_CHECK(depth < 64);
  const bool has_text =
      r.type() == Reply::Type::status || r.type() == Reply::Type::string || r.type() == Reply::Type::error;
  if (!has_text) FUZZ_CHECK(r.text().empty());
  if (r.type() != Reply::Type::integer) FUZZ_CHECK(r.as_integer() == 0);
  if (r.type() != Reply::Type::array) FUZZ_CHECK(r.elements().empty());
  if (r.type() == Reply::Type::status || r.type() == Reply::Type::error)
    FUZZ_CHECK(r.text().find("\r\n") == std::string::npos);  // a line reply ends at the first CRLF
  FUZZ_CHECK(r.text().starts_with(r.error_code()));
  FUZZ_CHECK(!r.describe().empty());
  for (const auto& e : r.elements()) check_well_formed(e, depth + 1);
}

// What the queue does with a script's reply: rows of positional values.
// Anything but an answer or std::runtime_error (naming the script) is a bug.
void read_as_script_reply(const Reply& r) {
  namespace replies = insightd::queue::replies;
  try {
    for (const auto& row_reply : replies::rows(r, "fuzz")) {
      const replies::Row row(row_reply, "fuzz");
      for (std::size_t i = 0; i < row_reply.elements().size() + 1; ++i) {
        try {
          (void)row.text(i);
        } catch (const std::runtime_error&) {
        }
        try {
          (void)row.int32(i);
        } catch (const std::runtime_error&) {
        }
        try {
          (void)row.size_at(i);
        } catch (const std::runtime_error&) {
        }
      }
    }
  } catch (const std::runtime_error& e) {
    FUZZ_CHECK(std::string_view(e.what()).find("'fuzz'") != std::string_view::npos);
  }
  if (r.type() == Reply::Type::string) {
    try {
      (void)replies::parse_int64(r.text(), "field");
    } catch (const std::runtime_error&) {
    }
    (void)replies::correlation_id(r.text());
  }
}

// The texts of a reply and its elements, as arguments of one command.
void collect_texts(const Reply& r, std::vector<std::string>& out) {
  if (!r.text().empty() || r.type() == Reply::Type::string) out.push_back(r.text());
  for (const auto& e : r.elements()) collect_texts(e, out);
}

void check_encoder_round_trip(const std::vector<Reply>& replies) {
  std::vector<std::string> args{"CMD"};
  for (const auto& r : replies) collect_texts(r, args);
  ReplyReader reader;
  reader.feed(insightd::redis::encode_command(args));
  auto read = reader.next();
  FUZZ_CHECK(read && *read);
  const Reply& command = **read;
  FUZZ_CHECK(command.type() == Reply::Type::array && command.elements().size() == args.size());
  for (std::size_t i = 0; i < args.size(); ++i) FUZZ_CHECK(command.elements()[i] == Reply::string(args[i]));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view stream(reinterpret_cast<const char*>(data) + 1, size - 1);
  const Outcome cut = read_in_pieces(stream, data[0]);
  const Outcome whole = read_in_pieces(stream, 255);
  FUZZ_CHECK(cut.replies == whole.replies);
  FUZZ_CHECK(cut.error.has_value() == whole.error.has_value());

  for (const auto& r : whole.replies) {
    check_well_formed(r, 0);
    read_as_script_reply(r);
  }
  check_encoder_round_trip(whole.replies);
  return 0;
}
