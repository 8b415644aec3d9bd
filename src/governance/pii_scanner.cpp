// SPDX-License-Identifier: Apache-2.0
#include <re2/re2.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "insightd/governance/pii.hpp"
#include "pii_phone.hpp"
#include "pii_rules.hpp"
#include "pii_text.hpp"

namespace insightd::governance {

using namespace scan_text;

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

// 12-19 digits starting with an issuer digit 2-6, unseparated or in any
// grouping by single spaces or dashes.
constexpr std::string_view kCardPattern = R"(\b[2-6]\d(?:[ \-]?\d){10,17}\b)";

// Candidate spans only: libphonenumber decides (pii_phone.cpp).
constexpr std::string_view kPhonePattern =
    // international, any grouping: "+44 (0)20 7946 0958", "+33 1 23 45 67 89", "0049 30 1234567",
    // after an exit code: "011 33 1 23 45 67 89", "00 44 20 7946 0958", "0011 61 2 9876 5432"
    R"((?:\+|\b(?:00|011)[ .\-]?)[1-9](?:[ .\-/]?(?:\(\d{1,4}\)|\d{1,6})){1,8})"
    // national with an area code in brackets: "(555) 123-4567", "1 (800) 555-0199", "(089) 1234567"
    R"(|(?:\b1[ .\-]?)?\(\d{1,5}\)[ .\-]?\d{1,8}(?:[ .\-/]\d{1,8}){0,5}\b)"
    // national, separated, enough digits to be a number ("29.99", "00-12" are not):
    // "030 1234567", "089/1234567", "555-1234"; "212-555-0100", "01 23 45 67 89"
    R"(|\b\d{1,5}[ .\-/]\d{4,8}\b|\b\d{1,5}[ .\-/]\d{2,8}(?:[ .\-/]\d{2,8}){1,5}\b)"
    // after a trunk prefix 0, a longer first group or a one-digit area code:
    // "098450 12347" (IN), "06 1 458 3012" (HU)
    R"(|\b0\d{0,5}[ .\-/]\d{1,8}(?:[ .\-/]\d{2,8}){0,5}\b)"
    // a bare run, a candidate only after a phone word: "call 2125550100"
    R"(|\b\d{7,15}\b)";

constexpr std::string_view kIbanPattern = R"(\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30})";

constexpr std::string_view kRoutingPattern = R"(\b\d{9}\b)";

constexpr std::string_view kIpv4Pattern = R"(\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b)";

// Hex groups joined by colons ("::" included), an IPv4 tail allowed.
constexpr std::string_view kIpv6Pattern = R"([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}){0,3})";

#define INSIGHTD_MONTH "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?"
// Dates: "24.11.2026", "11/24/85", "1985-03-02", "4 July 1979", "4th of July, 1979", "July 4, 1979".
constexpr std::string_view kDatePattern = R"(\b\d{1,4}[./\-]\d{1,2}[./\-]\d{2,4}\b)"
                                          "|(?i:\\b\\d{1,2}(?:st|nd|rd|th)?\\.?(?: of)?[ \\-]" INSIGHTD_MONTH
                                          ",?[ \\-]\\d{2,4}\\b)"
                                          "|(?i:\\b" INSIGHTD_MONTH " \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b)";
#undef INSIGHTD_MONTH

std::unique_ptr<const RE2> compile(std::string_view pattern) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_longest_match(true);
  options.set_log_errors(false);
  auto re = std::make_unique<const RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re->ok()) throw std::logic_error("PII pattern does not compile: " + re->error());
  return re;
}

using Confirm = std::optional<rules::Span> (*)(std::string_view, rules::Span, const rules::RuleContext&);
std::optional<rules::Span> accept(std::string_view, rules::Span span, const rules::RuleContext&) {
  return span;
}

// Every confirmed candidate of one kind in `window`, left to right.
void collect(const RE2& re, PiiKind kind, Confirm confirm, std::string_view text, rules::Span window,
             const rules::RuleContext& ctx, std::vector<Finding>& out) {
  const re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece match;
  std::size_t pos = window.begin;
  while (pos < window.end && re.Match(whole, pos, window.end, RE2::UNANCHORED, &match, 1)) {
    const auto begin = static_cast<std::size_t>(match.data() - text.data());
    const rules::Span span{begin, begin + match.size()};
    if (const auto confirmed = confirm(text, span, ctx)) {
      out.push_back({kind, confirmed->begin, confirmed->end});
      pos = std::max(confirmed->end, begin + 1);
    } else {
      pos = begin + 1;  // a shorter candidate may start inside a rejected one
    }
  }
}

