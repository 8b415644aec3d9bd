// SPDX-License-Identifier: Apache-2.0
#pragma once
// Field readers shared by the source parsers (internal to src/genesys). Each
// returns nullopt when the field is absent or has the wrong JSON type, so a
// parser can name the field at fault.
#include <boost/json/object.hpp>
#include <boost/json/parse_options.hpp>
#include <boost/json/value.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "insightd/common/error.hpp"
#include "insightd/common/insight.hpp"
#include "insightd/common/result_with_message.hpp"
#include "insightd/config/config.hpp"

namespace insightd::genesys::detail {

std::optional<std::string> string_field(const boost::json::object& o, std::string_view key);
std::optional<double> number_field(const boost::json::object& o, std::string_view key);

// Parses a response body that must be a JSON object; errc::malformed_response
// otherwise, with a message naming `what` and the parse error.
result_with_message<boost::json::object> parse_object(std::string_view body, std::string_view what);

// True when the retrieval config asks for any of `types` (a request that can
// only yield other types is skipped).
bool wants_any(const RetrievalConfig& retrieval, std::initializer_list<InsightType> types);

// The generation status of a copilot or STA summary: Pending, Queued, Started
// and Processing are still running; Error (or Failed) will never complete.
enum class SummaryStatus { completed, pending, failed, unknown };
SummaryStatus summary_status(std::string_view status);

// The statuses of one response's summaries, and what they mean for it: any
// still running -> not_ready (retry later); none completed but some failed ->
// permanent_failure; otherwise the completed ones are used.
struct SummaryTally {
  int completed = 0;
  int failed = 0;
  std::string pending_status;  // the last running status seen

  // Classifies one summary's status and counts it if it is running or failed.
  // Completed summaries are counted by the caller once they have been read.
  SummaryStatus count(const std::string& status);

  // Success when the page may be used; `what` names the summary in the message.
  result_with_message<void> verdict(std::string_view what) const;
};

// Why an insight read from an entity cannot be used as text, or "": its id or
// text is not valid UTF-8 ("text is not valid UTF-8 (byte 17)"). The response
// is parsed accepting invalid UTF-8 so one bad entity is skipped, not the page.
std::string invalid_utf8_reason(const Insight& insight);

// Appends one summary's insights to `out` when all of them are valid UTF-8;
// otherwise appends none and returns why (a summary is kept or skipped whole).
std::string append_if_valid_utf8(std::vector<Insight>& found, std::vector<Insight>& out);

// Parse options for response bodies: see invalid_utf8_reason.
boost::json::parse_options response_parse_options();

// "entities[3]" style locations for MalformedEntity.
std::string location(std::string_view array, std::size_t index);

}  // namespace insightd::genesys::detail
