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

// A software word ("version", "SDK", "firmware", "upgraded" ...) is the
// nearest word before `begin` but for linking words ("is", "to"): a dotted
// quad after it is a version number, not an IP address.
bool software_word_before(std::string_view text, std::size_t begin) noexcept;

// An account word ("account", "acct", "checking", "savings") within a short
// distance before or after [begin, end).
bool account_word_near(std::string_view text, std::size_t begin, std::size_t end) noexcept;

}  // namespace insightd::governance::rules
