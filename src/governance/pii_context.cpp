// SPDX-License-Identifier: Apache-2.0
#include "pii_context.hpp"

#include <algorithm>
#include <string>

#include "ascii.hpp"
#include "pii_words.hpp"

namespace insightd::governance::rules {

using ascii::is_digit;
using ascii::lower;

namespace {

// How far the rules read around a candidate, in words and in bytes.
constexpr std::size_t kMaxWords = 4;
constexpr std::size_t kMaxLookBack = 48;  // bytes
constexpr std::size_t kAccountWindow = 64;
constexpr std::size_t kMaxWordLength = 16;
constexpr std::size_t kMaxSentenceLookBack = 120;  // bytes
constexpr std::size_t kMaxWordsAfter = 3;
constexpr std::size_t kMaxPhoneWordsAfter = 4;
constexpr std::size_t kMaxAnswerWords = 4;
constexpr std::size_t kMaxListGap = 32;        // bytes between two dates of one list
constexpr std::size_t kMaxTurnLookBack = 160;  // bytes of the previous turn read back
constexpr std::size_t kMaxLabelWords = 5;
constexpr std::size_t kMaxEventWordsAfter = 5;  // "12/05/2026 is the card's expiry"
constexpr std::size_t kMaxLabelLookBack = 72;   // bytes

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
  if (contains(words::kPhoneWords, word)) return Cue::phone;
  if (contains(words::kBirthWords, word)) return Cue::birth;
  if (contains(words::kRoutingWords, word)) return Cue::routing;
  if (contains(words::kIdentifierWords, word)) return Cue::identifier;
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
  bool crossed = false;  // a clause mark between the candidate and the first word
  for (std::size_t words = 0; words < kMaxWords; ++words) {
    while (pos > stop && !is_word_byte(text[pos - 1])) {
      const char c = text[pos - 1];
      if (is_digit(c)) return;
      // A mark glued to the word right before the candidate ("date of birth,
      // 14/03/1968", "your date of birth? 14 March 1968", "Mobile; 2125550100")
      // separates a label from its value: that one word still names it.
      if (ends_clause(c) && (words > 0 || crossed || pos < 2 || !is_word_byte(text[pos - 2]))) return;
      crossed = crossed || ends_clause(c);
      --pos;
    }
    if (pos == stop) return;
    const std::size_t word_end = pos;
    while (pos > stop && is_word_byte(text[pos - 1])) --pos;
    const std::string_view word = text.substr(pos, word_end - pos);
    // Long words say nothing; an en or em dash is UTF-8 but no word.
    if (word.size() > kMaxWordLength || word == "\u2013" || word == "\u2014") continue;
    if (visit(lowered(word), pos) || crossed) return;
  }
}

// "D.O.B." reads as the letters b, o, d from the right.
bool dob_abbreviation(std::string_view text, const std::string& word, std::size_t pos) {
  return word == "b" && pos >= 4 && lowered(text.substr(pos - 4, 4)) == "d.o.";
}

// A birth word followed by `after` speaks of a date of birth: "birth" and
// "birthday" followed by a word other than a linking one describe that word
// ("birthday present", "birth certificate").
bool names_a_birth(const std::string& word, const std::string& after) {
  return !contains(words::kAttributiveBirthWords, word) || after.empty() ||
         contains(words::kBirthLinkWords, after);
}

// In a question the birth word is followed by anything ("date of birth for
// verification?", "... on the account?"): only a thing it describes
// ("birthday party?") says it is no date of birth.
bool asks_for_a_birth(const std::string& word, const std::string& after) {
  return !contains(words::kAttributiveBirthWords, word) || !contains(words::kBirthThings, after);
}

// The word at `pos` is the first of a sentence, a turn or the text.
bool starts_sentence(std::string_view text, std::size_t pos) noexcept {
  while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '"' || text[pos - 1] == '(')) --pos;
  if (pos == 0) return true;
  const char c = text[pos - 1];
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '\t';
}

}  // namespace

