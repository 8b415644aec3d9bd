// SPDX-License-Identifier: Apache-2.0
#include "insightd/sim/runtime_faults.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

namespace insightd::sim {
namespace {

constexpr std::int64_t kMaxForMs = 7LL * 24 * 3600 * 1000;  // a week: longer is a typo

// A whole number in [low, high] at `key` of `fault`, or an error naming both.
std::optional<std::int64_t> whole(const boost::json::object& fault, std::string_view name,
                                  std::string_view key, std::int64_t low, std::int64_t high,
                                  std::string& error) {
  const auto* v = fault.if_contains(key);
  if (!v) {
    error = fmt::format("{}.{} is required", name, key);
    return std::nullopt;
  }
  const auto* i = v->if_int64();
  const auto* u = v->if_uint64();
  if ((!i && !u) || (i && (*i < low || *i > high)) || (u && *u > static_cast<std::uint64_t>(high))) {
    error = fmt::format("{}.{} must be a whole number from {} to {}", name, key, low, high);
    return std::nullopt;
  }
  return i ? *i : static_cast<std::int64_t>(*u);
}

// The fault object at `name`, checked to hold only `allowed` keys.
const boost::json::object* fault_object(const boost::json::value& v, std::string_view name,
                                        std::initializer_list<std::string_view> allowed, std::string& error) {
  const auto* o = v.if_object();
  if (!o) {
    error = fmt::format("{} must be an object such as {{\"for_ms\": 60000}}", name);
    return nullptr;
  }
  for (const auto& member : *o) {
    if (std::find(allowed.begin(), allowed.end(), std::string_view(member.key())) == allowed.end()) {
      error = fmt::format("{}.{} is not a setting of this fault", name, std::string_view(member.key()));
      return nullptr;
    }
  }
  return o;
}

std::int64_t ms_left(RuntimeFaults::time_point until, RuntimeFaults::time_point now) {
  return now < until ? std::chrono::duration_cast<std::chrono::milliseconds>(until - now).count() : 0;
}

}  // namespace

std::string RuntimeFaults::apply(const boost::json::value& body, time_point now, bool& revoke_tokens) {
  revoke_tokens = false;
  const auto* o = body.if_object();
  if (!o) return "the body must be a JSON object of faults";
  static constexpr std::array<std::string_view, 6> kKnown{"token_down", "api_errors", "api_429",
                                                          "crm_down",   "crm_hang",   "normal"};
  for (const auto& member : *o) {
    if (std::find(kKnown.begin(), kKnown.end(), std::string_view(member.key())) == kKnown.end())
      return fmt::format("unknown fault {} (known: {})", std::string_view(member.key()),
                         fmt::join(kKnown, ", "));
  }

  RuntimeFaults next = *this;  // committed only when the whole body is valid
  bool revoke = false;
  std::string error;
  if (const auto* normal = o->if_contains("normal")) {
    if (!normal->is_bool()) return "normal must be true or false";
    if (normal->as_bool()) next.clear();
  }
  auto until = [&](std::int64_t for_ms) { return now + std::chrono::milliseconds(for_ms); };
  if (const auto* v = o->if_contains("token_down")) {
    const auto* f = fault_object(*v, "token_down", {"for_ms", "revoke_tokens"}, error);
    if (!f) return error;
    auto for_ms = whole(*f, "token_down", "for_ms", 0, kMaxForMs, error);
    if (!for_ms) return error;
    if (const auto* r = f->if_contains("revoke_tokens")) {
      if (!r->is_bool()) return "token_down.revoke_tokens must be true or false";
      revoke = r->as_bool();
    }
    next.token_down_until_ = until(*for_ms);
  }
  if (const auto* v = o->if_contains("api_errors")) {
    const auto* f = fault_object(*v, "api_errors", {"for_ms", "share"}, error);
    if (!f) return error;
    auto for_ms = whole(*f, "api_errors", "for_ms", 0, kMaxForMs, error);
    if (!for_ms) return error;
    const auto* share = f->if_contains("share");
    const double s = share && share->is_number() ? share->to_number<double>() : -1.0;
    if (!(s >= 0.0 && s <= 1.0)) return "api_errors.share must be a number from 0 to 1";
    next.api_errors_until_ = until(*for_ms);
    next.api_error_share_ = s;
    next.api_error_credit_ = 0;
  }
  if (const auto* v = o->if_contains("api_429")) {
    const auto* f = fault_object(*v, "api_429", {"for_ms", "retry_after_s"}, error);
    if (!f) return error;
    auto for_ms = whole(*f, "api_429", "for_ms", 0, kMaxForMs, error);
    if (!for_ms) return error;
    auto retry_after = whole(*f, "api_429", "retry_after_s", 1, 7LL * 24 * 3600, error);
    if (!retry_after) return error;
    next.api_429_until_ = until(*for_ms);
    next.api_429_retry_after_s_ = *retry_after;
  }
  for (auto [name, field] : {std::pair{"crm_down", &RuntimeFaults::crm_down_until_},
                             std::pair{"crm_hang", &RuntimeFaults::crm_hang_until_}}) {
    if (const auto* v = o->if_contains(name)) {
      const auto* f = fault_object(*v, name, {"for_ms"}, error);
      if (!f) return error;
      auto for_ms = whole(*f, name, "for_ms", 0, kMaxForMs, error);
      if (!for_ms) return error;
      next.*field = until(*for_ms);
    }
  }
  *this = next;
  revoke_tokens = revoke;
  return {};
}

std::chrono::milliseconds RuntimeFaults::crm_hang_left(time_point now) const {
  return std::chrono::milliseconds(ms_left(crm_hang_until_, now));
}

unsigned RuntimeFaults::next_api_error(time_point now) {
  if (now >= api_errors_until_) return 0;
  api_error_credit_ += api_error_share_;
  if (api_error_credit_ < 1.0) return 0;
  api_error_credit_ -= 1.0;
  return ++api_errors_served_ % 2 == 1 ? 500u : 503u;
}

boost::json::object RuntimeFaults::to_json(time_point now) const {
  boost::json::object o;
  if (const auto left = ms_left(token_down_until_, now)) o["token_down"] = {{"ms_left", left}};
  if (const auto left = ms_left(api_errors_until_, now))
    o["api_errors"] = {{"ms_left", left}, {"share", api_error_share_}};
  if (const auto left = ms_left(api_429_until_, now))
    o["api_429"] = {{"ms_left", left}, {"retry_after_s", api_429_retry_after_s_}};
  if (const auto left = ms_left(crm_down_until_, now)) o["crm_down"] = {{"ms_left", left}};
  if (const auto left = ms_left(crm_hang_until_, now)) o["crm_hang"] = {{"ms_left", left}};
  return o;
}

}  // namespace insightd::sim
