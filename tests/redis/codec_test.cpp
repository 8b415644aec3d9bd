// SPDX-License-Identifier: Apache-2.0
#include "insightd/redis/codec.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace insightd::redis;
using namespace std::string_literals;

namespace {

// Every reply the bytes hold, failing the test on a protocol error.
std::vector<Reply> read_all(ReplyReader& reader) {
  std::vector<Reply> out;
  for (;;) {
    auto next = reader.next();
    EXPECT_TRUE(next) << next.error().message;
    if (!next || !*next) return out;
    out.push_back(std::move(**next));
  }
}

std::vector<Reply> parse(const std::string& bytes) {
  ReplyReader reader;
  reader.feed(bytes);
  return read_all(reader);
}

}  // namespace

TEST(RedisEncode, CommandIsAnArrayOfBulkStrings) {
  EXPECT_EQ(encode_command({"SET", "key", "value"}), "*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n");
}

TEST(RedisEncode, ArgumentsAreBinarySafe) {
  const std::string binary = "a\0b\r\nc"s;
  const std::vector<std::string> args{"SET", "k", binary};
  EXPECT_EQ(encode_command(args), "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$6\r\n" + binary + "\r\n");
  EXPECT_EQ(encode_command({"SET", "k", ""}), "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n");
}

TEST(RedisEncode, EmptyCommandIsRefused) {
  const std::vector<std::string> none;
  EXPECT_THROW(encode_command(none), std::invalid_argument);
}

TEST(RedisReader, EveryScalarType) {
  auto replies = parse("+OK\r\n-ERR wrong\r\n:42\r\n:-7\r\n$5\r\nhello\r\n$-1\r\n$0\r\n\r\n*-1\r\n");
  ASSERT_EQ(replies.size(), 8u);
  EXPECT_TRUE(replies[0].is_ok());
  EXPECT_EQ(replies[0].type(), Reply::Type::status);
  EXPECT_TRUE(replies[1].is_error());
  EXPECT_EQ(replies[1].text(), "ERR wrong");
  EXPECT_EQ(replies[1].error_code(), "ERR");
  EXPECT_EQ(replies[2], Reply::integer(42));
  EXPECT_EQ(replies[3], Reply::integer(-7));
  EXPECT_EQ(replies[4], Reply::string("hello"));
  EXPECT_TRUE(replies[5].is_nil());
  EXPECT_EQ(replies[6], Reply::string(""));
  EXPECT_TRUE(replies[7].is_nil());
}

TEST(RedisReader, FedOneByteAtATimeGivesEachReplyOnItsLastByte) {
  const std::string first = "*3\r\n:1\r\n$3\r\nabc\r\n*2\r\n+x\r\n-NOSCRIPT No matching script\r\n";
  const std::string bytes = first + "+PONG\r\n";
  ReplyReader reader;
  std::vector<Reply> replies;
  std::vector<std::size_t> completed_at;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    reader.feed(std::string_view(&bytes[i], 1));
    for (auto& r : read_all(reader)) {
      replies.push_back(std::move(r));
      completed_at.push_back(i);
    }
  }
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(completed_at, (std::vector<std::size_t>{first.size() - 1, bytes.size() - 1}));
  EXPECT_EQ(replies[0],
            Reply::array({Reply::integer(1), Reply::string("abc"),
                          Reply::array({Reply::status("x"), Reply::error("NOSCRIPT No matching script")})}));
  EXPECT_EQ(replies[0].elements()[2].elements()[1].error_code(), "NOSCRIPT");
  EXPECT_EQ(replies[1], Reply::status("PONG"));
}

TEST(RedisReader, ReplySplitAcrossFeedsInsideABulkString) {
  ReplyReader reader;
  reader.feed("$10\r\n01234");
  EXPECT_TRUE(read_all(reader).empty());
  reader.feed("56789\r");
  EXPECT_TRUE(read_all(reader).empty());
  reader.feed("\n:5\r\n");
  auto replies = read_all(reader);
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[0], Reply::string("0123456789"));
  EXPECT_EQ(replies[1], Reply::integer(5));
}

