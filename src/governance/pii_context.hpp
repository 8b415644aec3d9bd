// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the words near a candidate say it is. Context only ever adds a
// finding: it promotes a weak candidate ("call me at 555-1234", "DOB
// 01.02.1985", "routing 021000021") and never removes a checksum-valid one.
#include <cstddef>
#include <string_view>

namespace insightd::governance::rules {

enum class Cue {
  none,        // nothing decisive nearby
  phone,       // call, phone, mobile, tel, ...
  number,      // only "number", "no", "nr" ...: a phone number more often than not
  identifier,  // order, ticket, tracking, ...: the number is that identifier, not a phone
  birth,       // born, birth, DOB, birthday, geboren, naissance, ...
  routing,     // routing, ABA, RTN, transit
};

// The cue of the nearest decisive word among the few words before `begin`
// in the same clause (looking back at most a short distance). "birth" and
// "birthday" followed by a word other than a linking one ("birthday present
// on 20 Nov") describe that thing, not the date: no cue.
Cue cue_before(std::string_view text, std::size_t begin) noexcept;

// What the few words after a number ending at `end` in its sentence say it
// is: Cue::phone for a noun of the line ("8184182236 is his mobile") or a
// person's number ("... is her new number"), Cue::number for another
// "number", unless an identifier word comes first ("... is the order
// number"); else Cue::none.
Cue phone_cue_after(std::string_view text, std::size_t end) noexcept;

// The dotted quad at `begin` is a version number, not an IP address: the
// nearest word before it but for linking words ("is", "to") is a software or
// product-component word ("version", "SDK", "firmware", "library", "plugin",
// "upgraded" ...), or a capitalised product name right before it ("Library
// 0.9.12.3", "Chrome 1.2.3.4"). Network words ("IP", "server", "host",
// "gateway" ...) say it is an address.
bool version_context_before(std::string_view text, std::size_t begin) noexcept;

// The date at `begin` answers the previous turn of a transcript ("Agent: and
// your date of birth? / Customer: 14 March 1968"): it opens a speaker's turn
// (right after a label such as "Customer:", or after a few answer words such
// as "yes, it's"), and the last sentence of the turn before names a date of
// birth with no number after the birth word.
bool birth_asked_in_previous_turn(std::string_view text, std::size_t begin) noexcept;

// Only list words ("and", "to", "or" ...) and separators lie between a date
// ending at `previous_end` and the one at `begin`, close together: the second
// is another item of the same list ("DOBs 01/02/1980 and 03/04/1982",
// "corrected from 02/03/1980 to 03/02/1980"), unless the word after the
// date [begin, end) names an event ("and 03/04/2024 delivery").
bool continues_date_list(std::string_view text, std::size_t previous_end, std::size_t begin,
                         std::size_t end) noexcept;

// A birth phrase before the date at `begin`, with only words of where it is
// kept and one label mark between: "Date of birth on the policy: 28 February
// 1974", "the birthday on file, 30 June 1969". A date said in words before the
// digits ("twenty-third of May, 23/05/1987") is read past.
bool birth_label_before(std::string_view text, std::size_t begin) noexcept;

// The date at `begin` is what someone said (said, gave, replied, confirmed
// ...) after a date of birth was named earlier in the same sentence: "Agent
// asked for date of birth and the customer said 3rd of April 1976".
bool birth_answered_in_sentence(std::string_view text, std::size_t begin) noexcept;

// The birth word before the date [begin, end) is "born" of a thing, not a
// person: "the idea was born at the 2024-05-21 workshop", "born out of the
// merger on ...": a thing as its subject, "out of"/"of"/"from" after it, or
// the date describing a noun after it ("the 2024-05-21 workshop").
bool figuratively_born(std::string_view text, std::size_t begin, std::size_t end) noexcept;

// An event word among the few words after a date ending at `end`, in its
// clause ("... 12 May 2024 delivery", "... is the card's expiry").
bool date_event_after(std::string_view text, std::size_t end) noexcept;

// A network word ("IP", "server", "connected", "unreachable" ...) among the
// few words after `end` in its sentence: "client 10.0.0.5 could not connect".
bool network_word_after(std::string_view text, std::size_t end) noexcept;

// An account word ("account", "acct", "checking", "savings") within a short
// distance before or after [begin, end).
bool account_word_near(std::string_view text, std::size_t begin, std::size_t end) noexcept;

}  // namespace insightd::governance::rules