Cue cue_before(std::string_view text, std::size_t begin) noexcept {
  Cue cue = Cue::none;
  bool saw_number_word = false;
  std::string after;  // the word between this one and the candidate, nearest to this one
  words_before(text, begin, [&](const std::string& word, std::size_t pos) {
    cue = cue_of(word);
    if (dob_abbreviation(text, word, pos)) cue = Cue::birth;
    if (cue == Cue::birth && !names_a_birth(word, after)) {
      cue = Cue::none;
      saw_number_word = false;
      return true;
    }
    if (cue != Cue::none) return true;
    saw_number_word |= contains(words::kNumberWords, word);
    after = word;
    return false;
  });
  if (cue != Cue::none) return cue;
  return saw_number_word ? Cue::number : Cue::none;
}

namespace {

// A single '.' before a space or line break ends a sentence; an ellipsis
// ("the fifth of... 5 January") and a version's dots do not.
bool ends_sentence_at(std::string_view text, char c, std::size_t at) noexcept {
  if (c == '.') {
    const bool before_space = at == text.size() || text[at] == ' ' || text[at] == '\n';
    return before_space && !(at >= 2 && text[at - 2] == '.');
  }
  return c == '?' || c == '!' || c == ';' || c == '\n';
}

// The words between `stop` and `pos`, nearest first, lowered: a byte between
// words for which ends(c, at) holds ends the walk (`at` is just past it), and
// visit(word, position) returns true to stop.
template <typename Ends, typename Visit>
void words_back(std::string_view text, std::size_t pos, std::size_t stop, Ends ends, Visit visit) {
  while (pos > stop) {
    const char c = text[pos - 1];
    if (ends(c, pos)) return;
    if (!is_word_byte(c)) {
      --pos;
      continue;
    }
    const std::size_t word_end = pos;
    while (pos > stop && is_word_byte(text[pos - 1])) --pos;
    if (visit(lowered(text.substr(pos, word_end - pos)), pos)) return;
  }
}

// "from" or "to" right before the number at `begin`, and before it in its
// sentence a word of moving software between versions, with no network word:
// "Upgraded client from 8.0.0.1 to 8.0.1.3", "rolled the firmware back to 5.0.9.9".
bool moved_between_versions(std::string_view text, std::size_t begin) {
  std::size_t pos = begin;
  while (pos > 0 && text[pos - 1] == ' ') --pos;
  const std::size_t first_end = pos;
  while (pos > 0 && is_word_byte(text[pos - 1])) --pos;
  const std::string first = lowered(text.substr(pos, first_end - pos));
  if (first != "from" && first != "to") return false;
  const std::size_t stop = pos > kMaxSentenceLookBack ? pos - kMaxSentenceLookBack : 0;
  bool upgrade = false, network = false;
  const auto sentence_ends = [&](char c, std::size_t at) { return ends_sentence_at(text, c, at); };
  words_back(text, pos, stop, sentence_ends, [&](const std::string& word, std::size_t) {
    network = contains(words::kNetworkWords, word);
    upgrade = upgrade || contains(words::kUpgradeWords, word);
    return network;
  });
  return upgrade && !network;
}

}  // namespace

bool version_context_before(std::string_view text, std::size_t begin) noexcept {
  bool version = false;
  bool adjacent = true;   // no linking word between the word and the number
  bool document = false;  // after a document word, unless a network word names it ("firewall rule")
  words_before(text, begin, [&](const std::string& word, std::size_t pos) {
    if (document) {
      version = !contains(words::kNetworkWords, word);
      return true;
    }
    if (adjacent && contains(words::kRunWords, word)) return version = true;  // "the TV runs 5.4.0.120"
    if (contains(words::kDocumentWords,
                 word)) {  // "clause 4.2.1.3"; the word before it may still say "network"
      version = document = true;
      return false;
    }
    if (contains(words::kLinkingWords, word)) {
      adjacent = false;
      return false;
    }
    if (contains(words::kNetworkWords, word)) return true;
    // A capitalised noun inside a sentence, right before the number, names a
    // product ("updated Chrome 1.2.3.4"), unless it names a person, a role or
    // an identifier ("the Customer 10.0.0.1"). At the start of a sentence
    // capitals say nothing ("Both 91.198.174.192 and ...").
    const bool product_name = word.size() >= 2 && text[pos] >= 'A' && text[pos] <= 'Z' &&
                              !starts_sentence(text, pos) && cue_of(word) == Cue::none &&
                              !contains(words::kPersonWords, word);
    version = (adjacent && product_name) || contains(words::kSoftwareWords, word);
    // "Upgraded Outlook to 16.0.1.2": the name is the product, the word before it says so.
    return version || !product_name;
  });
  return version || moved_between_versions(text, begin);
}

