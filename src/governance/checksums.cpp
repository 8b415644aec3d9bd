// SPDX-License-Identifier: Apache-2.0
#include "insightd/governance/checksums.hpp"

#include <algorithm>
#include <iterator>

#include "ascii.hpp"

namespace insightd::governance {

using ascii::is_digit;
using ascii::is_lower;
using ascii::is_upper;

namespace {

struct IbanCountry {
  char code[3];
  int length;
};

// SWIFT IBAN registry (country code, total IBAN length). Sorted by code.
constexpr IbanCountry kIbanCountries[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26},
    {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20},
    {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20},
    {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25},
    {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
    {"YE", 30},
};

// One published IIN range: the first `prefix_digits` digits read as a number
// lie in [low, high]; allowed lengths as a bit mask (bit n = n digits).
struct CardRange {
  std::string_view brand;
  int prefix_digits;
  int low;
  int high;
  unsigned lengths;
};

constexpr unsigned len(int n) {
  return 1u << n;
}
constexpr unsigned lens(int from, int to) {
  unsigned m = 0;
  for (int n = from; n <= to; ++n) m |= len(n);
  return m;
}

// From the schemes' published tables (ISO/IEC 7812 IIN assignments as the
// schemes document them). Overlaps are harmless: any match is a card.
constexpr CardRange kCardRanges[] = {
    {"visa", 1, 4, 4, len(13) | len(16) | len(19)},
    {"mastercard", 2, 51, 55, len(16)},
    {"mastercard", 4, 2221, 2720, len(16)},
    {"amex", 2, 34, 34, len(15)},
    {"amex", 2, 37, 37, len(15)},
    {"discover", 4, 6011, 6011, lens(16, 19)},
    {"discover", 3, 644, 649, lens(16, 19)},
    {"discover", 2, 65, 65, lens(16, 19)},
    {"jcb", 4, 3528, 3589, lens(16, 19)},
    {"diners", 3, 300, 305, lens(14, 19)},
    {"diners", 4, 3095, 3095, lens(14, 19)},
    {"diners", 2, 36, 36, lens(14, 19)},
    {"diners", 2, 38, 39, lens(16, 19)},
    {"unionpay", 2, 62, 62, lens(16, 19)},
    {"maestro", 4, 5018, 5018, lens(12, 19)},
    {"maestro", 4, 5020, 5020, lens(12, 19)},
    {"maestro", 4, 5038, 5038, lens(12, 19)},
    {"maestro", 4, 5893, 5893, lens(12, 19)},
    {"maestro", 4, 6304, 6304, lens(12, 19)},
    {"maestro", 4, 6759, 6759, lens(12, 19)},
    {"maestro", 4, 6761, 6763, lens(12, 19)},
    {"mir", 4, 2200, 2204, lens(16, 19)},
};

int leading_number(std::string_view digits, int count) noexcept {
  int v = 0;
  for (int i = 0; i < count; ++i) v = v * 10 + (digits[static_cast<std::size_t>(i)] - '0');
  return v;
}

}  // namespace

std::optional<std::string_view> card_brand(std::string_view digits) noexcept {
  if (digits.size() < 12 || digits.size() > 19 || !std::all_of(digits.begin(), digits.end(), is_digit))
    return std::nullopt;
  for (const auto& r : kCardRanges) {
    const int prefix = leading_number(digits, r.prefix_digits);
    if (prefix >= r.low && prefix <= r.high && (r.lengths & len(static_cast<int>(digits.size()))))
      return r.brand;
  }
  return std::nullopt;
}

bool aba_routing_valid(std::string_view digits) noexcept {
  if (digits.size() != 9 || !std::all_of(digits.begin(), digits.end(), is_digit)) return false;
  const int prefix = leading_number(digits, 2);
  const bool federal_reserve =
      prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix == 80;
  if (!federal_reserve) return false;
  constexpr int kWeights[] = {3, 7, 1};
  int sum = 0;
  for (std::size_t i = 0; i < 9; ++i) sum += (digits[i] - '0') * kWeights[i % 3];
  return sum % 10 == 0;
}

bool luhn_valid(std::string_view digits) noexcept {
  if (digits.empty()) return false;
  int sum = 0;
  bool double_it = false;  // every second digit from the right is doubled
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (!is_digit(*it)) return false;
    int d = *it - '0';
    if (double_it) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double_it = !double_it;
  }
  return sum % 10 == 0;
}

bool iban_valid(std::string_view iban) noexcept {
  if (iban.size() < 5) return false;
  if (!std::all_of(iban.begin(), iban.begin() + 2, [](char c) { return is_upper(c) || is_lower(c); }) ||
      !is_digit(iban[2]) || !is_digit(iban[3])) {
    return false;
  }
  // Move the first four characters to the end, read letters as 10..35 and
  // reduce modulo 97 as we go (the number itself has up to ~70 digits).
  int remainder = 0;
  auto feed = [&remainder](char c) {
    if (is_digit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
      return true;
    }
    int value = is_upper(c) ? c - 'A' + 10 : is_lower(c) ? c - 'a' + 10 : -1;
    if (value < 0) return false;
    remainder = (remainder * 100 + value) % 97;
    return true;
  };
  for (char c : iban.substr(4)) {
    if (!feed(c)) return false;
  }
  for (char c : iban.substr(0, 4)) feed(c);
  return remainder == 1;
}

std::optional<int> iban_length(std::string_view country_code) noexcept {
  auto it = std::lower_bound(
      std::begin(kIbanCountries), std::end(kIbanCountries), country_code,
      [](const IbanCountry& c, std::string_view code) { return std::string_view(c.code) < code; });
  if (it == std::end(kIbanCountries) || std::string_view(it->code) != country_code) return std::nullopt;
  return it->length;
}

}  // namespace insightd::governance
