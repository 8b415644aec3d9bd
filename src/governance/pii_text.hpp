// SPDX-License-Identifier: Apache-2.0
#pragma once
// Cheap facts about a text that decide where the PII scanner runs its regexes
// (pii_scanner.cpp): byte classes, where each numeric shape can start, the
// stretches an e-mail or IPv6 match must lie in, whether a birth word occurs.
// Inline: they run once or more per byte of every insight.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <optional>
#include <span>
#include <string_view>

#include "ascii.hpp"
#include "pii_rules.hpp"

namespace insightd::governance::scan_text {

// Stems of the words that make a date a date of birth (pii_context.cpp has
// the words), after their first letter: the date pass runs only when one occurs.
inline constexpr std::string_view kBirthStemsAfterB[] = {"irth", "orn"};
inline constexpr std::string_view kBirthStemsAfterD[] = {"ob", ".o.b"};
inline constexpr std::string_view kBirthStemsAfterG[] = {"eb"};
inline constexpr std::string_view kBirthStemsAfterN[] = {"aiss", "acim", "asc", "\u00e9e", "ee"};

using ascii::is_digit;
using ascii::lower;

inline bool stem_at(std::string_view text, std::size_t pos,
                    std::span<const std::string_view> stems) noexcept {
  for (std::string_view stem : stems) {
    if (text.size() - pos < stem.size()) continue;
    std::size_t k = 0;
    while (k < stem.size() && lower(text[pos + k]) == stem[k]) ++k;
    if (k == stem.size()) return true;
  }
  return false;
}

// The stems to compare after each byte: empty for all but b, d, g, n (either case).
inline constexpr std::array<std::span<const std::string_view>, 256> kBirthStemsAfter = [] {
  std::array<std::span<const std::string_view>, 256> table{};
  table['b'] = table['B'] = kBirthStemsAfterB;
  table['d'] = table['D'] = kBirthStemsAfterD;
  table['g'] = table['G'] = kBirthStemsAfterG;
  table['n'] = table['N'] = kBirthStemsAfterN;
  return table;
}();

// One pass, no regex: most insight text has no birth word at all.
inline bool has_birth_stem(std::string_view text) noexcept {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const auto stems = kBirthStemsAfter[static_cast<unsigned char>(text[i])];
    if (!stems.empty() && stem_at(text, i + 1, stems)) return true;
  }
  return false;
}

inline bool hex_or_colon(char c) noexcept {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':';
}

// One accumulator and no branch, so the compiler vectorises the loop.
inline std::size_t count_digits(std::string_view text) noexcept {
  std::size_t n = 0;
  for (const char c : text) n += static_cast<unsigned char>(c - '0') < 10 ? 1 : 0;
  return n;
}

// string_view::find, not memchr: an empty view may hold a null pointer, which
// memchr must not be given even with a zero length (UBSan reports it).
inline bool contains(std::string_view text, char c) noexcept {
  return text.find(c) != std::string_view::npos;
}

// At least two colons: IPv6 addresses have them, most texts do not.
inline bool two_colons(std::string_view text) noexcept {
  const auto first = text.find(':');
  return first != std::string_view::npos && text.find(':', first + 1) != std::string_view::npos;
}

// Two colons between hex digits or colons ("fe80::1"), not after words
// ("Topic: billing. Resolution: ...").
bool may_hold_ipv6(std::string_view text) noexcept {
  int colons = 0;
  for (std::size_t i = 1; i + 1 < text.size() && colons < 2; ++i) {
    if (text[i] == ':' && hex_or_colon(text[i - 1]) && hex_or_colon(text[i + 1])) ++colons;
  }
  return colons >= 2;
}

// Digits in the number-like run from `begin` (digits and the separators
// numbers are written with), so kinds that need more are not even tried.
inline std::size_t digits_in_run(std::string_view text, std::size_t begin) noexcept {
  constexpr std::size_t kEnough = 20;  // more than any kind needs: stop, or long runs cost O(n^2)
  std::size_t digits = 0;
  for (std::size_t i = begin; i < text.size() && digits < kEnough; ++i) {
    const char c = text[i];
    if (is_digit(c))
      ++digits;
    else if (c != ' ' && c != '.' && c != '-' && c != '/' && c != '(' && c != ')' && c != '+')
      break;
  }
  return digits;
}

// Byte classes, bits of one table entry looked up once per byte in the
// scan's hot loop.
inline constexpr unsigned char kLetter = 1;
inline constexpr unsigned char kWord = 2;
inline constexpr unsigned char kNumber = 4;

