// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <boost/json/parse.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>

#include "insightd/common/rfc3339.hpp"
#include "insightd/intake/intake.hpp"
#include "insightd/observability/audit.hpp"

namespace insightd::intake {
namespace {

template <class T>
void read(const boost::json::object& o, std::string_view key, T& into) {
  const auto* v = o.if_contains(key);
  if (!v) return;
  auto r = boost::json::try_value_to<T>(*v);
  if (r) into = std::move(*r);
}

std::string age(std::int64_t then_ms, std::int64_t now_ms) {
  if (then_ms <= 0) return "never";
  return fmt::format("{}s ago", std::max<std::int64_t>(0, (now_ms - then_ms) / 1000));
}

std::string when(std::int64_t ms) {
  if (ms <= 0) return "none";
  return format_rfc3339_unix_ms(ms);
}

boost::json::array problems_json(const std::vector<Problem>& problems) {
  boost::json::array out;
  for (const auto& p : problems)
    out.push_back(boost::json::object{{"at_ms", p.at_ms}, {"message", p.message}});
  return out;
}

std::vector<Problem> problems_from_json(const boost::json::object& o) {
  std::vector<Problem> out;
  const auto* list = o.if_contains("problems");
  if (!list || !list->is_array()) return out;
  for (const auto& item : list->get_array()) {
    if (!item.is_object()) continue;
    Problem p;
    read(item.get_object(), "at_ms", p.at_ms);
    read(item.get_object(), "message", p.message);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

std::string format_status(const Status& s, std::int64_t now_ms) {
  std::string out;
  out += fmt::format("leader:            {}\n", !s.leader          ? "none (no daemon leads the intake)"
                                                : s.daemon.empty() ? "this daemon"
                                                                   : s.daemon);
  out += fmt::format("socket:            {}{}\n", s.socket,
                     s.socket_since_ms > 0 ? fmt::format(" (since {})", age(s.socket_since_ms, now_ms)) : "");
  out += fmt::format("channels:          {}\n",
                     s.channels.empty() ? "none" : fmt::format("{}", fmt::join(s.channels, ", ")));
  out += fmt::format("subscribed queues: {}{}\n", s.queues.size(),
                     s.queues.empty() ? "" : fmt::format(" ({})", fmt::join(s.queues, ", ")));
  out += fmt::format("last event:        {}\n", age(s.last_event_ms, now_ms));
  out += fmt::format("watermark:         {}\n", when(s.watermark_ms));
  out +=
      fmt::format("last reconcile:    {}: {} ended conversation(s), {} the socket had missed{}\n",
                  age(s.last_reconcile_ms, now_ms), s.last_reconcile_found, s.last_reconcile_enqueued,
                  s.last_reconcile_complete ? "" : fmt::format(" (incomplete: {})", s.last_reconcile_error));
  if (s.last_reconcile_from_ms > 0)
    out += fmt::format("reconcile window:  {} to {}\n", when(s.last_reconcile_from_ms),
                       when(s.last_reconcile_to_ms));
  out += fmt::format("found since start: {} by notifications, {} by reconciliation; {} reconnect(s)\n",
                     s.found_notifications, s.found_reconcile, s.reconnects);
  for (auto p = s.problems.rbegin(); p != s.problems.rend(); ++p)
    out += fmt::format("problem:           {}: {}\n", age(p->at_ms, now_ms), p->message);
  out += fmt::format("status written:    {}\n", age(s.updated_ms, now_ms));
  return out;
}

boost::json::object to_json(const Status& s) {
  return {{"leader", s.leader},
          {"daemon", s.daemon},
          {"socket", s.socket},
          {"socket_since_ms", s.socket_since_ms},
          {"channels", boost::json::value_from(s.channels)},
          {"queues", boost::json::value_from(s.queues)},
          {"last_event_ms", s.last_event_ms},
          {"watermark_ms", s.watermark_ms},
          {"last_reconcile_ms", s.last_reconcile_ms},
          {"last_reconcile_from_ms", s.last_reconcile_from_ms},
          {"last_reconcile_to_ms", s.last_reconcile_to_ms},
          {"last_reconcile_found", s.last_reconcile_found},
          {"last_reconcile_enqueued", s.last_reconcile_enqueued},
          {"last_reconcile_complete", s.last_reconcile_complete},
          {"last_reconcile_error", s.last_reconcile_error},
          {"found_notifications", s.found_notifications},
          {"found_reconcile", s.found_reconcile},
          {"reconnects", s.reconnects},
          {"problems", problems_json(s.problems)},
          {"updated_ms", s.updated_ms}};
}

Status status_from_json(const boost::json::object& o) {
  Status s;
  read(o, "leader", s.leader);
  read(o, "daemon", s.daemon);
  read(o, "socket", s.socket);
  read(o, "socket_since_ms", s.socket_since_ms);
  read(o, "channels", s.channels);
  read(o, "queues", s.queues);
  read(o, "last_event_ms", s.last_event_ms);
  read(o, "watermark_ms", s.watermark_ms);
  read(o, "last_reconcile_ms", s.last_reconcile_ms);
  read(o, "last_reconcile_from_ms", s.last_reconcile_from_ms);
  read(o, "last_reconcile_to_ms", s.last_reconcile_to_ms);
  read(o, "last_reconcile_found", s.last_reconcile_found);
  read(o, "last_reconcile_enqueued", s.last_reconcile_enqueued);
  read(o, "last_reconcile_complete", s.last_reconcile_complete);
  read(o, "last_reconcile_error", s.last_reconcile_error);
  read(o, "found_notifications", s.found_notifications);
  read(o, "found_reconcile", s.found_reconcile);
  read(o, "reconnects", s.reconnects);
  s.problems = problems_from_json(o);
  read(o, "updated_ms", s.updated_ms);
  return s;
}

std::optional<Status> recorded_status(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  boost::system::error_code ec;
  const auto doc = boost::json::parse(*text, ec);
  return status_from_json(!ec && doc.is_object() ? doc.get_object() : boost::json::object{});
}

boost::json::object recorded_json(const std::optional<Status>& status) {
  auto out = to_json(status.value_or(Status{}));
  out["recorded"] = status.has_value();
  return out;
}

}  // namespace insightd::intake
