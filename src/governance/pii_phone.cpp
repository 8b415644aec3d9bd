// SPDX-License-Identifier: Apache-2.0
#include "pii_phone.hpp"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "insightd/governance/pii.hpp"

namespace insightd::governance {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

// The library logs parse problems with the input in them: silence it once,
// so no candidate (a possible phone number) ever reaches a log.
const PhoneNumberUtil& phone_util() {
  static const PhoneNumberUtil* util = [] {
    auto* u = PhoneNumberUtil::GetInstance();
    u->SetLogger(new i18n::phonenumbers::NullLogger());
    return u;
  }();
  return *util;
}

constexpr std::size_t kMaxCachedVerdicts = 4096;

// Exit codes besides "00" that people write before a country code, each with
// a region whose metadata dials it (libphonenumber keeps the codes private):
// North America's 011 and Australia's 0011 (its pattern also covers 0014 ...).
constexpr std::pair<std::string_view, std::string_view> kOtherExitCodes[] = {{"011", "US"}, {"001", "AU"}};

// Numbering plans open ranges after the library's metadata was made (Debian's
// 8.12 lists UK 07911 0/2/8 but not 07911 4): a number of a possible length
// in a million-number block (its national number without the last six
// digits) that holds numbers the metadata calls valid is in a block the plan
// has opened. Blocks the metadata leaves out whole stay out (+1 555,
// +420 675); Ofcom's drama ranges, narrower than a block, are found.
bool in_listed_block(const PhoneNumberUtil& util, const PhoneNumber& number) {
  constexpr std::uint64_t kBlock = 1'000'000, kMinNational = 100'000'000;  // 9 digits
  if (number.national_number() < kMinNational ||
      util.IsPossibleNumberWithReason(number) != PhoneNumberUtil::IS_POSSIBLE) {
    return false;
  }
  PhoneNumber probe = number;
  const std::uint64_t block = number.national_number() / kBlock * kBlock;
  for (std::uint64_t tail : {0ULL, 99'999ULL}) {
    for (std::uint64_t sub = 0; sub < 10; ++sub) {
      probe.set_national_number(block + sub * (kBlock / 10) + tail);
      if (util.IsValidNumber(probe)) return true;
    }
  }
  return false;
}

}  // namespace

bool is_phone_region(std::string_view region) noexcept {
  if (region.size() != 2) return false;
  return phone_util().GetCountryCodeForRegion(std::string(region)) != 0;
}

namespace rules {

PhoneValidator::PhoneValidator(std::string region) : region_(std::move(region)) {
  if (!is_phone_region(region_))
    throw std::invalid_argument("unknown phone region '" + region_ + "' (expected a code such as US or DE)");
  phone_util().GetNddPrefixForRegion(region_, true, &trunk_prefix_);
}

PhoneVerdict PhoneValidator::check(std::string_view candidate) const {
  {
    const std::lock_guard lock(mutex_);
    if (const auto it = cache_.find(candidate); it != cache_.end()) return it->second;
  }
  std::string key(candidate);
  const PhoneVerdict verdict = parse(key);
  const std::lock_guard lock(mutex_);
  if (cache_.size() >= kMaxCachedVerdicts) cache_.clear();
  cache_.emplace(std::move(key), verdict);
  return verdict;
}

// The whole candidate is one valid number, grouped as its country groups
// numbers (STRICT_GROUPING: "2026-000123" has the digits of a valid US number
// but no US number is written 4-6).
bool grouped_as_written(const std::string& candidate, const std::string& region) {
  PhoneNumberMatcher matcher(phone_util(), candidate, region, PhoneNumberMatcher::STRICT_GROUPING, 1);
  PhoneNumberMatch match;
  return matcher.HasNext() && matcher.Next(&match) && match.start() == 0 &&
         static_cast<std::size_t>(match.length()) == candidate.size();
}

PhoneVerdict PhoneValidator::parse(const std::string& candidate) const {
  const auto& util = phone_util();
  PhoneNumber number;
  const auto parsed = [&](const std::string& text) {
    return util.Parse(text, region_, &number) == PhoneNumberUtil::NO_PARSING_ERROR;
  };
  const auto valid_international = [&] {
    return util.IsValidNumber(number) || in_listed_block(util, number);
  };
  // "+CC" says "phone number" by itself: any grouping of a valid number counts
  // ("+49 151 2345 6789" is grouped as people write it, not as the library does).
  if (candidate.starts_with('+')) {
    if (!parsed(candidate)) return PhoneVerdict::invalid;
    if (valid_international()) return PhoneVerdict::valid;
    return util.IsPossibleNumberWithReason(number) == PhoneNumberUtil::IS_POSSIBLE
               ? PhoneVerdict::possible_international
               : PhoneVerdict::invalid;
  }
  // "00" is the international prefix of most of the world (ITU-T E.164), but
  // not of every default region (the US dials 011): read it as "+" too.
  if (candidate.starts_with("00")) {
    std::string international(1, '+');
    international.append(candidate, 2);
    if (parsed(international) && valid_international()) return PhoneVerdict::valid;
  }
  // Other exit codes: "011 49 89 2180 3344" dialled from North America,
  // "0011 44 20 ..." from Australia, and the default region's own.
  // libphonenumber strips a region's exit code when it parses a number in
  // that region, and says it did; the rest must be a valid international number.
  const auto parsed_in = [&](const std::string& region) {
    return util.ParseAndKeepRawInput(candidate, region, &number) == PhoneNumberUtil::NO_PARSING_ERROR;
  };
  for (const auto& [code, exit_region] : kOtherExitCodes) {
    if (candidate.starts_with(code) && exit_region != region_ && parsed_in(std::string(exit_region)) &&
        number.country_code_source() == PhoneNumber::FROM_NUMBER_WITH_IDD && valid_international()) {
      return PhoneVerdict::valid;
    }
  }
  const bool national = parsed_in(region_);
  if (national && number.country_code_source() == PhoneNumber::FROM_NUMBER_WITH_IDD)
    return valid_international() ? PhoneVerdict::valid : PhoneVerdict::invalid;
  if (grouped_as_written(candidate, region_)) return PhoneVerdict::valid;
  if (!national) return PhoneVerdict::invalid;
  if (util.IsValidNumber(number) || in_listed_block(util, number)) {
    // Dialled with the region's trunk prefix ("0151 2345 6789", "04 1234 5678"),
    // it is written as a phone number whatever the grouping, as with "+CC".
    const bool trunk = !trunk_prefix_.empty() && candidate.starts_with(trunk_prefix_);
    return trunk ? PhoneVerdict::valid : PhoneVerdict::valid_digits;
  }
  if (util.IsPossibleNumberWithReason(number) == PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY)
    return PhoneVerdict::local_only;
  return PhoneVerdict::invalid;
}

}  // namespace rules
}  // namespace insightd::governance
