// SPDX-License-Identifier: Apache-2.0
#include "insightd/delivery/retry_policy.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <cctype>

#include "insightd/governance/upstream_text.hpp"

namespace insightd::delivery {

StatusClass classify_status(int status) noexcept {
  if (status >= 200 && status < 300) return StatusClass::success;
  if (status == 0 || status == 408 || status == 429 || (status >= 500 && status < 600)) {
    return StatusClass::retryable;
  }
  if (status == 410) return StatusClass::gone;
  return StatusClass::permanent;
}

namespace {

bool is_token(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  return std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':';
  });
}

}  // namespace

std::string describe_response(int status, std::string_view body, std::string_view location) {
  std::string text = "HTTP " + std::to_string(status);
  if (status >= 300 && status < 400) {
    text += location.empty() ? " redirect without a Location"
                             : " redirect to " + governance::redact_upstream_text(location) +
                                   " (redirects are not followed: set crm.url to the final URL)";
  }
  boost::system::error_code ec;
  auto json = boost::json::parse(body, ec);
  if (ec || !json.is_object()) return text;
  for (const char* key : {"code", "error"}) {
    const auto* member = json.as_object().if_contains(key);
    if (member && member->is_string() && is_token(member->as_string())) {
      return text + " (" + key + ": " + governance::redact_upstream_text(member->as_string()) + ")";
    }
  }
  return text;
}

Decision RetryPolicy::decide(const AttemptResult& result, int attempt,
                             std::chrono::system_clock::time_point now, std::mt19937_64& rng) const {
  switch (classify_status(result.status)) {
    case StatusClass::success:
      return {Verdict::delivered, {}, {}};
    case StatusClass::gone:
      return {Verdict::endpoint_disabled,
              {},
              describe_response(result.status, result.body, result.location) + ": endpoint disabled"};
    case StatusClass::permanent:
      return {Verdict::dead_letter, {}, describe_response(result.status, result.body, result.location)};
    case StatusClass::retryable:
      break;
  }

  std::string error = result.status == 0 ? "network error: " + std::string(result.transport_error)
                                         : describe_response(result.status, result.body);
  if (attempt >= max_attempts_) {
    return {Verdict::dead_letter, {}, "gave up after " + std::to_string(attempt) + " attempts: " + error};
  }
  auto delay = backoff_.delay(attempt, rng);
  if (auto retry_after = parse_retry_after(result.retry_after, now)) {
    // Retry-After replaces the jitter (the server said when it will be ready),
    // even beyond crm.backoff.max: a CRM that asks for an hour is not helped
    // by a retry every ten minutes. parse_retry_after caps it (kMaxRetryAfter).
    delay = *retry_after;
  }
  return {Verdict::retry, delay, std::move(error)};
}

}  // namespace insightd::delivery
