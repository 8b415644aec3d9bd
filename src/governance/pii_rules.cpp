#include "pii_rules.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "insightd/governance/checksums.hpp"
#include "pii_context.hpp"

namespace insightd::governance::rules {

namespace {

bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}
bool is_alnum(char c) noexcept {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// A numeric candidate as digit groups and what separates them
// ("555-123-4567" -> {555,123,4567} with separators {"-","-"}).
struct Groups {
  std::vector<std::string_view> digits;
  std::vector<std::string_view> separators;  // separators[i] lies between digits[i] and digits[i+1]

  std::size_t digit_count() const noexcept {
    std::size_t n = 0;
    for (auto g : digits) n += g.size();
    return n;
  }
  std::string all_digits() const {
    std::string out;
    for (auto g : digits) out += g;
    return out;
  }
  bool same_separators(std::size_t from = 0) const noexcept {
    return std::all_of(separators.begin() + static_cast<std::ptrdiff_t>(std::min(from, separators.size())),
                       separators.end(), [&](std::string_view s) { return s == separators.back(); });
  }
};

Groups split_groups(std::string_view token) {
  Groups g;
  std::size_t i = 0;
  while (i < token.size() && !is_digit(token[i])) ++i;  // leading "+" or "("
  while (i < token.size()) {
    std::size_t start = i;
    while (i < token.size() && is_digit(token[i])) ++i;
    g.digits.push_back(token.substr(start, i - start));
    start = i;
    while (i < token.size() && !is_digit(token[i])) ++i;
    if (i < token.size()) g.separators.push_back(token.substr(start, i - start));
  }
  return g;
}

int to_int(std::string_view digits) noexcept {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// A group sequence of one separated space or dash continues past the span
// ("4111 1111 1111 1111 2026"): the candidate is part of a longer number.
bool continues_with(std::string_view text, Span span, char separator) noexcept {
  const bool before = span.begin >= 2 && text[span.begin - 1] == separator && is_digit(text[span.begin - 2]);
  const bool after =
      span.end + 1 < text.size() && text[span.end] == separator && is_digit(text[span.end + 1]);
  return before || after;
}

// `d[./-]m[./-]yyyy` or `yyyy[./-]m[./-]d` at the start of the groups, with
// one separator and plausible values: a date, never a phone number.
bool starts_with_date(const Groups& g) noexcept {
  if (g.digits.size() < 3 || g.separators[0] != g.separators[1]) return false;
  const std::string_view sep = g.separators[0];
  if (sep != "." && sep != "/" && sep != "-") return false;
  auto small = [](std::string_view d, int max) {
    return d.size() <= 2 && to_int(d) >= 1 && to_int(d) <= max;
  };
  const auto a = g.digits[0], b = g.digits[1], c = g.digits[2];
  const bool day_first = small(a, 31) && small(b, 31) && (c.size() == 4 || c.size() == 2);
  const bool year_first = a.size() == 4 && small(b, 12) && small(c, 31);
  return day_first || year_first;
}

bool nanp_valid(const Groups& g) noexcept {
  std::size_t first = 0;
  if (g.digits.size() == 4 && g.digits[0] == "1") first = 1;
  if (g.digits.size() - first != 3) return false;
  const auto area = g.digits[first], exchange = g.digits[first + 1], line = g.digits[first + 2];
  // Area codes start 2-9; exchanges do too in real numbers, but "555-123-4567"
  // is how people write example and placeholder numbers, so it counts.
  return area.size() == 3 && exchange.size() == 3 && line.size() == 4 && area[0] >= '2';
}

enum class PhoneShape { none, strong, weak };

PhoneShape classify_national(std::string_view token, const Groups& g) {
  const std::size_t n = g.digit_count();
  if (g.digits.size() == 1) {  // unseparated: a bare number unless a phone word says otherwise
    const auto d = g.digits[0];
    const bool nanp = (n == 10 && d[0] >= '2') || (n == 11 && d[0] == '1' && d[1] >= '2');
    const bool trunk = (n == 10 || n == 11) && d[0] == '0' && d[1] != '0';
    return nanp || trunk ? PhoneShape::weak : PhoneShape::none;
  }
  if (nanp_valid(g)) return PhoneShape::strong;
  if (g.digits.size() == 2 && g.digits[0].size() == 3 && g.digits[1].size() == 4 && g.digits[0][0] >= '2' &&
      token.front() != '(') {
    return PhoneShape::weak;  // local "555-1234": also ranges and part numbers
  }
  if (g.digits[0].starts_with("00") && g.digits[0].size() > 2 && g.digits[0][2] != '0' && n >= 10 &&
      n <= 17) {
    return PhoneShape::strong;  // international with the "00" prefix: "0049 30 1234567"
  }
  if (g.digits[0][0] == '0' && g.digits[0].size() > 1 && g.digits[0][1] != '0' && n >= 9 && n <= 12 &&
      !starts_with_date(g) && g.same_separators(1)) {
    return PhoneShape::strong;  // trunk prefix: "030 1234567", "(089) 123 456"
  }
  return PhoneShape::none;
}

// "+CC ..." longest-match may run into a following number: keep the longest
// prefix of whole groups that an E.164 number (8-15 digits) can hold, cut at
// a space so the rest is not glued to it. A bracketed trunk "(0)" does not
// count as a digit.
std::optional<Span> international_span(std::string_view text, Span span) {
  const std::string_view token = text.substr(span.begin, span.end - span.begin);
  const Groups g = split_groups(token);
  std::size_t digits = 0;
  std::optional<std::size_t> cut;
  for (std::size_t i = 0; i < g.digits.size(); ++i) {
    const bool bracketed = i > 0 && g.separators[i - 1].ends_with("(");
    if (!(bracketed && g.digits[i] == "0")) digits += g.digits[i].size();
    if (digits > 15) break;
    const bool last = i + 1 == g.digits.size();
    if (digits >= 8 && (last || g.separators[i].find(' ') != std::string_view::npos)) {
      std::size_t group_end =
          static_cast<std::size_t>(g.digits[i].data() - token.data()) + g.digits[i].size();
      if (bracketed) ++group_end;  // the regex only takes a bracketed group with its ")"
      cut = group_end;
    }
  }
  if (!cut) return std::nullopt;
  return Span{span.begin, span.begin + *cut};
}

}  // namespace

bool stands_alone(std::string_view text, Span span) noexcept {
  if (span.begin > 0) {
    const char p = text[span.begin - 1];
    if (is_alnum(p)) return false;
    if (span.begin >= 2) {
      const char pp = text[span.begin - 2];
      if ((p == '-' || p == '/') && is_alnum(pp)) return false;
      if ((p == '.' || p == ',') && is_digit(pp)) return false;
    }
  }
  if (span.end < text.size()) {
    const char n = text[span.end];
    if (is_alnum(n)) return false;
    if (span.end + 1 < text.size()) {
      const char nn = text[span.end + 1];
      if ((n == '-' || n == '/') && is_alnum(nn)) return false;
      if ((n == '.' || n == ',') && is_digit(nn)) return false;
    }
  }
  return true;
}

std::optional<Span> confirm_ssn(std::string_view text, Span span) {
  const Groups g = split_groups(text.substr(span.begin, span.end - span.begin));
  if (g.digits.size() != 3 || !g.same_separators() || continues_with(text, span, g.separators[0][0])) {
    return std::nullopt;
  }
  const int area = to_int(g.digits[0]);
  if (area == 0 || area == 666 || area >= 900) return std::nullopt;
  if (to_int(g.digits[1]) == 0 || to_int(g.digits[2]) == 0) return std::nullopt;
  if (!stands_alone(text, span) || cue_before(text, span.begin) == Cue::identifier) return std::nullopt;
  return span;
}

std::optional<Span> confirm_card(std::string_view text, Span span) {
  const Groups g = split_groups(text.substr(span.begin, span.end - span.begin));
  const std::size_t n = g.digit_count();
  if (g.digits.empty() || n < 13 || n > 19 || g.digits[0][0] < '2' || g.digits[0][0] > '6')
    return std::nullopt;
  const bool separated = g.digits.size() > 1;
  if (separated) {
    // Cards are printed in groups: 4-4-4-4, 4-6-5, 4-4-4-4-3 ... so every group
    // but the last has 4-6 digits ("2026-11-24-000187" is a dated identifier).
    const bool card_groups = g.digits[0].size() == 4 &&
                             std::all_of(g.digits.begin() + 1, g.digits.end() - 1,
                                         [](std::string_view d) { return d.size() >= 4 && d.size() <= 6; });
    if (!card_groups || !g.same_separators() || g.separators[0].size() != 1 ||
        continues_with(text, span, g.separators[0][0])) {
      return std::nullopt;
    }
  }
  if (!luhn_valid(g.all_digits()) || !stands_alone(text, span)) return std::nullopt;
  // An unseparated run after "order", "tracking" ... is that identifier.
  if (!separated && cue_before(text, span.begin) == Cue::identifier) return std::nullopt;
  return span;
}

std::optional<Span> confirm_phone(std::string_view text, Span span) {
  std::optional<Span> confirmed;
  bool weak = false;
  if (text[span.begin] == '+') {
    confirmed = international_span(text, span);
  } else {
    const std::string_view token = text.substr(span.begin, span.end - span.begin);
    const Groups groups = split_groups(token);
    if (groups.digits.empty()) return std::nullopt;
    const PhoneShape shape = classify_national(token, groups);
    if (shape == PhoneShape::none) return std::nullopt;
    // "9400 1000 0000 0000": a group inside a longer spaced number.
    if (!groups.separators.empty() && span.begin >= 2 &&
        text[span.begin - 1] == groups.separators[0].back() && is_digit(text[span.begin - 2])) {
      return std::nullopt;
    }
    weak = shape == PhoneShape::weak;
    confirmed = span;
  }
  if (!confirmed || !stands_alone(text, *confirmed)) return std::nullopt;
  const Cue cue = cue_before(text, confirmed->begin);
  if (cue == Cue::identifier || cue == Cue::ssn || cue == Cue::card || (weak && cue != Cue::phone)) {
    return std::nullopt;
  }
  return confirmed;
}

std::optional<Span> confirm_iban(std::string_view text, Span span) {
  std::string compact;
  compact.reserve(34);
  compact += static_cast<char>(text[span.begin] & ~0x20);  // country code in upper case
  compact += static_cast<char>(text[span.begin + 1] & ~0x20);
  const auto length = iban_length(compact);
  if (!length) return std::nullopt;
  // The registered length decides where the IBAN ends, whatever follows it.
  std::size_t pos = span.begin + 2;
  while (compact.size() < static_cast<std::size_t>(*length) && pos < span.end) {
    if (text[pos] != ' ') compact += text[pos];
    ++pos;
  }
  if (compact.size() != static_cast<std::size_t>(*length)) return std::nullopt;
  const Span confirmed{span.begin, pos};
  if (!iban_valid(compact) || !stands_alone(text, confirmed)) return std::nullopt;
  return confirmed;
}

}  // namespace insightd::governance::rules
