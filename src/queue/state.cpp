// SPDX-License-Identifier: Apache-2.0
#include <array>
#include <utility>

#include "insightd/queue/types.hpp"

namespace insightd::queue {

namespace {
// The spelling stored in the database and shown by `insightd status`.
constexpr std::array<std::pair<State, std::string_view>, 6> state_names{{
    {State::pending, "pending"},
    {State::in_flight, "in_flight"},
    {State::delivering, "delivering"},
    {State::done, "done"},
    {State::failed, "failed"},
    {State::dead, "dead"},
}};
}  // namespace

std::string_view to_string(State s) noexcept {
  for (const auto& [state, name] : state_names)
    if (state == s) return name;
  return "unknown";
}

std::optional<State> parse_state(std::string_view s) noexcept {
  for (const auto& [state, name] : state_names)
    if (name == s) return state;
  return std::nullopt;
}

bool set_count(Counts& counts, std::string_view name, std::int64_t n) noexcept {
  if (name == "outbox_pending") {
    counts.outbox = n;
    return true;
  }
  auto state = parse_state(name);
  if (!state) return false;
  switch (*state) {
    case State::pending:
      counts.pending = n;
      break;
    case State::in_flight:
      counts.in_flight = n;
      break;
    case State::delivering:
      counts.delivering = n;
      break;
    case State::done:
      counts.done = n;
      break;
    case State::failed:
      counts.failed = n;
      break;
    case State::dead:
      counts.dead = n;
      break;
  }
  return true;
}

}  // namespace insightd::queue
