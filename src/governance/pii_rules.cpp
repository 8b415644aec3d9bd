// SPDX-License-Identifier: Apache-2.0
#include "pii_rules.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <string>
#include <tuple>
#include <vector>

#include "ascii.hpp"
#include "insightd/governance/checksums.hpp"
#include "pii_context.hpp"
#include "pii_dates.hpp"
#include "pii_phone.hpp"

namespace insightd::governance::rules {

using ascii::is_digit;
using ascii::to_int;

namespace {

bool is_alnum(char c) noexcept {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// A numeric candidate as digit groups and what separates them
// ("555-123-4567" -> {555,123,4567} with separators {"-","-"}). Fixed
// capacity, so splitting allocates nothing: no candidate shape has more than
// 19 groups, and a token with more keeps only its first kMaxGroups.
// (boost::container::static_vector would do, but GCC 12 warns that its
// storage "may be used uninitialized".)
constexpr std::size_t kMaxGroups = 24;

struct Parts {
  std::array<std::string_view, kMaxGroups> items{};
  std::size_t count = 0;

  std::size_t size() const noexcept { return count; }
  bool empty() const noexcept { return count == 0; }
  const std::string_view& operator[](std::size_t i) const noexcept { return items[i]; }
  const std::string_view* begin() const noexcept { return items.data(); }
  const std::string_view* end() const noexcept { return items.data() + count; }
  const std::string_view& back() const noexcept { return items[count - 1]; }
  void push_back(std::string_view part) noexcept { items[count++] = part; }
};

struct Groups {
  Parts digits;
  Parts separators;  // separators[i] lies between digits[i] and digits[i+1]

  bool same_separators(std::size_t from = 0) const noexcept {
    return std::all_of(separators.begin() + static_cast<std::ptrdiff_t>(std::min(from, separators.size())),
                       separators.end(), [&](std::string_view s) { return s == separators.back(); });
  }
};

Groups split_groups(std::string_view token) {
  Groups g;
  std::size_t i = 0;
  while (i < token.size() && !is_digit(token[i])) ++i;  // leading "+" or "("
  while (i < token.size() && g.digits.size() < kMaxGroups) {
    std::size_t start = i;
    while (i < token.size() && is_digit(token[i])) ++i;
    g.digits.push_back(token.substr(start, i - start));
    start = i;
    while (i < token.size() && !is_digit(token[i])) ++i;
    if (i < token.size() && g.digits.size() < kMaxGroups)
      g.separators.push_back(token.substr(start, i - start));
  }
  return g;
}

// A group sequence of one separated space or dash continues past the span
// ("4111 1111 1111 1111 2026"): the candidate is part of a longer number.
bool continues_with(std::string_view text, Span span, char separator) noexcept {
  const bool before = span.begin >= 2 && text[span.begin - 1] == separator && is_digit(text[span.begin - 2]);
  const bool after =
      span.end + 1 < text.size() && text[span.end] == separator && is_digit(text[span.end + 1]);
  return before || after;
}

bool clean_start(std::string_view text, std::size_t begin) noexcept {
  if (begin == 0) return true;
  const char p = text[begin - 1];
  if (is_alnum(p) || p == '+') return false;  // after "+": inside an international number
  if (begin >= 2) {
    const char pp = text[begin - 2];
    if ((p == '-' || p == '/') && is_alnum(pp)) return false;
    if ((p == '.' || p == ',') && is_digit(pp)) return false;
  }
  return true;
}

bool clean_end(std::string_view text, std::size_t end) noexcept {
  if (end >= text.size()) return true;
  const char n = text[end];
  if (is_alnum(n)) return false;
  if (end + 1 < text.size()) {
    const char nn = text[end + 1];
    if ((n == '-' || n == '/') && is_alnum(nn)) return false;
    if ((n == '.' || n == ',') && is_digit(nn)) return false;
  }
  return true;
}

// Offset (in the token) just past digit group `i`.
std::size_t group_end(std::string_view token, const Groups& g, std::size_t i) noexcept {
  return static_cast<std::size_t>(g.digits[i].data() - token.data()) + g.digits[i].size();
}

// Shapes that are never phone numbers, checked before the (slow) library:
// a date at the start ("24.11.2026 10:00"), a dotted quad (an IP address),
// a number in thousands groups ("1.234.567").
bool obviously_not_a_phone(const Groups& g) noexcept {
  if (g.digits.size() >= 3 && g.separators[0] == g.separators[1] &&
      (g.separators[0] == "." || g.separators[0] == "/" || g.separators[0] == "-") &&
      numeric_date(g.digits[0], g.digits[1], g.digits[2])) {
    return true;
  }
  if (g.digits.size() == 4 && g.same_separators() && g.separators[0] == "." &&
      std::all_of(g.digits.begin(), g.digits.end(), [](std::string_view d) { return d.size() <= 3; })) {
    return true;
  }
  const bool thousands =
      g.digits.size() >= 3 && g.same_separators() && g.separators[0] == "." && g.digits[0].size() <= 3 &&
      g.digits[0][0] != '0' &&
      std::all_of(g.digits.begin() + 1, g.digits.end(), [](std::string_view d) { return d.size() == 3; });
  return thousands;
}

}  // namespace

bool stands_alone(std::string_view text, Span span) noexcept {
  return clean_start(text, span.begin) && clean_end(text, span.end);
}

std::optional<Span> confirm_ssn(std::string_view text, Span span, const RuleContext&) {
  const Groups g = split_groups(text.substr(span.begin, span.end - span.begin));
  if (g.digits.size() != 3 || !g.same_separators() || continues_with(text, span, g.separators[0][0])) {
    return std::nullopt;
  }
  const int area = to_int(g.digits[0]);
  if (area == 0 || area == 666 || area >= 900) return std::nullopt;
  if (to_int(g.digits[1]) == 0 || to_int(g.digits[2]) == 0) return std::nullopt;
  if (!stands_alone(text, span)) return std::nullopt;
  return span;
}

std::optional<Span> confirm_card(std::string_view text, Span span, const RuleContext&) {
  if (!stands_alone(text, span)) return std::nullopt;
  const std::string_view token = text.substr(span.begin, span.end - span.begin);
  const Groups g = split_groups(token);
  // One separator throughout ("4111-1111 1111-1111" is two numbers): groups
  // up to the first different one.
  std::size_t groups = 1;
  while (groups < g.digits.size() && g.separators[groups - 1] == g.separators[0]) ++groups;
  // The longest run of whole groups from the start that is a card: the
  // groups after it may be an expiry date or a CVV read out with it.
  constexpr std::size_t kMaxCardDigits = 19;
  std::array<char, kMaxCardDigits> buffer{};
  std::array<std::size_t, kMaxGroups> prefix_digits{};  // digits in groups [0, i]
  std::size_t n = 0;
  for (std::size_t i = 0; i < groups; ++i) {
    for (char c : g.digits[i]) {
      if (n < buffer.size()) buffer[n] = c;
      ++n;
    }
    prefix_digits[i] = n;
  }
  for (std::size_t k = groups; k >= 1; --k) {
    const std::size_t length = prefix_digits[k - 1];
    if (length < 12) break;
    const std::string_view digits(buffer.data(), std::min(length, buffer.size()));
    if (length > kMaxCardDigits || !card_brand(digits) || !luhn_valid(digits)) continue;
    return Span{span.begin, span.begin + group_end(token, g, k - 1)};
  }
  return std::nullopt;
}

std::optional<Span> confirm_phone(std::string_view text, Span span, const RuleContext& ctx) {
  constexpr std::size_t kMinDigits = 7;
  const std::string_view token = text.substr(span.begin, span.end - span.begin);
  // Most candidates in insight text are dates, times and prices: too few
  // digits, or not a token of their own. Reject those before anything costs.
  if (static_cast<std::size_t>(std::count_if(token.begin(), token.end(), is_digit)) < kMinDigits ||
      !stands_alone(text, span)) {
    return std::nullopt;
  }
  // "#760-5056766": a number glued to the numero sign is an order, ticket or
  // store number; with no checksum to say otherwise, it is not read as a phone.
  if (span.begin > 0 && text[span.begin - 1] == '#') return std::nullopt;
  const Groups g = split_groups(token);
  const bool plus = token.front() == '+';
  const bool international = plus || token.starts_with("00");
  if (!international) {
    // "9400 1000 0000 0000": a group inside a longer spaced number.
    if (!g.separators.empty() && span.begin >= 2 && text[span.begin - 1] == g.separators[0].back() &&
        is_digit(text[span.begin - 2])) {
      return std::nullopt;
    }
    if (obviously_not_a_phone(g)) return std::nullopt;
  }
  // A bare digit run is an order number as often as a phone number: only a
  // phone word ("number" at least) makes it a candidate. A phone word also
  // admits a number that is only possible locally ("call me at 555-1234") and
  // valid digits in an unusual grouping.
  std::optional<Cue> cue;
  const auto phone_cue = [&] {
    if (!cue) cue = cue_before(text, span.begin);
    // After the number: "Customer says 8184182236 is her new number" ("customer"
    // names a customer ID only right before one).
    if (*cue == Cue::none || *cue == Cue::identifier) {
      const Cue after = phone_cue_after(text, span.end);
      if (after != Cue::none) cue = after;
    }
    return *cue == Cue::phone;
  };
  if (!international && g.digits.size() == 1 && !phone_cue() && *cue != Cue::number) return std::nullopt;

  // The regex's longest match may run into a following number: ask the
  // library about the longest whole-group prefixes first.
  // After a phone word, a "+CC" number of the right length for its country
  // counts even in a range the library does not list, unless a shorter
  // prefix is valid ("+33 6 12 34 56 78 2026" keeps its own groups).
  // E.164's 15 digits, plus a "(0)", "00", or a longer exit code ("011 49 176 2233 4455",
  // "0011 44 20 7946 0958").
  const bool exit_code = token.starts_with("011") || token.starts_with("001");
  const std::size_t max_digits = exit_code ? 19 : plus ? 16 : international ? 17 : 15;
  constexpr int kMaxAttempts = 3;
  int attempts = 0;
  std::optional<Span> possible;
  for (std::size_t k = g.digits.size(); k >= 1 && attempts < kMaxAttempts; --k) {
    std::size_t digits = 0;
    for (std::size_t i = 0; i < k; ++i) digits += g.digits[i].size();
    if (digits < kMinDigits) break;
    if (digits > max_digits) continue;
    std::size_t end = group_end(token, g, k - 1);
    if (end < token.size() && token[end] == ')') ++end;  // "+44 (0)" keeps its bracket
    if (end != token.size() && !clean_end(text, span.begin + end)) continue;
    ++attempts;
    const PhoneVerdict verdict = ctx.phones->check(token.substr(0, end));
    if (verdict == PhoneVerdict::possible_international) {
      if (!possible && phone_cue()) possible = Span{span.begin, span.begin + end};
    } else if (verdict == PhoneVerdict::valid || (verdict != PhoneVerdict::invalid && phone_cue())) {
      return Span{span.begin, span.begin + end};
    }
  }
  return possible;
}

std::optional<Span> confirm_dictated_phone(std::string_view text, Span span, const RuleContext& ctx) {
  if (!clean_start(text, span.begin) || (span.begin > 0 && text[span.begin - 1] == '#')) return std::nullopt;
  constexpr std::size_t kMaxGroups = 6, kMinGroup = 2, kMaxGroup = 5, kMinDigits = 7, kMaxDigits = 15;
  std::array<Span, kMaxGroups> groups{};
  std::size_t count = 0;
  for (std::size_t pos = span.begin; pos < span.end; pos += 2) {  // past ", "
    const std::size_t start = pos;
    while (pos < span.end && is_digit(text[pos])) ++pos;
    if (count == kMaxGroups || pos - start < kMinGroup || pos - start > kMaxGroup)
      break;  // not one of its groups
    groups[count++] = {start, pos};
  }
  if (count < 2) return std::nullopt;
  std::optional<Cue> cue;
  const auto named_a_phone = [&](std::size_t end) {
    if (!cue) cue = cue_before(text, span.begin);
    Cue c = *cue;
    if (c == Cue::none || c == Cue::identifier) c = phone_cue_after(text, end);
    return c == Cue::phone || c == Cue::number;
  };
  // The longest run of whole groups that is a number: "07856, 214, 309, 12 times" ends at 309.
  for (std::size_t k = count; k >= 2; --k) {
    std::string joined;
    for (std::size_t i = 0; i < k; ++i) {
      if (i > 0) joined += ' ';
      joined.append(text.substr(groups[i].begin, groups[i].end - groups[i].begin));
    }
    const std::size_t digits = joined.size() - (k - 1);
    if (digits < kMinDigits) break;
    if (digits > kMaxDigits) continue;
    const PhoneVerdict verdict = ctx.phones->check(joined);
    const Span found{span.begin, groups[k - 1].end};
    // A trunk prefix says "phone" by itself; a list of amounts or quantities
    // never starts with 0, and without it a phone word must name the number.
    if (verdict == PhoneVerdict::valid && joined.front() == '0') return found;
    if ((verdict == PhoneVerdict::valid || verdict == PhoneVerdict::valid_digits) && named_a_phone(found.end))
      return found;
  }
  return std::nullopt;
}

std::optional<Span> confirm_iban(std::string_view text, Span span, const RuleContext&) {
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
  // The registry's character classes first: with letters allowed in many
  // BBANs, mod-97 alone would pass one run of words and digits in 97.
  if (!iban_structure_valid(compact) || !iban_valid(compact) || !stands_alone(text, confirmed))
    return std::nullopt;
  return confirmed;
}

std::optional<Span> confirm_routing(std::string_view text, Span span, const RuleContext&) {
  const std::string_view digits = text.substr(span.begin, span.end - span.begin);
  if (!stands_alone(text, span) || !aba_routing_valid(digits)) return std::nullopt;
  // The checksum passes for one 9-digit number in ten: a routing word or an
  // account next to it must say it is one.
  if (cue_before(text, span.begin) != Cue::routing && !account_word_near(text, span.begin, span.end))
    return std::nullopt;
  return span;
}

std::optional<Span> confirm_ipv4(std::string_view text, Span span, const RuleContext&) {
  const Groups g = split_groups(text.substr(span.begin, span.end - span.begin));
  if (g.digits.size() != 4 || !stands_alone(text, span)) return std::nullopt;
  for (auto octet : g.digits) {
    if (octet.size() > 3 || to_int(octet) > 255 || (octet.size() > 1 && octet[0] == '0')) return std::nullopt;
  }
  // 0.0.0.0/8 is "this network", never a host's address: "0.9.12.3" is a version.
  if (g.digits[0] == "0") return std::nullopt;
  // "SDK is 1.2.10.7", "Library 0.9.12.3"; but "client 10.0.0.5 could not connect".
  if (version_context_before(text, span.begin) && !network_word_after(text, span.end)) return std::nullopt;
  return span;
}

std::optional<Span> confirm_ipv6(std::string_view text, Span span, const RuleContext&) {
  std::string_view token = text.substr(span.begin, span.end - span.begin);
  // A colon that ends a sentence ("the address was fe80::1:") is not part of it.
  if (token.size() > 2 && token.back() == ':' && token[token.size() - 2] != ':') token.remove_suffix(1);
  const Span confirmed{span.begin, span.begin + token.size()};
  const auto glued = [](char c) { return is_alnum(c) || c == ':'; };
  if ((confirmed.begin > 0 && glued(text[confirmed.begin - 1])) ||
      (confirmed.end < text.size() && glued(text[confirmed.end]))) {
    return std::nullopt;
  }
  std::size_t hex_digits = 0, groups = 0;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] != ':' && token[i] != '.') ++hex_digits;
    if (token[i] != ':' && (i == 0 || token[i - 1] == ':')) ++groups;
  }
  if (hex_digits < 4 || groups < 2) return std::nullopt;
  in6_addr address{};
  if (inet_pton(AF_INET6, std::string(token).c_str(), &address) != 1) return std::nullopt;
  return confirmed;
}