TEST(RedisReader, BulkStringsAreBinarySafe) {
  const std::string binary = "x\0y\r\n$3\r\n"s;
  auto replies = parse("$" + std::to_string(binary.size()) + "\r\n" + binary + "\r\n");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text(), binary);
}

TEST(RedisReader, NestedArraysAndEmptyOnes) {
  auto replies = parse("*2\r\n*2\r\n*1\r\n:1\r\n*0\r\n*-1\r\n");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0],
            Reply::array({Reply::array({Reply::array({Reply::integer(1)}), Reply::array({})}), Reply()}));
  EXPECT_EQ(replies[0].describe(), "[[[1], []], nil]");
}

TEST(RedisReader, LargeBulkStringInChunks) {
  const std::string big(8u << 20, 'z');
  const std::string bytes = "$" + std::to_string(big.size()) + "\r\n" + big + "\r\n";
  ReplyReader reader;
  std::vector<Reply> replies;
  for (std::size_t at = 0; at < bytes.size(); at += 65536) {
    reader.feed(std::string_view(bytes).substr(at, 65536));
    for (auto& r : read_all(reader)) replies.push_back(std::move(r));
  }
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text().size(), big.size());
  EXPECT_EQ(replies[0].text(), big);
}

TEST(RedisReader, ProtocolErrorIsClearAndSticky) {
  ReplyReader reader;
  reader.feed(":1\r\n?what\r\n");
  auto first = reader.next();
  ASSERT_TRUE(first);
  EXPECT_EQ(**first, Reply::integer(1));
  auto bad = reader.next();
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, make_error_code(errc::protocol));
  EXPECT_NE(bad.error().message.find("Protocol error"), std::string::npos) << bad.error().message;
  reader.feed("+OK\r\n");
  auto after = reader.next();
  ASSERT_FALSE(after);  // the stream is lost: no resynchronising on later bytes
  EXPECT_EQ(after.error().code, make_error_code(errc::protocol));
}

TEST(RedisReader, BadIntegerIsAProtocolError) {
  ReplyReader reader;
  reader.feed(":12x\r\n");
  auto bad = reader.next();
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, make_error_code(errc::protocol));
}

TEST(RedisReader, NestingDeeperThanTheReaderSupportsIsAProtocolError) {
  ReplyReader reader;
  std::string deep;
  for (int i = 0; i < 12; ++i) deep += "*1\r\n";
  reader.feed(deep + ":1\r\n");
  auto bad = reader.next();
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, make_error_code(errc::protocol));
  EXPECT_NE(bad.error().message.find("nested"), std::string::npos) << bad.error().message;
}

// fuzz_resp ran out of memory on such a header: hiredis allocated an array's element pointers from its
// header alone, so "*100000000" took 800 MB before any element arrived.
TEST(RedisReader, ArrayLongerThanTheCeilingIsAProtocolError) {
  for (const std::string& header : {"*100000000\r\n"s, "*2000000000\r\n"s, "*2\r\n:1\r\n*16777217\r\n"s}) {
    ReplyReader reader;
    reader.feed(header);
    auto bad = reader.next();
    ASSERT_FALSE(bad) << header;
    EXPECT_EQ(bad.error().code, make_error_code(errc::protocol));
    EXPECT_NE(bad.error().message.find("more than the 16777216 accepted"), std::string::npos)
        << bad.error().message;
  }
}

TEST(RedisReader, LongArrayUnderTheCeilingIsRead) {
  std::string bytes = "*100000\r\n";
  for (int i = 0; i < 100000; ++i) bytes += ":7\r\n";
  auto replies = parse(bytes);
  ASSERT_EQ(replies.size(), 1u);
  ASSERT_EQ(replies[0].elements().size(), 100000u);
  EXPECT_EQ(replies[0].elements().back(), Reply::integer(7));
}
