// SPDX-License-Identifier: Apache-2.0
#pragma once
// The "finished" rule for queue conversation events: Copilot summaries are
// produced after wrap-up, so a conversation is finished for insightd when
// every participant has left (endTime) and every agent that must wrap up has
// done so (wrapup or endAcwTime).
#include <boost/json/fwd.hpp>
#include <string_view>

#include "insightd/common/enum_names.hpp"

namespace insightd::intake {

enum class Progress {
  in_progress,      // someone is still connected
  awaiting_wrapup,  // everyone left, an agent is still in after-call work
  finished,
  malformed,  // no id or no participants: not a conversation event
};
BOOST_DESCRIBE_ENUM(Progress, in_progress, awaiting_wrapup, finished, malformed)

std::string_view to_string(Progress p) noexcept;

// Judges one `eventBody` of a v2.routing.queues.{id}.conversations event.
Progress conversation_progress(const boost::json::object& event_body);

}  // namespace insightd::intake
