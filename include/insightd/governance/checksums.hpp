#pragma once
// Check-digit algorithms that confirm PII candidates.
#include <optional>
#include <string_view>

namespace insightd::governance {

// Luhn (ISO/IEC 7812-1) over a string of ASCII digits only; false for an
// empty string or any non-digit.
bool luhn_valid(std::string_view digits) noexcept;

// ISO 13616 IBAN without spaces: two letters, two check digits, then the
// BBAN in letters and digits (letters of either case); true when the ISO 7064
// mod-97 remainder is 1. Length is not checked here: see iban_length().
bool iban_valid(std::string_view iban_compact) noexcept;

// Registered IBAN length of a two-letter (upper-case) country code, or
// nullopt for a country without IBANs.
std::optional<int> iban_length(std::string_view country_code) noexcept;

}  // namespace insightd::governance
