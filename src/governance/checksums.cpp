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
  // The BBAN's structure as the registry writes it: runs of n (digits), a
  // (letters) and c (letters or digits), e.g. "4a14c" for Bahrain.
  std::string_view bban;
};

// SWIFT IBAN registry: every country, its IBAN length and BBAN structure.
// Sorted by code.
constexpr IbanCountry kIbanCountries[] = {
    {"AD", 24, "4n4n12c"},     {"AE", 23, "3n16n"},         {"AL", 28, "8n16c"},
    {"AT", 20, "5n11n"},       {"AZ", 28, "4a20c"},         {"BA", 20, "3n3n8n2n"},
    {"BE", 16, "3n7n2n"},      {"BG", 22, "4a4n2n8c"},      {"BH", 22, "4a14c"},
    {"BI", 27, "5n5n11n2n"},   {"BR", 29, "8n5n10n1a1c"},   {"BY", 28, "4c4n16c"},
    {"CH", 21, "5n12c"},       {"CR", 22, "4n14n"},         {"CY", 28, "3n5n16c"},
    {"CZ", 24, "4n6n10n"},     {"DE", 22, "8n10n"},         {"DJ", 27, "5n5n11n2n"},
    {"DK", 18, "4n9n1n"},      {"DO", 28, "4c20n"},         {"EE", 20, "2n2n11n1n"},
    {"EG", 29, "4n4n17n"},     {"ES", 24, "4n4n1n1n10n"},   {"FI", 18, "3n11n"},
    {"FK", 18, "2a12n"},       {"FO", 18, "4n9n1n"},        {"FR", 27, "5n5n11c2n"},
    {"GB", 22, "4a6n8n"},      {"GE", 22, "2a16n"},         {"GI", 23, "4a15c"},
    {"GL", 18, "4n9n1n"},      {"GR", 27, "3n4n16c"},       {"GT", 28, "4c20c"},
    {"HN", 28, "4a20n"},       {"HR", 21, "7n10n"},         {"HU", 28, "3n4n1n15n1n"},
    {"IE", 22, "4a6n8n"},      {"IL", 23, "3n3n13n"},       {"IQ", 23, "4a3n12n"},
    {"IS", 26, "4n2n6n10n"},   {"IT", 27, "1a5n5n12c"},     {"JO", 30, "4a4n18c"},
    {"KW", 30, "4a22c"},       {"KZ", 20, "3n13c"},         {"LB", 28, "4n20c"},
    {"LC", 32, "4a24c"},       {"LI", 21, "5n12c"},         {"LT", 20, "5n11n"},
    {"LU", 20, "3n13c"},       {"LV", 21, "4a13c"},         {"LY", 25, "3n3n15n"},
    {"MC", 27, "5n5n11c2n"},   {"MD", 24, "2c18c"},         {"ME", 22, "3n13n2n"},
    {"MK", 19, "3n10c2n"},     {"MN", 20, "4n12n"},         {"MR", 27, "5n5n11n2n"},
    {"MT", 31, "4a5n18c"},     {"MU", 30, "4a2n2n12n3n3a"}, {"NI", 28, "4a20n"},
    {"NL", 18, "4a10n"},       {"NO", 15, "4n6n1n"},        {"OM", 23, "3n16c"},
    {"PK", 24, "4a16c"},       {"PL", 28, "8n16n"},         {"PS", 29, "4a21c"},
    {"PT", 25, "4n4n11n2n"},   {"QA", 29, "4a21c"},         {"RO", 24, "4a16c"},
    {"RS", 22, "3n13n2n"},     {"RU", 33, "9n5n15c"},       {"SA", 24, "2n18c"},
    {"SC", 31, "4a2n2n16n3a"}, {"SD", 18, "2n12n"},         {"SE", 24, "3n16n1n"},
    {"SI", 19, "5n8n2n"},      {"SK", 24, "4n6n10n"},       {"SM", 27, "1a5n5n12c"},
    {"SO", 23, "4n3n12n"},     {"ST", 25, "4n4n11n2n"},     {"SV", 28, "4a20n"},
    {"TL", 23, "3n14n2n"},     {"TN", 24, "2n3n13n2n"},     {"TR", 26, "5n1n16c"},
    {"UA", 29, "6n19c"},       {"VA", 22, "3n15n"},         {"VG", 24, "4a16n"},
    {"XK", 20, "4n10n2n"},     {"YE", 30, "4a4n18c"},
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

namespace {

const IbanCountry* iban_country(std::string_view country_code) noexcept {
  auto it = std::lower_bound(
      std::begin(kIbanCountries), std::end(kIbanCountries), country_code,
      [](const IbanCountry& c, std::string_view code) { return std::string_view(c.code) < code; });
  if (it == std::end(kIbanCountries) || std::string_view(it->code) != country_code) return nullptr;
  return it;
}

// Positions where the registry lets a country's BBAN hold a letter ('a' or 'c').
int letter_positions(std::string_view bban) noexcept {
  int positions = 0, run = 0;
  for (const char f : bban) {
    if (is_digit(f)) {
      run = run * 10 + (f - '0');
      continue;
    }
    if (f != 'n') positions += run;
    run = 0;
  }
  return positions;
}

}  // namespace

std::optional<int> iban_length(std::string_view country_code) noexcept {
  const IbanCountry* country = iban_country(country_code);
  if (!country) return std::nullopt;
  return country->length;
}

bool iban_structure_valid(std::string_view iban_compact) noexcept {
  if (iban_compact.size() < 4) return false;
  const char code[] = {static_cast<char>(iban_compact[0] & ~0x20),
                       static_cast<char>(iban_compact[1] & ~0x20)};
  const IbanCountry* country = iban_country(std::string_view(code, 2));
  if (!country || iban_compact.size() != static_cast<std::size_t>(country->length)) return false;
  const std::string_view bban = iban_compact.substr(4);
  if (!std::all_of(bban.begin(), bban.end(),
                   [](char c) { return is_digit(c) || is_upper(c) || is_lower(c); }))
    return false;
  const auto letters = std::count_if(bban.begin(), bban.end(), [](char c) { return !is_digit(c); });
  return letters <= letter_positions(country->bban);
}

}  // namespace insightd::governance
