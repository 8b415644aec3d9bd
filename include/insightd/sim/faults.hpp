// SPDX-License-Identifier: Apache-2.0
#pragma once
// Fault injection is chosen per interaction ID, so a demo or a test picks the
// behaviour of each interaction by naming it. An ID may combine several
// markers (e.g. "ia-7-flaky-pii-n120"):
//
//   notfound     404 {"status":404,"code":"not.found",...}
//   forbidden    403 {"status":403,"code":"missing.permissions",...}
//   flaky        503 for the first 2 requests of that ID
//   outage       503 for the first 6 requests of that ID (more than one
//                cycle's retries: the interaction must go back to the queue)
//   alldown      503 to every request of that ID
//   malformed    some entities without id, with an unparsable date, or an unknown type
//   pii          some entities marked redacted:true whose text still holds an
//                email, a phone number, a Luhn-valid card, a US SSN and a valid IBAN
//   stale        createdDate days in the past
//   future       createdDate days in the future
//   slow         extra latency on every response for that ID
//   tokenexpiry  the bearer token used for page 1 is revoked after that page
//                (once per ID), so the client must refresh mid-pagination
//   notready     copilot/sta summaries report status "Pending" on the first request
//   ratelimit    one 429 with Retry-After = --retry-after
//   longlimit    always 429 with Retry-After 3600 (a long-window limit)
//   crmreject    the CRM receiver answers 422 to every delivery of this interaction
//   chattyerror  400 whose message echoes contact details (an email, a phone
//                number, a card number), as careless upstreams do
//   crmchatty    the CRM answers 422 with PII in its `code` and `message`
//   crmmoved     the CRM answers 301 with a Location
//   crmbigbody   the CRM answers 200 with a body larger than any client limit
//   -n<NUM>      exactly NUM insights before filtering (otherwise 5..40)
#include <cstddef>
#include <optional>
#include <string_view>

namespace insightd::sim {

struct Faults {
  bool not_found = false;
  bool forbidden = false;
  bool flaky = false;
  bool outage = false;
  bool down = false;
  bool malformed = false;
  bool pii = false;
  bool stale = false;
  bool future = false;
  bool slow = false;
  bool token_expiry = false;
  bool not_ready = false;
  bool rate_limit = false;
  bool long_limit = false;
  bool crm_reject = false;
  bool chatty_error = false;
  bool crm_chatty = false;
  bool crm_moved = false;
  bool crm_big_body = false;
  std::optional<std::size_t> insight_count;  // from "-n<NUM>"
};

inline constexpr std::size_t kMaxInsightCount = 100000;  // caps "-n<NUM>"
inline constexpr int kFlakyFailures = 2;
inline constexpr int kOutageFailures = 6;
inline constexpr int kLongLimitRetryAfterS = 3600;
// The contact details `chattyerror` and `crmchatty` echo, for tests to look for.
inline constexpr std::string_view kChattyEmail = "jane.doe@example.com";
inline constexpr std::string_view kChattyPhone = "+1 415 555 0199";
inline constexpr std::string_view kChattyCard = "4111111111111111";
inline constexpr std::string_view kCrmMovedLocation = "https://crm.example.invalid/ingest-v2";
inline constexpr std::size_t kCrmBigBodyBytes = (16u << 20) + 1;  // over the 16 MiB client default

Faults faults_for(std::string_view interaction_id) noexcept;

}  // namespace insightd::sim
