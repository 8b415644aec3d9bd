// SPDX-License-Identifier: Apache-2.0
#include "insightd/queue/types.hpp"

namespace insightd::queue {

std::string_view to_string(State s) noexcept {
  return enum_to_string(s);
}

std::optional<State> parse_state(std::string_view s) noexcept {
  return enum_from_string<State>(s);
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
