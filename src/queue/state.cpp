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

}  // namespace insightd::queue