inline constexpr std::array<unsigned char, 256> kCharClass = [] {
  std::array<unsigned char, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kLetter | kWord, table[c - 'a' + 'A'] = kLetter | kWord;
  for (int c = '0'; c <= '9'; ++c) table[c] = kWord | kNumber;
  table['_'] = kWord;
  // What the numeric shapes (every kind but e-mail, IBAN, IPv6 and dates)
  // are made of: digits and the separators numbers are written with.
  for (const char c : {' ', '.', '-', '/', '(', ')', '+'}) table[static_cast<unsigned char>(c)] = kNumber;
  return table;
}();

inline bool has_class(char c, unsigned char what) noexcept {
  return (kCharClass[static_cast<unsigned char>(c)] & what) != 0;
}
inline bool is_letter(char c) noexcept {
  return has_class(c, kLetter);
}
inline bool is_word(char c) noexcept {
  return has_class(c, kWord);
}
inline bool in_number(char c) noexcept {
  return has_class(c, kNumber);
}

// Where a numeric shape can begin: at "+" or "(", or at a digit after a
// word boundary (every shape starts with `\b\d`, `\+` or `\(`).
inline bool may_start_candidate(std::string_view text, std::size_t i) noexcept {
  const char c = text[i];
  if (c == '+' || c == '(') return true;
  return is_digit(c) && (i == 0 || !is_word(text[i - 1]));
}

inline std::size_t leading_digits(std::string_view text, std::size_t i) noexcept {
  std::size_t n = 0;
  while (i + n < text.size() && is_digit(text[i + n])) ++n;
  return n;
}

// Necessary conditions of each numeric shape where a candidate starts, so
// RE2 is asked only where the shape can match.
using StartsLike = bool (*)(std::string_view, std::size_t);

inline bool any_start(std::string_view, std::size_t) noexcept {
  return true;
}
inline bool starts_like_ssn(std::string_view text, std::size_t i) noexcept {  // "AAA-" or "AAA "
  return leading_digits(text, i) == 3 && i + 3 < text.size() && (text[i + 3] == '-' || text[i + 3] == ' ');
}
inline bool starts_like_card(std::string_view text, std::size_t i) noexcept {  // an issuer digit 2-6
  return text[i] >= '2' && text[i] <= '6' && leading_digits(text, i) >= 2;
}
inline bool starts_like_routing(std::string_view text, std::size_t i) noexcept {  // nine digits
  return leading_digits(text, i) == 9;
}
bool starts_like_ipv4(std::string_view text, std::size_t i) noexcept {  // an octet and a dot
  const std::size_t n = leading_digits(text, i);
  return n >= 1 && n <= 3 && i + n < text.size() && text[i + n] == '.';
}

// Fewer digits in the whole text: no IBAN looked for. Moldovan and Bahraini
// BBANs may be letters nearly throughout, so only the check digits and two
// more are required: as few as the other numeric kinds need, so texts with
// fewer digits still cost no regex at all.
inline constexpr std::size_t kIbanMinDigits = 4;

// Two letters at the start of a word, then the two check digits that start
// the number run at `run_begin` ("DE89 3704 ...").
inline bool starts_like_iban(std::string_view text, std::size_t run_begin) noexcept {
  return run_begin >= 2 && run_begin + 1 < text.size() && is_digit(text[run_begin]) &&
         is_digit(text[run_begin + 1]) && is_letter(text[run_begin - 1]) && is_letter(text[run_begin - 2]) &&
         (run_begin == 2 || !is_word(text[run_begin - 3]));
}

// Calls f(span) for the maximal stretches around each byte `at` that can
// belong to a match of a shape made of `left` bytes before it and `right`
// bytes after it; touching stretches merge. A match lies inside one of them,
// so the regex runs over them instead of the whole text: an unanchored
// leftmost-longest search reads to the end of what it is given.
template <typename Left, typename Right, typename F>
inline void for_each_stretch_around(std::string_view text, char at, Left left, Right right, F f) {
  std::optional<rules::Span> pending;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != at) continue;
    std::size_t begin = i, end = i + 1;
    while (begin > 0 && left(text[begin - 1])) --begin;
    while (end < text.size() && right(text[end])) ++end;
    if (pending && begin <= pending->end) {
      pending->end = std::max(pending->end, end);
    } else {
      if (pending) f(*pending);
      pending = rules::Span{begin, end};
    }
    i = end - 1;
  }
  if (pending) f(*pending);
}

inline bool is_high(char c) noexcept {
  return (static_cast<unsigned char>(c) & 0x80) != 0;
}
// What kEmailPattern's local part and domain are made of.
inline bool in_email_local(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || is_high(c) || c == '_' ||
         c == '%' || c == '+' || c == '-' || c == '.' || c == '\'';
}
inline bool in_email_domain(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || is_high(c) || c == '-' ||
         c == '.';
}
// What kIpv6Pattern is made of.
bool in_ipv6(char c) noexcept {
  return hex_or_colon(c) || c == '.';
}

}  // namespace insightd::governance::scan_text
