// SPDX-License-Identifier: Apache-2.0
#include "pii_context.hpp"

#include <algorithm>
#include <string>

#include "ascii.hpp"

namespace insightd::governance::rules {

using ascii::is_digit;
using ascii::lower;

namespace {

constexpr std::size_t kMaxWords = 4;
constexpr std::size_t kMaxLookBack = 48;  // bytes
constexpr std::size_t kAccountWindow = 64;
constexpr std::size_t kMaxWordLength = 16;

constexpr std::string_view kPhoneWords[] = {
    "call",     "called", "calling", "callback",  "phone",     "phoned",      "telephone",
    "tel",      "mobile", "cell",    "cellphone", "landline",  "fax",         "whatsapp",
    "sms",      "text",   "texted",  "dial",      "dialed",    "reach",       "reached",
    "contact",  "ring",   "hotline", "telefon",   "handy",     "rufnummer",   "portable",
    "telefono", "tlf",    "mob",     "ph",        "reachable", "contactable", "cellular",
};
constexpr std::string_view kBirthWords[] = {
    "born",   "birth",     "birthday",   "birthdate", "dob",        "geboren", "geburtsdatum",
    "geburt", "naissance", "nacimiento", "nascita",   "nascimento", "nee",     "née",
};
constexpr std::string_view kRoutingWords[] = {"routing", "aba", "rtn", "transit"};
// What a four-part version number follows ("SDK is 1.2.10.7", "upgraded to
// 10.0.0.1"): software words, and the linking words between them and the number.
constexpr std::string_view kSoftwareWords[] = {
    "version",    "versions", "ver",      "v",       "build",    "firmware",  "fw",
    "release",    "rev",      "revision", "sdk",     "app",      "os",        "ios",
    "android",    "patch",    "update",   "updated", "upgrade",  "upgraded",  "upgrading",
    "downgraded", "driver",   "kernel",   "plugin",  "software", "installed",
};
constexpr std::string_view kLinkingWords[] = {"is", "was", "are", "now", "still", "currently", "running",
                                              "on", "at",  "of",  "the", "to",    "from",      "as"};
// What may come between "birth"/"birthday" and a date of birth ("birthday is",
// "birth date", "date of birth verified as"). Any other word makes the birth word
// describe that thing ("birthday present on 20 Nov", "birthday sale"), not the date.
constexpr std::string_view kBirthLinkWords[] = {
    "is",        "was",      "date",       "day",       "of",     "on",      "as",
    "at",        "in",       "to",         "be",        "listed", "given",   "verified",
    "confirmed", "recorded", "registered", "provided",  "stated", "shown",   "entered",
    "noted",     "updated",  "changed",    "corrected", "reads",  "matches", "matched",
};
constexpr std::string_view kAttributiveBirthWords[] = {"birth", "birthday"};
// Only stop a "number" word from promoting a bare digit run; they never
// remove a finding.
constexpr std::string_view kIdentifierWords[] = {
    "order",  "orders",   "invoice",     "ticket",  "case",        "tracking",    "track",     "shipment",
    "parcel", "package",  "awb",         "waybill", "consignment", "ref",         "reference", "confirmation",
    "conf",   "booking",  "reservation", "policy",  "claim",       "account",     "acct",      "sku",
    "serial", "item",     "part",        "model",   "po",          "transaction", "txn",       "incident",
    "inc",    "job",      "batch",       "lot",     "receipt",     "membership",  "loyalty",   "meter",
    "isbn",   "imei",     "vin",         "rma",     "pnr",         "rx",          "customer",  "member",
    "id",     "employee", "store",       "room",    "flight",      "quote",       "contract",  "agent",
};
constexpr std::string_view kNumberWords[] = {"number", "num", "no", "nr", "nummer", "numero"};
constexpr std::string_view kAccountWords[] = {"account", "acct", "checking", "savings"};

// Punctuation that ends the clause the candidate belongs to: a word before it
// describes something else ("order 123, call 555-1234").
bool ends_clause(char c) noexcept {
  return c == ',' || c == ';' || c == '!' || c == '?';
}

// ASCII letters and the bytes of UTF-8 sequences ("née").
bool is_word_byte(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (static_cast<unsigned char>(c) & 0x80);
}

bool contains(const auto& words, std::string_view word) noexcept {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

std::string lowered(std::string_view word) {
  std::string out(word);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

Cue cue_of(const std::string& word) noexcept {
  if (contains(kPhoneWords, word)) return Cue::phone;
  if (contains(kBirthWords, word)) return Cue::birth;
  if (contains(kRoutingWords, word)) return Cue::routing;
  if (contains(kIdentifierWords, word)) return Cue::identifier;
  return Cue::none;
}

// The words before `begin` in its clause, nearest first (at most kMaxWords,
// looking back at most kMaxLookBack bytes), lowered: visit(word, position)
// returns true to stop. Another number or the end of a clause in between stops
// the walk: the words before it describe that.
template <typename Visit>
void words_before(std::string_view text, std::size_t begin, Visit visit) {
  const std::size_t stop = begin > kMaxLookBack ? begin - kMaxLookBack : 0;
  std::size_t pos = std::min(begin, text.size());
  for (std::size_t words = 0; words < kMaxWords; ++words) {
    while (pos > stop && !is_word_byte(text[pos - 1])) {
      if (is_digit(text[pos - 1]) || ends_clause(text[pos - 1])) return;
      --pos;
    }
    if (pos == stop) return;
    const std::size_t word_end = pos;
    while (pos > stop && is_word_byte(text[pos - 1])) --pos;
    if (word_end - pos > kMaxWordLength) continue;
    if (visit(lowered(text.substr(pos, word_end - pos)), pos)) return;
  }
}

}  // namespace

Cue cue_before(std::string_view text, std::size_t begin) noexcept {
  Cue cue = Cue::none;
  bool saw_number_word = false;
  std::string after;  // the word between this one and the candidate, nearest to this one
  words_before(text, begin, [&](const std::string& word, std::size_t pos) {
    // "D.O.B." reads as the letters b, o, d from the right.
    if (word == "b" && pos >= 4 && lowered(text.substr(pos - 4, 4)) == "d.o.") {
      cue = Cue::birth;
      return true;
    }
    cue = cue_of(word);
    if (cue == Cue::birth && contains(kAttributiveBirthWords, word) && !after.empty() &&
        !contains(kBirthLinkWords, after)) {
      cue = Cue::none;
      saw_number_word = false;
      return true;
    }
    if (cue != Cue::none) return true;
    saw_number_word |= contains(kNumberWords, word);
    after = word;
    return false;
  });
  if (cue != Cue::none) return cue;
  return saw_number_word ? Cue::number : Cue::none;
}

bool software_word_before(std::string_view text, std::size_t begin) noexcept {
  bool software = false;
  words_before(text, begin, [&](const std::string& word, std::size_t) {
    if (contains(kLinkingWords, word)) return false;
    software = contains(kSoftwareWords, word);
    return true;
  });
  return software;
}

bool account_word_near(std::string_view text, std::size_t begin, std::size_t end) noexcept {
  const std::size_t from = begin > kAccountWindow ? begin - kAccountWindow : 0;
  const std::size_t to = std::min(text.size(), end + kAccountWindow);
  std::size_t pos = from;
  while (pos < to) {
    while (pos < to && !is_word_byte(text[pos])) ++pos;
    const std::size_t start = pos;
    while (pos < to && is_word_byte(text[pos])) ++pos;
    if (pos - start <= kMaxWordLength && contains(kAccountWords, lowered(text.substr(start, pos - start))))
      return true;
  }
  return false;
}

}  // namespace insightd::governance::rules
