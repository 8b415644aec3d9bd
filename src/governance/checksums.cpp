#include "insightd/governance/checksums.hpp"

#include <algorithm>
#include <iterator>

namespace insightd::governance {

namespace {

bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) noexcept {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) noexcept {
  return c >= 'a' && c <= 'z';
}

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

}  // namespace

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