namespace {

// The first `max_words` words after `end` in its sentence, lowered:
// visit(word) returns true to stop.
template <typename Visit>
void words_after(std::string_view text, std::size_t end, Visit visit, std::size_t max_words = kMaxWordsAfter,
                 bool comma_ends = false) {
  std::size_t pos = end;
  for (std::size_t words = 0; words < max_words; ++words) {
    while (pos < text.size() && !is_word_byte(text[pos])) {
      const char c = text[pos];
      if (comma_ends && c == ',') return;
      if (c == '.' && (pos + 1 == text.size() || text[pos + 1] == ' ' || text[pos + 1] == '\n')) return;
      if (c == '?' || c == '!' || c == ';' || c == '\n') return;
      ++pos;
    }
    const std::size_t start = pos;
    while (pos < text.size() && is_word_byte(text[pos])) ++pos;
    if (start == pos || pos - start > kMaxWordLength) return;
    if (visit(lowered(text.substr(start, pos - start)))) return;
  }
}

}  // namespace

bool network_word_after(std::string_view text, std::size_t end) noexcept {
  bool network = false;
  words_after(text, end,
              [&](const std::string& word) { return network = contains(words::kNetworkWordsAfter, word); });
  return network;
}

Cue phone_cue_after(std::string_view text, std::size_t end) noexcept {
  Cue cue = Cue::none;
  bool someones = false;  // "her new number" is a person's number: a phone's
  words_after(
      text, end,
      [&](const std::string& word) {
        someones = someones || contains(words::kPossessives, word);
        if (contains(words::kPhoneNounsAfter, word)) cue = Cue::phone;
        if (contains(words::kNumberWords, word)) cue = someones ? Cue::phone : Cue::number;
        return cue != Cue::none || cue_of(word) == Cue::identifier;  // "... is the order number"
      },
      kMaxPhoneWordsAfter, /*comma_ends=*/true);
  return cue;
}

bool continues_date_list(std::string_view text, std::size_t previous_end, std::size_t begin,
                         std::size_t end) noexcept {
  if (previous_end > begin || begin - previous_end > kMaxListGap) return false;
  bool event = false;
  words_after(text, end, [&](const std::string& word) {
    event = contains(words::kDateEventWords, word);
    return true;
  });
  if (event) return false;
  std::size_t pos = previous_end;
  while (pos < begin) {
    const char c = text[pos];
    if (is_word_byte(c)) {
      const std::size_t start = pos;
      while (pos < begin && is_word_byte(text[pos])) ++pos;
      if (!contains(words::kDateListWords, lowered(text.substr(start, pos - start)))) return false;
    } else if (c == ' ' || c == ',' || c == ';' || c == '/' || c == '&' || c == '(' || c == ')' || c == '-') {
      ++pos;
    } else {
      return false;  // a digit, the end of a sentence: the list ended
    }
  }
  return true;
}

