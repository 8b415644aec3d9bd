// SPDX-License-Identifier: Apache-2.0
#pragma once
// PII detection and masking in insight text. docs/pii.md describes every kind,
// its rules and the measured precision and recall; in short:
// - email: a pragmatic RFC 5322 subset (non-ASCII local parts and domains too).
// - phone: RE2 finds candidate spans, libphonenumber decides: `+CC ...` and
//   `00CC ...` in any country's grouping, national numbers in the configured
//   default region. A bare digit run (no separator) is a candidate only after
//   a phone word ("call", "mobile" ...), which also admits a local-only number.
// - card: every scheme's IIN ranges and lengths (Visa, Mastercard, Amex,
//   Discover, JCB, Diners, UnionPay, Maestro, Mir), Luhn always, digits
//   unseparated or grouped by spaces or dashes in any grouping.
// - ssn: `AAA-GG-SSSS` / `AAA GG SSSS` in the issued ranges.
// - iban: registered length per country and the ISO 7064 mod-97 check.
// - dob: a date (numeric or with a month name) after a birth word.
// - routing: a 9-digit ABA routing number (checksum, Federal Reserve prefix)
//   after a routing word or next to an account word.
// - ip: IPv4 dotted quads and IPv6 addresses (inet_pton decides).
// Context words only ever add a finding (promote a weak candidate); no word
// removes a checksum- or libphonenumber-valid one.
//
// Text is scanned as bytes (RE2 Latin-1 mode; every pattern is ASCII), so
// invalid UTF-8 neither crashes nor escapes the scan. Spans start and end on
// ASCII bytes or whole UTF-8 sequences, so masking valid UTF-8 keeps it valid.
#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "insightd/common/enum_names.hpp"

namespace insightd::governance {

enum class PiiKind { email, phone, card, ssn, iban, dob, routing, ip };
BOOST_DESCRIBE_ENUM(PiiKind, email, phone, card, ssn, iban, dob, routing, ip)

inline constexpr PiiKind kAllPiiKinds[] = {PiiKind::email, PiiKind::phone, PiiKind::card,    PiiKind::ssn,
                                           PiiKind::iban,  PiiKind::dob,   PiiKind::routing, PiiKind::ip};

// The kind's name, as in config (`governance.detect`), metric labels and the
// audit record: "email" | "phone" | "card" | "ssn" | "iban" | "dob" | "routing" | "ip".
std::string_view to_string(PiiKind kind) noexcept;
std::optional<PiiKind> parse_pii_kind(std::string_view name) noexcept;
std::string_view placeholder(
    PiiKind kind) noexcept;  // "[EMAIL]" | "[PHONE]" | ... | "[DOB]" | "[ROUTING]" | "[IP]"

// True when libphonenumber knows the two-letter region code ("US", "DE").
bool is_phone_region(std::string_view region) noexcept;

struct PiiOptions {
  std::vector<PiiKind> kinds{std::begin(kAllPiiKinds), std::end(kAllPiiKinds)};
  std::string default_region = "US";  // how national phone numbers (no +CC) are read
};

// One PII occurrence: the byte span [begin, end) of the scanned text.
struct Finding {
  PiiKind kind;
  std::size_t begin;
  std::size_t end;

  friend bool operator==(const Finding&, const Finding&) = default;
};

class PiiScanner {
 public:
  // Compiles every pattern once; throws std::logic_error if one does not
  // compile and std::invalid_argument for a region libphonenumber does not know.
  PiiScanner();  // every kind, default region US
  explicit PiiScanner(const PiiOptions& options);
  ~PiiScanner();
  PiiScanner(PiiScanner&&) noexcept;
  PiiScanner& operator=(PiiScanner&&) noexcept;

  // Findings sorted by begin, never overlapping: when two candidates overlap,
  // the earlier one wins, then the longer one. Const and thread-safe.
  std::vector<Finding> scan(std::string_view text) const;

 private:
  struct Patterns;
  std::unique_ptr<const Patterns> patterns_;
};

// `text` with every finding replaced by its placeholder. Out-of-range findings
// are ignored; one that overlaps an earlier finding widens the earlier
// placeholder, so no byte of any finding survives.
std::string mask(std::string_view text, const std::vector<Finding>& findings);

}  // namespace insightd::governance
