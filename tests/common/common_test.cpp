// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "insightd/common/backoff.hpp"
#include "insightd/common/crypto.hpp"
#include "insightd/common/plain_http.hpp"
#include "insightd/common/webhook_signature.hpp"

using namespace insightd;
using namespace std::chrono_literals;

TEST(Backoff, CeilingDoublesFromInitialAndCapsAtMax) {
  BackoffPolicy p{1000ms, 10000ms};
  EXPECT_EQ(p.ceiling(1), 1000ms);
  EXPECT_EQ(p.ceiling(2), 2000ms);
  EXPECT_EQ(p.ceiling(4), 8000ms);
  EXPECT_EQ(p.ceiling(5), 10000ms);
  EXPECT_EQ(p.ceiling(60), 10000ms);  // no overflow for large attempt numbers
}

TEST(Backoff, FullJitterStaysWithinZeroAndCeilingAndSpreads) {
  BackoffPolicy p{100ms, 5000ms};
  std::mt19937_64 rng(42);
  std::chrono::milliseconds lo = 1h, hi = 0ms;
  for (int i = 0; i < 2000; ++i) {
    auto d = p.delay(4, rng);
    ASSERT_GE(d, 0ms);
    ASSERT_LE(d, 800ms);
    lo = std::min(lo, d);
    hi = std::max(hi, d);
  }
  EXPECT_LT(lo, 100ms);  // full jitter reaches near zero...
  EXPECT_GT(hi, 700ms);  // ...and near the ceiling
}

TEST(RetryAfter, ParsesSecondsAndHttpDate) {
  auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1445412480));  // 2015-10-21 07:28:00Z
  EXPECT_EQ(parse_retry_after("120", now), 120s);
  EXPECT_EQ(parse_retry_after(" 7 ", now), 7s);
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:29:00 GMT", now), 60s);
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now), 0s);  // in the past
  EXPECT_FALSE(parse_retry_after("", now));
  EXPECT_FALSE(parse_retry_after("-5", now));
  EXPECT_FALSE(parse_retry_after("soon", now));
}

// Values a hostile or broken server may send: huge ones are clamped to the
// ceiling (near 2^63 they overflowed the deadline arithmetic; beyond 64 bits
// they were read as absent), signs and fractions are not delta-seconds.
TEST(RetryAfter, HugeValuesAreClampedNotOverflowedOrIgnored) {
  auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1445412480));
  EXPECT_EQ(parse_retry_after("9223372036854775807", now), kMaxRetryAfter);
  EXPECT_EQ(parse_retry_after("9223372036854775808", now), kMaxRetryAfter);
  EXPECT_EQ(parse_retry_after("99999999999999999999999999999", now), kMaxRetryAfter);
  EXPECT_EQ(parse_retry_after("86400", now), kMaxRetryAfter);
  EXPECT_EQ(parse_retry_after("86399", now), 86399s);
  EXPECT_EQ(parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now), kMaxRetryAfter);
  EXPECT_FALSE(parse_retry_after("+5", now));
  EXPECT_FALSE(parse_retry_after("1.5", now));
  EXPECT_FALSE(parse_retry_after("5 seconds", now));
}