namespace {

// Between the words of an answer's opening ("yes, it's", "\"sure -").
bool answer_separator(char c) noexcept {
  return c == ' ' || c == ',' || c == '-' || c == '\'' || c == '"';
}

bool is_label_byte(char c) noexcept {
  return is_word_byte(c) || is_digit(c);
}

// Where the answer at `begin` opens its turn: the position of the speaker
// label's colon ("Customer: yes, it's |14 March 1968"), or npos.
std::size_t answer_label_colon(std::string_view text, std::size_t begin) {
  std::size_t pos = begin;
  for (std::size_t words = 0;; ++words) {
    while (pos > 0 && answer_separator(text[pos - 1])) --pos;
    if (pos == 0) return std::string_view::npos;
    if (text[pos - 1] == ':') return pos - 1;
    if (!is_word_byte(text[pos - 1]) || words == kMaxAnswerWords) return std::string_view::npos;
    const std::size_t word_end = pos;
    while (pos > 0 && is_word_byte(text[pos - 1])) --pos;
    const std::string word = lowered(text.substr(pos, word_end - pos));
    // Answer words, or the name the caller gives with it ("John Smith, 14/03/1968").
    const bool name = text[pos] >= 'A' && text[pos] <= 'Z' && cue_of(word) == Cue::none &&
                      !contains(words::kDateEventWords, word);
    if (word_end - pos > kMaxWordLength ||
        !(name || contains(words::kAnswerWords, word) || contains(words::kSpokenDateWords, word)))
      return std::string_view::npos;
  }
}

// Where the turn before the speaker label ending at `colon` ends: its last
// '?', '.', '!' or line break, with only spaces, separators ("/", "|") and a
// bracketed timestamp between it and the label; or npos.
std::size_t previous_turn_end(std::string_view text, std::size_t colon) {
  std::size_t pos = colon;
  const std::size_t label_end = pos;
  while (pos > 0 && is_label_byte(text[pos - 1])) --pos;
  if (pos == label_end || label_end - pos > kMaxWordLength) return std::string_view::npos;
  while (pos > 0) {
    const char c = text[pos - 1];
    if (c == '?' || c == '.' || c == '!' || c == '\n') return pos - 1;
    if (c == ']' || c == ')') {  // "[00:02:55] Customer:"
      const auto open = text.find_last_of(c == ']' ? '[' : '(', pos - 1);
      if (open == std::string_view::npos || pos - 1 - open > kMaxWordLength) return std::string_view::npos;
      pos = open;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '/' || c == '|' || c == '-' || c == '>' ||
               c == '"') {
      --pos;
    } else {
      return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

}  // namespace

bool birth_asked_in_previous_turn(std::string_view text, std::size_t begin) noexcept {
  const std::size_t colon = answer_label_colon(text, begin);
  if (colon == std::string_view::npos) return false;
  const std::size_t turn_end = previous_turn_end(text, colon);
  if (turn_end == std::string_view::npos) return false;
  // The previous turn's last sentence, read back to its start or its own label.
  const std::size_t stop = turn_end > kMaxTurnLookBack ? turn_end - kMaxTurnLookBack : 0;
  std::size_t pos = turn_end;
  // A line break after the question's own mark ("born?\nCaller: ...").
  while (pos > stop && (text[pos - 1] == ' ' || text[pos - 1] == '\r' || text[pos - 1] == '\t')) --pos;
  if (text[turn_end] == '\n' && pos > stop &&
      (text[pos - 1] == '?' || text[pos - 1] == '.' || text[pos - 1] == '!'))
    --pos;
  std::string after;
  bool asked = false;
  // A number in the question is its own answer; the sentence or turn ends the walk.
  const auto question_ends = [](char c, std::size_t) {
    return is_digit(c) || c == '.' || c == '?' || c == '!' || c == '\n' || c == ':';
  };
  words_back(text, pos, stop, question_ends, [&](const std::string& word, std::size_t at) {
    asked = (cue_of(word) == Cue::birth || dob_abbreviation(text, word, at)) && asks_for_a_birth(word, after);
    after = word;
    return asked;
  });
  return asked;
}

bool account_word_near(std::string_view text, std::size_t begin, std::size_t end) noexcept {
  const std::size_t from = begin > kAccountWindow ? begin - kAccountWindow : 0;
  const std::size_t to = std::min(text.size(), end + kAccountWindow);
  std::size_t pos = from;
  while (pos < to) {
    while (pos < to && !is_word_byte(text[pos])) ++pos;
    const std::size_t start = pos;
    while (pos < to && is_word_byte(text[pos])) ++pos;
    if (pos - start <= kMaxWordLength &&
        contains(words::kAccountWords, lowered(text.substr(start, pos - start))))
      return true;
  }
  return false;
}

namespace {

bool is_birth_word(std::string_view text, const std::string& word, std::size_t pos) {
  return cue_of(word) == Cue::birth || dob_abbreviation(text, word, pos);
}

}  // namespace

bool birth_label_before(std::string_view text, std::size_t begin) noexcept {
  const std::size_t stop = begin > kMaxLabelLookBack ? begin - kMaxLabelLookBack : 0;
  std::size_t pos = begin, label_words = 0;
  int marks = 0;
  bool spoken = true;  // still in the date's spoken restatement
  bool birth = false;
  std::string after;
  const auto ends = [&](char c, std::size_t at) {
    if (is_digit(c) || c == '\n' || c == ';' || (c == '.' && ends_sentence_at(text, c, at))) return true;
    const bool mark = c == ',' || c == ':' || c == '?' || c == '!';
    return mark && ++marks > 1;  // one mark: the label's
  };
  words_back(text, pos, stop, ends, [&](const std::string& word, std::size_t at) {
    if (word.size() > kMaxWordLength) return true;
    if (spoken && contains(words::kSpokenDateWords, word)) return false;
    spoken = false;
    if (is_birth_word(text, word, at)) {
      birth = names_a_birth(word, after) || contains(words::kBirthLabelWords, after);  // "birth held in ..."
      return true;
    }
    after = word;
    return ++label_words > kMaxLabelWords ||
           !(contains(words::kBirthLabelWords, word) || contains(words::kBirthLinkWords, word));
  });
  return birth;
}

bool birth_answered_in_sentence(std::string_view text, std::size_t begin) noexcept {
  const std::size_t stop = begin > kMaxSentenceLookBack ? begin - kMaxSentenceLookBack : 0;
  bool spoken = false;  // the speech verb before the value was found
  bool asked = false;
  std::string after;
  const auto ends = [&](char c, std::size_t at) { return is_digit(c) || ends_sentence_at(text, c, at); };
  words_back(text, begin, stop, ends, [&](const std::string& word, std::size_t at) {
    if (!spoken) {
      if (contains(words::kSpokenDateWords, word) || contains(words::kSpeechFillers, word)) return false;
      spoken = contains(words::kSpeechWords, word);
      return !spoken;
    }
    if (contains(words::kDateEventWords, word)) return true;  // "... and the delivery date, she said ..."
    asked = is_birth_word(text, word, at) && asks_for_a_birth(word, after);
    after = word;
    return asked;
  });
  return asked;
}

bool figuratively_born(std::string_view text, std::size_t begin, std::size_t end) noexcept {
  // The nearest birth word before the date, in its sentence.
  const std::size_t stop = begin > kMaxLookBack ? begin - kMaxLookBack : 0;
  std::size_t born = std::string_view::npos;
  std::string before_date;  // the word right before the date
  const auto ends = [&](char c, std::size_t at) { return is_digit(c) || ends_sentence_at(text, c, at); };
  words_back(text, begin, stop, ends, [&](const std::string& word, std::size_t at) {
    if (before_date.empty()) before_date = word;
    if (!is_birth_word(text, word, at)) return false;
    if (word == "born") born = at;
    return true;
  });
  if (born == std::string_view::npos) return false;
  // "born out of the merger", "born of frustration", "born from an idea".
  bool of_a_thing = false;
  words_after(text, born + 4, [&](const std::string& word) {
    of_a_thing = contains(words::kFigurativeBornAfter, word);
    return true;
  });
  // "The idea for the scheme was born ...": the subject is a thing.
  const std::size_t subject_stop = born > kMaxSentenceLookBack ? born - kMaxSentenceLookBack : 0;
  words_back(text, born, subject_stop, ends, [&](const std::string& word, std::size_t) {
    if (contains(words::kBeWords, word)) return false;
    of_a_thing = of_a_thing || contains(words::kThingWords, word);
    return true;
  });
  // "born at the 2024-05-21 workshop": the date describes the noun after it.
  if (contains(words::kArticles, before_date) && end + 1 < text.size() && text[end] == ' ' &&
      is_word_byte(text[end + 1])) {
    words_after(text, end, [&](const std::string& word) {
      of_a_thing = of_a_thing || !contains(words::kAfterDateWords, word);
      return true;
    });
  }
  return of_a_thing;
}

bool date_event_after(std::string_view text, std::size_t end) noexcept {
  bool event = false;
  words_after(
      text, end,
      [&](const std::string& word) {
        event = contains(words::kDateEventWords, word);
        return event || word == "and" || word == "but";  // the clause about the date ends
      },
      kMaxEventWordsAfter, /*comma_ends=*/true);
  return event;
}

}  // namespace insightd::governance::rules
