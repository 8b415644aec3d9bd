// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/backoff.hpp"

#include <algorithm>
#include <array>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <cctype>
#include <locale>
#include <sstream>

namespace insightd {

std::chrono::milliseconds BackoffPolicy::ceiling(int attempt) const noexcept {
  if (attempt < 1) attempt = 1;
  auto value = initial.count();
  for (int i = 1; i < attempt && value < max.count(); ++i) value *= 2;
  return std::chrono::milliseconds(std::min(value, max.count()));
}

namespace {

// delta-seconds = 1*DIGIT. Any length is accepted: a value beyond the ceiling
// (even beyond 64 bits) is the ceiling, never "absent".
std::optional<std::chrono::seconds> parse_delta_seconds(std::string_view digits) {
  if (digits.empty() ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  std::int64_t seconds = 0;
  for (char c : digits) {
    seconds = seconds * 10 + (c - '0');
    if (seconds >= kMaxRetryAfter.count()) return kMaxRetryAfter;
  }
  return std::chrono::seconds(seconds);
}

// IMF-fixdate, and the obsolete RFC 850 and asctime forms recipients must accept.
std::optional<boost::posix_time::ptime> parse_http_date(std::string_view value,
                                                        boost::posix_time::ptime now) {
  static constexpr std::array<const char*, 3> kFormats{
      "%a, %d %b %Y %H:%M:%S GMT",  // Sun, 06 Nov 1994 08:49:37 GMT
      "%A, %d-%b-%y %H:%M:%S GMT",  // Sunday, 06-Nov-94 08:49:37 GMT
      "%a %b %e %H:%M:%S %Y",       // Sun Nov  6 08:49:37 1994
  };
  for (const char* format : kFormats) {
    std::istringstream in{std::string(value)};
    in.imbue(std::locale(std::locale::classic(), new boost::posix_time::time_input_facet(format)));
    boost::posix_time::ptime when;
    in >> when;
    if (in.fail() || when.is_not_a_date_time()) continue;
    in >> std::ws;
    if (!in.eof()) continue;  // trailing text: not this format
    if (format == kFormats[1]) {
      // RFC 850's two-digit year: a date more than 50 years ahead is the most
      // recent past year with those digits (RFC 9110 §5.6.7).
      if (when > now + boost::gregorian::years(50)) when -= boost::gregorian::years(100);
    }
    return when;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(value.front()))) return parse_delta_seconds(value);

  static const auto epoch = boost::posix_time::ptime(boost::gregorian::date(1970, 1, 1));
  const std::int64_t now_s = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  auto when = parse_http_date(value, epoch + boost::posix_time::seconds(now_s));
  if (!when) return std::nullopt;
  const std::int64_t target_s = (*when - epoch).total_seconds();
  // Both are within a few thousand years of 1970: no overflow.
  return std::chrono::seconds(std::clamp<std::int64_t>(target_s - now_s, 0, kMaxRetryAfter.count()));
}

}  // namespace insightd
