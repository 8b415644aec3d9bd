#include "pii_context.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace insightd::governance::rules {

namespace {

constexpr std::size_t kMaxWords = 3;
constexpr std::size_t kMaxLookBack = 48;  // bytes
constexpr std::size_t kMaxWordLength = 16;

constexpr std::string_view kPhoneWords[] = {
    "call",    "called", "calling",   "callback", "phone",    "phoned",   "telephone", "tel",
    "mobile",  "cell",   "cellphone", "landline", "fax",      "whatsapp", "sms",       "text",
    "texted",  "dial",   "dialed",    "reach",    "reached",  "contact",  "ring",      "hotline",
    "telefon", "handy",  "rufnummer", "portable", "telefono", "tlf",      "mob",       "ph",
};
constexpr std::string_view kCardWords[] = {
    "card", "cards", "visa", "mastercard", "amex", "discover", "credit", "debit", "cc", "pan",
};
constexpr std::string_view kSsnWords[] = {"ssn", "social", "security", "ss", "tin", "taxpayer"};
constexpr std::string_view kIdentifierWords[] = {
    "order",   "orders",  "invoice",     "ticket",  "case",        "tracking",    "track",     "shipment",
    "parcel",  "package", "awb",         "waybill", "consignment", "ref",         "reference", "confirmation",
    "conf",    "booking", "reservation", "policy",  "claim",       "account",     "acct",      "sku",
    "serial",  "item",    "part",        "model",   "po",          "transaction", "txn",       "incident",
    "inc",     "job",     "batch",       "lot",     "receipt",     "membership",  "loyalty",   "meter",
    "version", "build",   "isbn",        "imei",    "vin",         "rma",         "pnr",
};
constexpr std::string_view kNumberWords[] = {"number", "num", "no", "nr", "nummer", "numero"};

// Punctuation that ends the clause the candidate belongs to: a word before it
// describes something else ("order 123, call 555-1234").
bool ends_clause(char c) noexcept {
  return c == ',' || c == ';' || c == '!' || c == '?';
}

bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

bool contains(const auto& words, std::string_view word) noexcept {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

bool is_ascii_letter(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

Cue cue_before(std::string_view text, std::size_t begin) noexcept {
  const std::size_t stop = begin > kMaxLookBack ? begin - kMaxLookBack : 0;
  std::size_t pos = std::min(begin, text.size());
  bool saw_number_word = false;
  for (std::size_t words = 0; words < kMaxWords;) {
    while (pos > stop && !is_ascii_letter(text[pos - 1])) {
      // Another number or clause in between: the words before it describe that.
      if (is_digit(text[pos - 1]) || ends_clause(text[pos - 1]))
        return saw_number_word ? Cue::phone : Cue::none;
      --pos;
    }
    if (pos == stop) break;
    const std::size_t word_end = pos;
    while (pos > stop && is_ascii_letter(text[pos - 1])) --pos;
    if (word_end - pos > kMaxWordLength) {
      ++words;
      continue;
    }
    std::string word(text.substr(pos, word_end - pos));
    std::transform(word.begin(), word.end(), word.begin(), lower);
    if (contains(kIdentifierWords, word)) return Cue::identifier;
    if (contains(kPhoneWords, word)) return Cue::phone;
    if (contains(kCardWords, word)) return Cue::card;
    if (contains(kSsnWords, word)) return Cue::ssn;
    if (contains(kNumberWords, word)) saw_number_word = true;
    ++words;
  }
  return saw_number_word ? Cue::phone : Cue::none;
}

}  // namespace insightd::governance::rules
