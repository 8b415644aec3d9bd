// SPDX-License-Identifier: Apache-2.0
#include "pii_phone.hpp"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <stdexcept>

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

}  // namespace

bool is_phone_region(std::string_view region) noexcept {
  if (region.size() != 2) return false;
  return phone_util().GetCountryCodeForRegion(std::string(region)) != 0;
}

namespace rules {

PhoneValidator::PhoneValidator(std::string region) : region_(std::move(region)) {
  if (!is_phone_region(region_))
    throw std::invalid_argument("unknown phone region '" + region_ + "' (expected a code such as US or DE)");
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
  const auto valid = [&](const std::string& text) {
    return util.Parse(text, region_, &number) == PhoneNumberUtil::NO_PARSING_ERROR &&
           util.IsValidNumber(number);
  };
  // "+CC" says "phone number" by itself: any grouping of a valid number counts
  // ("+49 151 2345 6789" is grouped as people write it, not as the library does).
  if (candidate.starts_with('+')) {
    if (valid(candidate)) return PhoneVerdict::valid;
    const bool possible = util.Parse(candidate, region_, &number) == PhoneNumberUtil::NO_PARSING_ERROR &&
                          util.IsPossibleNumberWithReason(number) == PhoneNumberUtil::IS_POSSIBLE;
    return possible ? PhoneVerdict::possible_international : PhoneVerdict::invalid;
  }
  // "00" is the international prefix of most of the world (ITU-T E.164), but
  // not of every default region (the US dials 011): read it as "+" too.
  if (candidate.starts_with("00")) {
    std::string international(1, '+');
    international.append(candidate, 2);
    if (valid(international)) return PhoneVerdict::valid;
  }
  if (grouped_as_written(candidate, region_)) return PhoneVerdict::valid;
  if (valid(candidate)) return PhoneVerdict::valid_digits;
  if (util.Parse(candidate, region_, &number) == PhoneNumberUtil::NO_PARSING_ERROR &&
      util.IsPossibleNumberWithReason(number) == PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY) {
    return PhoneVerdict::local_only;
  }
  return PhoneVerdict::invalid;
}

}  // namespace rules
}  // namespace insightd::governance