TEST(RetryAfter, AcceptsTheObsoleteHttpDateForms) {
  auto now = std::chrono::system_clock::time_point(std::chrono::seconds(784111717));  // 1994-11-06 08:48:37Z
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now), 60s);
  EXPECT_EQ(parse_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", now), 60s);
  EXPECT_EQ(parse_retry_after("Sun Nov  6 08:49:37 1994", now), 60s);
  EXPECT_FALSE(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT trailing", now));
}

TEST(SaturatingAdd, DeadlinesSaturateInsteadOfWrapping) {
  using sys = std::chrono::system_clock;
  const auto now = sys::now();
  EXPECT_EQ(saturating_add(now, std::chrono::seconds::max()), sys::time_point::max());
  EXPECT_EQ(saturating_add(now, std::chrono::milliseconds(5)), now + std::chrono::milliseconds(5));
  const auto steady_now = std::chrono::steady_clock::now();
  EXPECT_EQ(saturating_add(steady_now, std::chrono::hours::max()),
            std::chrono::steady_clock::time_point::max());
  EXPECT_EQ(saturating_add_ms(std::numeric_limits<std::int64_t>::max() - 1, 10),
            std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(saturating_add_ms(1000, 234), 1234);
}

TEST(Crypto, Base64RoundTripAndRejectsGarbage) {
  for (std::string s : {"", "f", "fo", "foo", "foob", "fooba", "foobar"}) {
    auto enc = crypto::base64_encode(s);
    auto dec = crypto::base64_decode(enc);
    ASSERT_TRUE(dec) << s;
    EXPECT_EQ(*dec, s);
  }
  EXPECT_EQ(crypto::base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_FALSE(crypto::base64_decode("abc"));
  EXPECT_FALSE(crypto::base64_decode("a!b="));
}

TEST(Crypto, Sha1HexMatchesKnownDigests) {
  EXPECT_EQ(crypto::sha1_hex(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(crypto::sha1_hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
}

TEST(Crypto, Sha256AndConstantTimeEqual) {
  EXPECT_EQ(crypto::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(crypto::constant_time_equal("secret", "secret"));
  EXPECT_FALSE(crypto::constant_time_equal("secret", "secreT"));
  EXPECT_FALSE(crypto::constant_time_equal("secret", "secrets"));
  EXPECT_EQ(crypto::random_hex(16).size(), 32u);
  EXPECT_NE(crypto::random_hex(16), crypto::random_hex(16));
}

TEST(Crypto, HmacSha256MatchesRfc4231AndReadsItsPartsInOrder) {
  auto hex = [](const std::string& raw) {
    std::string out;
    for (unsigned char c : raw) out += fmt::format("{:02x}", c);
    return out;
  };
  // RFC 4231, test case 2.
  EXPECT_EQ(hex(crypto::hmac_sha256("Jefe", {"what do ya want for nothing?"})),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(hex(crypto::hmac_sha256("Jefe", {"what do ya", "", " want for nothing", "?"})),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_NE(crypto::hmac_sha256("Jefe", {"want for nothing?", "what do ya "}),
            crypto::hmac_sha256("Jefe", {"what do ya want for nothing?"}));
}

// The example from the Standard Webhooks specification.
TEST(WebhookSignature, MatchesStandardWebhooksSpecVector) {
  auto key = webhook_key_from_secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  ASSERT_TRUE(key);
  auto sig = sign_webhook(*key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, R"({"test": 2432232314})");
  EXPECT_EQ(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  EXPECT_TRUE(verify_webhook(*key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, R"({"test": 2432232314})",
                             "v1,bm9wZQ== " + sig));
  EXPECT_FALSE(
      verify_webhook(*key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331, R"({"test": 2432232314})", sig));
  EXPECT_FALSE(webhook_key_from_secret("whsec_not*base64"));
  EXPECT_EQ(*webhook_key_from_secret("plain"), "plain");
}

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "insightd/common/async_event.hpp"
#include "support/run_coroutine.hpp"

namespace {

boost::asio::awaitable<void> wait_and_record(AsyncEvent* event, std::chrono::milliseconds timeout, int* woken,
                                             int* timed_out) {
  const bool notified = co_await event->wait(timeout);
  ++*(notified ? woken : timed_out);
}

boost::asio::awaitable<void> notify_later(boost::asio::io_context& io, AsyncEvent& event) {
  boost::asio::steady_timer t(io, 10ms);
  co_await t.async_wait(boost::asio::use_awaitable);
  event.notify();
}

}  // namespace

TEST(AsyncEvent, NotifyWakesEveryWaiterBeforeTheirTimeout) {
  boost::asio::io_context io;
  AsyncEvent event(io.get_executor());
  int woken = 0, timed_out = 0;
  for (int i = 0; i < 3; ++i) {
    boost::asio::co_spawn(io, wait_and_record(&event, 10s, &woken, &timed_out), boost::asio::detached);
  }
  boost::asio::co_spawn(io, notify_later(io, event), boost::asio::detached);
  auto start = std::chrono::steady_clock::now();
  test::run_until_idle(io);
  EXPECT_EQ(woken, 3);
  EXPECT_EQ(timed_out, 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);  // generous: proves no 10 s timeout
}

boost::asio::awaitable<void> wait_without_timeout(AsyncEvent* event, int* woken) {
  co_await event->wait();
  ++*woken;
}

TEST(AsyncEvent, WaitWithoutTimeoutEndsAtTheNotify) {
  boost::asio::io_context io;
  AsyncEvent event(io.get_executor());
  int woken = 0;
  boost::asio::co_spawn(io, wait_without_timeout(&event, &woken), boost::asio::detached);
  EXPECT_EQ(io.poll(), 1u);  // started, and waiting
  EXPECT_EQ(woken, 0);
  boost::asio::co_spawn(io, notify_later(io, event), boost::asio::detached);
  test::run_until_idle(io);  // returns once both have ended: the wait ended at the notify
  EXPECT_EQ(woken, 1);
}

TEST(AsyncEvent, AWaitWithoutTimeoutDoesNotShortenAnotherWaitersTimeout) {
  boost::asio::io_context io;
  AsyncEvent event(io.get_executor());
  int woken = 0, timed_out = 0, forever_woken = 0;
  boost::asio::co_spawn(io, wait_and_record(&event, 20ms, &woken, &timed_out), boost::asio::detached);
  boost::asio::co_spawn(io, wait_without_timeout(&event, &forever_woken), boost::asio::detached);
  test::run_until_idle(io);
  EXPECT_EQ(timed_out, 1);  // the 20 ms timeout held (a longer expiry would have been a notify)
  EXPECT_EQ(woken, 0);
  EXPECT_EQ(forever_woken, 1);  // woken with it, as documented: callers re-check their condition
}

TEST(AsyncEvent, TimesOutWithoutNotify) {
  boost::asio::io_context io;
  AsyncEvent event(io.get_executor());
  int woken = 0, timed_out = 0;
  boost::asio::co_spawn(io, wait_and_record(&event, 20ms, &woken, &timed_out), boost::asio::detached);
  test::run_until_idle(io);
  EXPECT_EQ(woken, 0);
  EXPECT_EQ(timed_out, 1);
}

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "insightd/common/json_text.hpp"

namespace {

// json_text copies plain text without the serializer: every byte value, alone
// and in company, must come out as boost::json::serialize writes it.
TEST(JsonText, StringsAreWrittenExactlyAsBoostJsonSerialisesThem) {
  std::string all;
  for (int b = 0; b < 256; ++b) {
    const std::string one(1, static_cast<char>(b));
    std::string out;
    json_text::append_string(out, one);
    EXPECT_EQ(out, boost::json::serialize(boost::json::string_view(one))) << "byte " << b;
    all.push_back(static_cast<char>(b));
  }
  for (std::string_view s : {std::string_view(all), std::string_view("plain text, caf\xc3\xa9"),
                             std::string_view("say \"hi\"\\n"), std::string_view("")}) {
    std::string out;
    json_text::append_string(out, s);
    EXPECT_EQ(out, boost::json::serialize(boost::json::string_view(s)));
  }
}

TEST(JsonText, NumbersAndValuesAreWrittenAsBoostJsonSerialisesThem) {
  for (double d : {0.0, 1.0, 0.1, 0.123456789012345, 1e-7, 12345678.9, -2.5}) {
    std::string out;
    json_text::append_number(out, d);
    EXPECT_EQ(out, boost::json::serialize(boost::json::value(d)));
  }
  for (std::int64_t i : {std::int64_t{0}, std::int64_t{-17}, std::int64_t{9007199254740993}}) {
    std::string out;
    json_text::append_number(out, i);
    EXPECT_EQ(out, boost::json::serialize(boost::json::value(i)));
  }
  std::string out;
  json_text::append_key(out, "k\"");
  json_text::append_bool(out, false);
  EXPECT_EQ(out, R"("k\"":false)");
}

}  // namespace

TEST(PlainHttp, LoopbackHostsAreRecognisedByNameAndAddress) {
  for (const char* host : {"127.0.0.1", "127.1.2.3", "localhost", "LocalHost", "demo.localhost", "::1",
                           "[::1]", "::ffff:127.0.0.1"})
    EXPECT_TRUE(is_loopback_host(host)) << host;
  for (const char* host : {"10.0.0.1", "0.0.0.0", "128.0.0.1", "localhost.example.com", "crm.example.com",
                           "::2", "[::ffff:10.0.0.1]", ""})
    EXPECT_FALSE(is_loopback_host(host)) << host;
}

TEST(PlainHttp, EachOtherHostIsWarnedOnceAndLoopbackNever) {
  EXPECT_FALSE(should_warn_plain_http("127.0.0.1"));
  EXPECT_FALSE(should_warn_plain_http("127.0.0.1"));
  EXPECT_TRUE(should_warn_plain_http("proxy.common-test"));
  EXPECT_FALSE(should_warn_plain_http("proxy.common-test"));
  EXPECT_FALSE(should_warn_plain_http("PROXY.Common-Test"));
  EXPECT_TRUE(should_warn_plain_http("other.common-test"));
}
