// SPDX-License-Identifier: Apache-2.0
#include "insightd/intake/conversation.hpp"

#include <boost/json/object.hpp>

namespace insightd::intake {
namespace {

bool has_text(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() && !v->get_string().empty();
}

bool wrapped_up(const boost::json::object& participant) {
  const auto* required = participant.if_contains("wrapupRequired");
  if (!required || !required->is_bool() || !required->get_bool()) return true;
  const auto* wrapup = participant.if_contains("wrapup");
  return (wrapup && wrapup->is_object()) || has_text(participant, "endAcwTime");
}

}  // namespace

std::string_view to_string(Progress p) noexcept {
  return enum_to_string(p, "malformed");
}

Progress conversation_progress(const boost::json::object& event_body) {
  const auto* participants = event_body.if_contains("participants");
  if (!has_text(event_body, "id") || !participants || !participants->is_array() ||
      participants->get_array().empty())
    return Progress::malformed;
  bool all_wrapped_up = true;
  for (const auto& item : participants->get_array()) {
    if (!item.is_object()) return Progress::malformed;
    const auto& participant = item.get_object();
    if (!has_text(participant, "endTime")) return Progress::in_progress;
    const auto* purpose = participant.if_contains("purpose");
    const bool agent = purpose && purpose->is_string() && purpose->get_string() == "agent";
    if (agent && !wrapped_up(participant)) all_wrapped_up = false;
  }
  return all_wrapped_up ? Progress::finished : Progress::awaiting_wrapup;
}

}  // namespace insightd::intake
