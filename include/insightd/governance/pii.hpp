#pragma once
// PII detection and masking in insight text (SPEC §5, issue 5).
//
// Detected kinds and the rules that keep them precise:
// - email: a pragmatic RFC 5322 subset (dot-atom local part, dotted domain with
//   an alphabetic TLD); non-ASCII bytes are allowed in the local part and the
//   domain labels so internationalised addresses are not leaked.
// - phone: E.164 (`+CC ...`), NANP `(555) 123-4567` / `555-123-4567` /
//   `1-800-555-0199`, and trunk-prefixed national numbers `030 1234567`,
//   `020 7946 0958`, `01 23 45 67 89`, `(089) 1234567` with space, dot, dash,
//   slash or bracket separators. Weak shapes (a 7-digit local `555-1234`, an
//   unseparated 10-11 digit national number) count only after a phone word
//   ("call", "phone", "mobile" ...). Dates and times never count, and neither
//   does a number introduced by an identifier word ("order", "ticket",
//   "tracking", "invoice" ...).
// - card: 13-19 digits, unseparated or grouped by single spaces/dashes (first
//   group 4 digits, middle groups 4-6), starting 2-6 (the issuer ranges in
//   use) and passing the Luhn check; not when embedded in a longer digit run
//   or continuing group sequence, nor an unseparated run after an identifier
//   word ("order 6011...", "tracking ...").
// - ssn: `AAA-GG-SSSS` or `AAA GG SSSS`, excluding area 000/666/9xx, group 00
//   and serial 0000. Unseparated 9-digit numbers are NOT detected: without a
//   separator they are indistinguishable from order and account numbers.
// - iban: country code with its registered length, check digits, optional
//   single spaces between characters, confirmed by the ISO 7064 mod-97 check.
//
// Text is scanned as bytes (RE2 Latin-1 mode; every pattern is ASCII), so
// invalid UTF-8 neither crashes nor escapes the scan. Spans start and end on
// ASCII bytes or whole UTF-8 sequences, so masking valid UTF-8 keeps it valid.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace insightd::governance {

enum class PiiKind { email, phone, card, ssn, iban };

inline constexpr PiiKind kAllPiiKinds[] = {PiiKind::email, PiiKind::phone, PiiKind::card, PiiKind::ssn,
                                           PiiKind::iban};

std::string_view to_string(PiiKind kind) noexcept;    // "email" | "phone" | "card" | "ssn" | "iban"
std::string_view placeholder(PiiKind kind) noexcept;  // "[EMAIL]" | "[PHONE]" | ...

// One PII occurrence: the byte span [begin, end) of the scanned text.
struct Finding {
  PiiKind kind;
  std::size_t begin;
  std::size_t end;

  friend bool operator==(const Finding&, const Finding&) = default;
};

class PiiScanner {
 public:
  PiiScanner();  // compiles every pattern once; throws std::logic_error if one does not compile
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
