// SPDX-License-Identifier: Apache-2.0
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

// The compact IBAN has its country's registered length, and its BBAN holds
// letters only where the registry has letter positions, no more letters than
// it has (Bahrain: 18; Moldova: 20; Germany: none). Digits may stand anywhere
// and a letter one place off passes: hand-typed and generated IBANs do both
// ("BR.. ...5493 1" with an all-digit tail). The check digits are iban_valid's.
bool iban_structure_valid(std::string_view iban_compact) noexcept;

// The payment-card scheme whose published IIN range and length the digits
// match ("visa", "mastercard", "amex", "discover", "jcb", "diners",
// "unionpay", "maestro", "mir"), or nullopt. The Luhn check is separate.
std::optional<std::string_view> card_brand(std::string_view digits) noexcept;

// A US bank routing (ABA) number: 9 digits, a Federal Reserve prefix
// (00-12, 21-32, 61-72, 80) and the 3-7-1 weighted checksum.
bool aba_routing_valid(std::string_view digits) noexcept;

}  // namespace insightd::governance
