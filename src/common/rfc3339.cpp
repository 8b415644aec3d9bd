// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/rfc3339.hpp"

#include <fmt/format.h>

#include <cstddef>

namespace insightd {

namespace {

// A cursor over the text; every read either consumes what it expects or
// reports failure.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool at_end() const noexcept { return pos_ == text_.size(); }

  // Exactly `width` decimal digits.
  bool number(int width, int& out) noexcept {
    if (text_.size() - pos_ < static_cast<std::size_t>(width)) return false;
    int value = 0;
    for (int i = 0; i < width; ++i) {
      const char c = text_[pos_ + static_cast<std::size_t>(i)];
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    pos_ += static_cast<std::size_t>(width);
    out = value;
    return true;
  }

  // One character of `set`, stored in `seen` when given.
  bool one_of(std::string_view set, char* seen = nullptr) noexcept {
    if (at_end() || set.find(text_[pos_]) == std::string_view::npos) return false;
    if (seen) *seen = text_[pos_];
    ++pos_;
    return true;
  }

  // One or more digits after the decimal point, kept to nanosecond precision.
  bool fraction(std::chrono::nanoseconds& out) noexcept {
    std::int64_t nanos = 0;
    std::int64_t scale = 100'000'000;
    const std::size_t start = pos_;
    while (!at_end() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      nanos += (text_[pos_] - '0') * scale;
      scale /= 10;
      ++pos_;
    }
    out = std::chrono::nanoseconds(nanos);
    return pos_ > start;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// Offset east of UTC: `Z`/`z`, or `+hh:mm` / `-hh:mm`.
std::optional<std::chrono::minutes> read_offset(Reader& in) noexcept {
  if (in.one_of("Zz")) return std::chrono::minutes(0);
  char sign = 0;
  int hours = 0;
  int minutes = 0;
  if (!(in.one_of("+-", &sign) && in.number(2, hours) && in.one_of(":") && in.number(2, minutes)))
    return std::nullopt;
  if (hours > 23 || minutes > 59) return std::nullopt;
  const std::chrono::minutes offset(hours * 60 + minutes);
  return sign == '-' ? -offset : offset;
}

// A leap second is inserted at 23:59:60 UTC on the last day of a month. In
// minutes: the clock's nanoseconds would overflow outside about 1678 to 2262.
bool leap_second_possible(std::chrono::sys_time<std::chrono::minutes> utc_minute_start) noexcept {
  using namespace std::chrono;
  const auto day = floor<days>(utc_minute_start);
  const year_month_day date{day};
  const year_month_day_last last{date.year(), month_day_last{date.month()}};
  return date.day() == last.day() && utc_minute_start - day == hours{23} + minutes{59};
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> parse_rfc3339(std::string_view text) noexcept {
  using namespace std::chrono;
  Reader in(text);
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!(in.number(4, y) && in.one_of("-") && in.number(2, mo) && in.one_of("-") && in.number(2, d) &&
        in.one_of("Tt") && in.number(2, h) && in.one_of(":") && in.number(2, mi) && in.one_of(":") &&
        in.number(2, s)))
    return std::nullopt;
  nanoseconds frac{0};
  if (in.one_of(".") && !in.fraction(frac)) return std::nullopt;
  const auto offset = read_offset(in);
  if (!offset || !in.at_end()) return std::nullopt;

  const year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!date.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;

  const auto minute_start = sys_days{date} + hours{h} + minutes{mi} - *offset;
  if (s == 60) {
    if (!leap_second_possible(minute_start)) return std::nullopt;
    s = 59;
  }
  // In seconds first: system_clock counts nanoseconds, about 1678 to 2262.
  const sys_seconds instant = minute_start + seconds{s};
  constexpr auto kEarliest = ceil<seconds>(system_clock::time_point::min()) + 1s;
  constexpr auto kLatest = floor<seconds>(system_clock::time_point::max()) - 1s;
  if (instant < kEarliest || instant > kLatest) return std::nullopt;
  return time_point_cast<system_clock::duration>(instant + frac);
}

std::string format_rfc3339(std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  const auto ms = floor<milliseconds>(t);
  const auto day = floor<days>(ms);
  const year_month_day date{day};
  const hh_mm_ss time{ms - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count(),
                     time.subseconds().count());
}

std::string format_rfc3339_unix_ms(std::int64_t ms_since_epoch) {
  return format_rfc3339(
      std::chrono::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{ms_since_epoch}});
}

}  // namespace insightd