std::optional<Span> confirm_dob(std::string_view text, Span span, const RuleContext& ctx,
                                std::size_t previous_dob_end) {
  const std::string_view token = text.substr(span.begin, span.end - span.begin);
  const auto date = parse_date(token);
  if (!date || !stands_alone(text, span)) return std::nullopt;
  // Nobody is born in the future; a two-digit year's century is unknown.
  const auto& t = ctx.today;
  if (date->year >= 1000 && std::tie(date->year, date->month, date->day) > std::tie(t.year, t.month, t.day))
    return std::nullopt;
  // A birth word before it in its clause (or right before a comma or question
  // mark), the question of the previous turn, or the dates of birth it follows
  // in a list.
  // Further back in its sentence, a birth phrase its label or a speech verb
  // leads to, unless the date names an event. Never "born" of a thing.
  const bool birth_context =
      cue_before(text, span.begin) == Cue::birth || birth_asked_in_previous_turn(text, span.begin) ||
      continues_date_list(text, previous_dob_end, span.begin, span.end) ||
      ((birth_label_before(text, span.begin) || birth_answered_in_sentence(text, span.begin)) &&
       !date_event_after(text, span.end));
  if (birth_context && !figuratively_born(text, span.begin, span.end)) return span;
  return std::nullopt;
}

}  // namespace insightd::governance::rules
