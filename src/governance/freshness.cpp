#include "insightd/governance/freshness.hpp"

#include <cstddef>
#include <cstdint>

namespace insightd::governance {

namespace {

// A cursor over the date-time text; every read either consumes what it
// expects or reports failure.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool at_end() const noexcept { return pos_ == text_.size(); }
  char peek() const noexcept { return at_end() ? '\0' : text_[pos_]; }

  bool number(int width, int& out) noexcept {
    if (text_.size() - pos_ < static_cast<std::size_t>(width)) return false;
    int value = 0;
    for (int i = 0; i < width; ++i) {
      char c = text_[pos_ + static_cast<std::size_t>(i)];
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    pos_ += static_cast<std::size_t>(width);
    out = value;
    return true;
  }

  bool literal(char c) noexcept {
    if (peek() != c || at_end()) return false;
    ++pos_;
    return true;
  }

  bool one_of(std::string_view set) noexcept {
    if (at_end() || set.find(text_[pos_]) == std::string_view::npos) return false;
    ++pos_;
    return true;
  }

  // Fractional seconds of any length, kept to nanosecond precision.
  std::chrono::nanoseconds fraction() noexcept {
    std::int64_t nanos = 0;
    std::int64_t scale = 100'000'000;
    while (!at_end() && peek() >= '0' && peek() <= '9') {
      nanos += (peek() - '0') * scale;
      scale /= 10;
      ++pos_;
    }
    return std::chrono::nanoseconds(nanos);
  }

  std::size_t position() const noexcept { return pos_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// Offset east of UTC: `Z`, `+hh:mm`, `+hhmm` or `+hh`.
std::optional<std::chrono::minutes> read_offset(Reader& in) noexcept {
  if (in.one_of("Zz")) return std::chrono::minutes(0);
  const bool negative = in.peek() == '-';
  if (!in.one_of("+-")) return std::nullopt;
  int hours = 0;
  int minutes = 0;
  if (!in.number(2, hours)) return std::nullopt;
  if (!in.at_end()) {
    in.literal(':');
    if (!in.number(2, minutes)) return std::nullopt;
  }
  if (hours > 23 || minutes > 59) return std::nullopt;
  std::chrono::minutes offset(hours * 60 + minutes);
  return negative ? -offset : offset;
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> parse_rfc3339(std::string_view text) noexcept {
  using namespace std::chrono;
  Reader in(text);
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!(in.number(4, y) && in.literal('-') && in.number(2, mo) && in.literal('-') && in.number(2, d))) {
    return std::nullopt;
  }
  if (!(in.one_of("Tt ") && in.number(2, h) && in.literal(':') && in.number(2, mi) && in.literal(':') &&
        in.number(2, s))) {
    return std::nullopt;
  }
  nanoseconds frac{0};
  if (in.literal('.')) {
    const auto before = in.position();
    frac = in.fraction();
    if (in.position() == before) return std::nullopt;  // "." needs at least one digit
  }
  const auto offset = read_offset(in);
  if (!offset || !in.at_end()) return std::nullopt;

  const year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!date.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  if (s == 60) s = 59;  // leap second: system_clock has none

  const auto local = sys_days{date} + hours{h} + minutes{mi} + seconds{s} + frac;
  return time_point_cast<system_clock::duration>(local - *offset);
}

Freshness classify_freshness(std::string_view created_date, std::chrono::system_clock::time_point now,
                             std::chrono::milliseconds max_age) noexcept {
  const auto created = parse_rfc3339(created_date);
  if (!created) return Freshness::malformed;
  if (*created - now > kMaxClockSkew) return Freshness::malformed;
  if (now - *created > max_age) return Freshness::stale;
  return Freshness::fresh;
}

}  // namespace insightd::governance
