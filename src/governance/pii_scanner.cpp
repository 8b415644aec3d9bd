#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>

#include "insightd/governance/pii.hpp"
#include "pii_rules.hpp"

namespace insightd::governance {

namespace {

// The shapes of each kind. RE2 finds candidates in linear time; the rules in
// pii_rules.cpp confirm them (checksums, ranges, context). All patterns are
// ASCII and run in Latin-1 mode, i.e. over bytes, so invalid UTF-8 is scanned
// like any other text. `\x{80}-\x{ff}` admits UTF-8 sequences in e-mail
// addresses (josé@bücher.de); an apostrophe may join local-part atoms
// (d.o'brien@example.ie) but never starts one, so quotes around an address stay.
constexpr std::string_view kEmailPattern =
    R"([A-Za-z0-9_%+\-\x{80}-\x{ff}]+(?:['.][A-Za-z0-9_%+\-\x{80}-\x{ff}]+)*)"
    R"(@(?:[A-Za-z0-9\x{80}-\x{ff}](?:[A-Za-z0-9\x{80}-\x{ff}\-]*[A-Za-z0-9\x{80}-\x{ff}])?\.)+)"
    R"((?:[A-Za-z]{2,}|xn--[A-Za-z0-9\-]+))";

constexpr std::string_view kSsnPattern = R"(\b\d{3}[ \-]\d{2}[ \-]\d{4}\b)";

// 13-19 digits, unseparated or in groups, starting with an issuer digit 2-6.
constexpr std::string_view kCardPattern = R"(\b[2-6]\d{3}(?:[ \-]?\d){9,15}\b)";

constexpr std::string_view kPhonePattern =
    // E.164 / international: "+44 (0)20 7946 0958", "+1-555-123-4567", "+4915112345678"
    R"(\+[1-9](?:[ .\-]?(?:\(\d{1,4}\)|\d{1,6})){1,8})"
    // NANP: "(555) 123-4567", "555.123.4567", "1-800-555-0199"
    R"(|(?:\b1[ .\-]?)?(?:\(\d{3}\) ?|\b\d{3}[ .\-])\d{3}[ .\-]\d{4}\b)"
    // trunk-prefixed national: "030 1234567", "01 23 45 67 89", "089/1234567", "(089) 123456"
    R"(|\b0\d{1,4}(?:[ .\-/]\d{2,8}){1,4}\b)"
    R"(|\(0\d{1,4}\) ?\d{2,8}(?:[ .\-]\d{2,8}){0,3}\b)"
    // weak shapes, confirmed only by a phone word before them: "555-1234", "5551234567"
    R"(|\b[2-9]\d{2}[ .\-]\d{4}\b|\b\d{10,11}\b)";

constexpr std::string_view kIbanPattern = R"(\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30})";

std::unique_ptr<const RE2> compile(std::string_view pattern) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_longest_match(true);
  options.set_log_errors(false);
  auto re = std::make_unique<const RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re->ok()) throw std::logic_error("PII pattern does not compile: " + re->error());
  return re;
}

// Cheap facts that rule whole kinds out before any regex runs.
struct TextProfile {
  std::size_t digits = 0;
  bool has_at = false;

  explicit TextProfile(std::string_view text) noexcept {
    for (char c : text) {
      digits += (c >= '0' && c <= '9') ? 1 : 0;
      has_at |= c == '@';
    }
  }
};

using Confirm = std::optional<rules::Span> (*)(std::string_view, rules::Span);

std::optional<rules::Span> accept(std::string_view, rules::Span span) {
  return span;
}

