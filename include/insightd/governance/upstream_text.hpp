// SPDX-License-Identifier: Apache-2.0
#pragma once
// Text an upstream wrote (a Genesys error message, an OAuth `description`, a
// CRM's answer) before it becomes part of one of our error values: upstreams
// echo what they were sent, so it may hold PII, and every error value ends up
// in the log, the audit record, the database and the admin API.
#include <cstddef>
#include <string>
#include <string_view>

namespace insightd::governance {

// At most this many bytes of upstream text are kept (plus "..." when cut).
inline constexpr std::size_t kMaxUpstreamText = 300;

// `text` with every PII finding masked (governance::mask), control characters
// replaced by spaces (one log line stays one line) and, when longer than
// kMaxUpstreamText, cut on a UTF-8 boundary with "..." appended.
std::string redact_upstream_text(std::string_view text);

// The upstream's own explanation in an error body (Genesys error bodies carry
// `message`, OAuth ones `description` or `error`), redacted as above; "" when
// the body is no JSON object or has none of them.
std::string upstream_error_message(std::string_view body);

}  // namespace insightd::governance
