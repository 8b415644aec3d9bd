#pragma once
// What the words just before a numeric candidate say it is: "call me at
// 555-1234" is a phone number, "order number 5551234567" is not.
#include <cstddef>
#include <string_view>

namespace insightd::governance::rules {

enum class Cue {
  none,        // nothing decisive nearby
  phone,       // call, phone, mobile, tel, ...
  card,        // card, visa, mastercard, credit, ...
  ssn,         // ssn, social security, ...
  identifier,  // order, ticket, tracking, invoice, case, ...
};

// The cue of the nearest decisive word among the few words before `begin`
// (looking back at most a short distance). A bare "number"/"no"/"nr" counts
// as a phone cue only when no decisive word is found.
Cue cue_before(std::string_view text, std::size_t begin) noexcept;

}  // namespace insightd::governance::rules