// Every confirmed candidate of one kind, left to right.
void collect(const RE2& re, PiiKind kind, Confirm confirm, std::string_view text, std::vector<Finding>& out) {
  const re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece match;
  std::size_t pos = 0;
  while (pos < text.size() && re.Match(whole, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const auto begin = static_cast<std::size_t>(match.data() - text.data());
    const rules::Span span{begin, begin + match.size()};
    if (const auto confirmed = confirm(text, span)) {
      out.push_back({kind, confirmed->begin, confirmed->end});
      pos = std::max(confirmed->end, begin + 1);
    } else {
      pos = begin + 1;  // a shorter candidate may start inside a rejected one
    }
  }
}

bool overlaps(const Finding& a, const Finding& b) noexcept {
  return a.begin < b.end && b.begin < a.end;
}

// On the same span, the kind confirmed by the stricter rule wins.
int specificity(PiiKind kind) noexcept {
  switch (kind) {
    case PiiKind::iban:
      return 4;
    case PiiKind::card:
      return 3;
    case PiiKind::ssn:
      return 2;
    case PiiKind::email:
      return 1;
    case PiiKind::phone:
      return 0;
  }
  return 0;
}

// Longer findings win over the ones they overlap, then earlier ones, then
// the more specific kind.
std::vector<Finding> resolve_overlaps(std::vector<Finding> candidates) {
  std::sort(candidates.begin(), candidates.end(), [](const Finding& a, const Finding& b) {
    const auto la = a.end - a.begin, lb = b.end - b.begin;
    if (la != lb) return la > lb;
    if (a.begin != b.begin) return a.begin < b.begin;
    return specificity(a.kind) > specificity(b.kind);
  });
  std::vector<Finding> kept;
  for (const auto& c : candidates) {
    if (std::none_of(kept.begin(), kept.end(), [&](const Finding& k) { return overlaps(c, k); }))
      kept.push_back(c);
  }
  std::sort(kept.begin(), kept.end(), [](const Finding& a, const Finding& b) { return a.begin < b.begin; });
  return kept;
}

}  // namespace

// A numeric kind: its own shape (run anchored where a candidate starts) and
// the rule that confirms it.
struct NumericKind {
  PiiKind kind;
  std::unique_ptr<const RE2> shape;
  Confirm confirm;
  std::size_t min_digits;  // fewer digits in the whole text: the kind cannot occur
};

struct PiiScanner::Patterns {
  std::unique_ptr<const RE2> email = compile(kEmailPattern);
  NumericKind numeric[4] = {
      {PiiKind::iban, compile(kIbanPattern), rules::confirm_iban, 7},
      {PiiKind::phone, compile(kPhonePattern), rules::confirm_phone, 7},
      {PiiKind::ssn, compile(kSsnPattern), rules::confirm_ssn, 9},
      {PiiKind::card, compile(kCardPattern), rules::confirm_card, 13},
  };
  // The union of the numeric shapes: one linear pass finds every position
  // where some numeric candidate starts, instead of one pass per kind.
  std::unique_ptr<const RE2> any_numeric =
      compile(std::string("(?:") + std::string(kIbanPattern) + ")|(?:" + std::string(kPhonePattern) +
              ")|(?:" + std::string(kSsnPattern) + ")|(?:" + std::string(kCardPattern) + ")");

  void collect_numeric(std::string_view text, std::size_t digits, std::vector<Finding>& out) const {
    const re2::StringPiece whole(text.data(), text.size());
    re2::StringPiece match;
    std::size_t pos = 0;
    while (pos < text.size() && any_numeric->Match(whole, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
      const auto begin = static_cast<std::size_t>(match.data() - text.data());
      for (const auto& k : numeric) {
        if (digits < k.min_digits || !k.shape->Match(whole, begin, text.size(), RE2::ANCHOR_START, &match, 1))
          continue;
        if (const auto confirmed = k.confirm(text, {begin, begin + match.size()})) {
          out.push_back({k.kind, confirmed->begin, confirmed->end});
        }
      }
      pos = begin + 1;  // candidates of any kind may start inside this one
    }
  }
};

PiiScanner::PiiScanner() : patterns_(std::make_unique<const Patterns>()) {}
PiiScanner::~PiiScanner() = default;
PiiScanner::PiiScanner(PiiScanner&&) noexcept = default;
PiiScanner& PiiScanner::operator=(PiiScanner&&) noexcept = default;

std::vector<Finding> PiiScanner::scan(std::string_view text) const {
  const TextProfile profile(text);
  std::vector<Finding> found;
  if (profile.has_at) collect(*patterns_->email, PiiKind::email, accept, text, found);
  if (profile.digits >= 7) patterns_->collect_numeric(text, profile.digits, found);
  if (found.size() < 2) return found;
  return resolve_overlaps(std::move(found));
}

}  // namespace insightd::governance