// Every date of birth, left to right: a date may be one because it follows
// another in a list ("DOBs 01/02/1980 and 03/04/1982").
void collect_dobs(const RE2& date, std::string_view text, const rules::RuleContext& ctx,
                  std::vector<Finding>& out) {
  const re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece match;
  std::size_t previous_dob_end = std::string_view::npos;
  std::size_t pos = 0;
  while (pos < text.size() && date.Match(whole, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const auto begin = static_cast<std::size_t>(match.data() - text.data());
    const auto confirmed = rules::confirm_dob(text, {begin, begin + match.size()}, ctx, previous_dob_end);
    if (confirmed) {
      out.push_back({PiiKind::dob, confirmed->begin, confirmed->end});
      previous_dob_end = confirmed->end;
    }
    pos = confirmed ? std::max(confirmed->end, begin + 1) : begin + 1;
  }
}

// A number read out in comma-separated groups ("call me on 07856, 214, 309"):
// the run of digit groups joined by ", " (never a thousands separator, which
// has no space) from the group ending at `comma` is one candidate. Returns
// where the run ends.
bool group_after(std::string_view text, std::size_t comma) noexcept {
  return comma + 2 < text.size() && text[comma] == ',' && text[comma + 1] == ' ' && is_digit(text[comma + 2]);
}

std::size_t collect_dictated_phone(std::string_view text, std::size_t comma, const rules::RuleContext& ctx,
                                   std::vector<Finding>& out) {
  std::size_t begin = comma;
  while (begin > 0 && is_digit(text[begin - 1])) --begin;
  std::size_t end = comma;
  while (group_after(text, end)) {
    end += 2;
    while (end < text.size() && is_digit(text[end])) ++end;
  }
  if (const auto confirmed = rules::confirm_dictated_phone(text, {begin, end}, ctx))
    out.push_back({PiiKind::phone, confirmed->begin, confirmed->end});
  return end;
}

bool overlaps(const Finding& a, const Finding& b) noexcept {
  return a.begin < b.end && b.begin < a.end;
}

// On the same span, the kind confirmed by the stricter rule wins.
int specificity(PiiKind kind) noexcept {
  switch (kind) {
    case PiiKind::iban:
      return 7;
    case PiiKind::card:
      return 6;
    case PiiKind::ssn:
      return 5;
    case PiiKind::routing:
      return 4;
    case PiiKind::dob:
      return 3;
    case PiiKind::ip:
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

bool enabled(const PiiOptions& options, PiiKind kind) {
  return std::find(options.kinds.begin(), options.kinds.end(), kind) != options.kinds.end();
}

rules::Date today() {
  const std::chrono::year_month_day ymd(
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace

// A numeric kind: its own shape (run anchored where a candidate starts), a
// cheap necessary condition for that shape to start there, and the rule that
// confirms it.
struct NumericKind {
  PiiKind kind;
  std::string_view pattern;
  Confirm confirm;
  std::size_t min_digits;  // fewer digits in the number from the start: the kind cannot start there
  StartsLike starts_like;
  std::unique_ptr<const RE2> shape = nullptr;
};

struct PiiScanner::Patterns {
  explicit Patterns(const PiiOptions& options) : phones(options.default_region) {
    const NumericKind all[] = {
        {PiiKind::phone, kPhonePattern, rules::confirm_phone, 7, any_start},
        {PiiKind::ssn, kSsnPattern, rules::confirm_ssn, 9, starts_like_ssn},
        {PiiKind::card, kCardPattern, rules::confirm_card, 12, starts_like_card},
        {PiiKind::routing, kRoutingPattern, rules::confirm_routing, 9, starts_like_routing},
        {PiiKind::ip, kIpv4Pattern, rules::confirm_ipv4, 4, starts_like_ipv4},
    };
    for (const auto& k : all) {
      if (!enabled(options, k.kind)) continue;
      numeric.push_back({k.kind, k.pattern, k.confirm, k.min_digits, k.starts_like, compile(k.pattern)});
      min_digits = std::min(min_digits, k.min_digits);
    }
    phones_enabled = enabled(options, PiiKind::phone);
    if (enabled(options, PiiKind::iban)) iban = compile(kIbanPattern);
    if (enabled(options, PiiKind::email)) email = compile(kEmailPattern);
    if (enabled(options, PiiKind::ip)) ipv6 = compile(kIpv6Pattern);
    if (enabled(options, PiiKind::dob)) date = compile(kDatePattern);
  }

  rules::PhoneValidator phones;
  bool phones_enabled = false;
  static constexpr std::size_t kMinDictatedDigits = 7;
  std::unique_ptr<const RE2> email;
  std::unique_ptr<const RE2> iban;
  std::vector<NumericKind> numeric;
  std::size_t min_digits = std::numeric_limits<std::size_t>::max();
  std::unique_ptr<const RE2> ipv6;
  std::unique_ptr<const RE2> date;

  // Every numeric candidate lies inside one run of number characters, and an
  // IBAN's check digits start one: runs with too few digits (most of them:
  // "3 days", "$29.99", "08:15") cost no regex at all, and in the others each
  // kind is tried, anchored, only where its shape can start.
  void collect_numeric(std::string_view text, std::size_t text_digits, const rules::RuleContext& ctx,
                       std::vector<Finding>& out) const {
    const bool ibans = iban && text_digits >= kIbanMinDigits;
    if (!ibans && text_digits < min_digits) return;
    // Only runs with a digit matter: jump from digit to digit (one compare a
    // byte), then widen to the whole run.
    const bool dictated = phones_enabled && text_digits >= kMinDictatedDigits;
    std::size_t dictated_end = 0;
    for (std::size_t i = 0, previous_end = 0; i < text.size(); previous_end = i) {
      while (i < text.size() && !is_digit(text[i])) ++i;
      if (i == text.size()) break;
      std::size_t run_begin = i;
      while (run_begin > previous_end && in_number(text[run_begin - 1])) --run_begin;
      std::size_t run_digits = 0;
      for (; i < text.size() && in_number(text[i]); ++i) run_digits += is_digit(text[i]) ? 1 : 0;
      // Runs end at a comma: a number read out in groups continues after it.
      if (dictated && i >= dictated_end && group_after(text, i) && is_digit(text[i - 1]))
        dictated_end = collect_dictated_phone(text, i, ctx, out);
      if (ibans && starts_like_iban(text, run_begin)) collect_iban(text, run_begin - 2, ctx, out);
      if (run_digits < min_digits) continue;
      for (std::size_t begin = run_begin; begin < i; ++begin) {
        if (!may_start_candidate(text, begin)) continue;
        const std::size_t digits = digits_in_run(text, begin);
        for (const auto& k : numeric) {
          if (digits >= k.min_digits && k.starts_like(text, begin))
            collect_at(*k.shape, k.kind, k.confirm, text, begin, ctx, out);
        }
      }
    }
  }

  void collect_iban(std::string_view text, std::size_t begin, const rules::RuleContext& ctx,
                    std::vector<Finding>& out) const {
    collect_at(*iban, PiiKind::iban, rules::confirm_iban, text, begin, ctx, out);
  }

  // The candidate of one shape anchored at `begin`, if the rule confirms it.
  static void collect_at(const RE2& shape, PiiKind kind, Confirm confirm, std::string_view text,
                         std::size_t begin, const rules::RuleContext& ctx, std::vector<Finding>& out) {
    const re2::StringPiece whole(text.data(), text.size());
    re2::StringPiece match;
    if (!shape.Match(whole, begin, text.size(), RE2::ANCHOR_START, &match, 1)) return;
    if (const auto confirmed = confirm(text, {begin, begin + match.size()}, ctx))
      out.push_back({kind, confirmed->begin, confirmed->end});
  }
};

PiiScanner::PiiScanner() : PiiScanner(PiiOptions{}) {}
PiiScanner::PiiScanner(const PiiOptions& options) : patterns_(std::make_unique<const Patterns>(options)) {}
PiiScanner::~PiiScanner() = default;
PiiScanner::PiiScanner(PiiScanner&&) noexcept = default;
PiiScanner& PiiScanner::operator=(PiiScanner&&) noexcept = default;

std::vector<Finding> PiiScanner::scan(std::string_view text) const {
  const auto& p = *patterns_;
  rules::RuleContext ctx{&p.phones, {}};
  std::vector<Finding> found;
  if (p.email && contains(text, '@')) {
    for_each_stretch_around(text, '@', in_email_local, in_email_domain, [&](rules::Span window) {
      collect(*p.email, PiiKind::email, accept, text, window, ctx, found);
    });
  }
  const std::size_t digits = count_digits(text);
  p.collect_numeric(text, digits, ctx, found);
  if (p.ipv6 && two_colons(text) && may_hold_ipv6(text)) {
    for_each_stretch_around(text, ':', in_ipv6, in_ipv6, [&](rules::Span window) {
      collect(*p.ipv6, PiiKind::ip, rules::confirm_ipv6, text, window, ctx, found);
    });
  }
  if (p.date && digits >= 4 && has_birth_stem(text)) {
    ctx.today = today();
    collect_dobs(*p.date, text, ctx, found);
  }
  if (found.size() < 2) return found;
  return resolve_overlaps(std::move(found));
}

}  // namespace insightd::governance
