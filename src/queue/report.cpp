// SPDX-License-Identifier: Apache-2.0
#include "insightd/queue/report.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "insightd/common/rfc3339.hpp"

namespace insightd::queue {

namespace {

// Keeps a table row on one line whatever the error text holds.
std::string one_line(std::string_view text, std::size_t max) {
  std::string out;
  for (char c : text) out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  if (out.size() > max) out = out.substr(0, max - 3) + "...";
  return out;
}

// "... (correlation id X) ..." as the fetcher words its errors; "" when absent or "none".
std::string correlation_id_in(std::string_view reason) {
  constexpr std::string_view kMarker = "(correlation id ";
  const auto at = reason.find(kMarker);
  if (at == std::string_view::npos) return {};
  const auto start = at + kMarker.size();
  const auto end = reason.find(')', start);
  if (end == std::string_view::npos) return {};
  auto id = reason.substr(start, end - start);
  return id == "none" ? std::string() : std::string(id);
}

// Columns padded to their widest cell, two spaces apart; each line starts with `indent`.
std::string format_table(const std::vector<std::vector<std::string>>& rows, std::string_view indent) {
  std::vector<std::size_t> width(rows.front().size());
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  std::string out;
  for (const auto& row : rows) {
    out += indent;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i + 1 == row.size())
        out += row[i];
      else
        out += fmt::format("{:<{}}  ", row[i], width[i]);
    }
    out += '\n';
  }
  return out;
}

}  // namespace

boost::json::object to_json(const Counts& c) {
  return {{"pending", c.pending},  {"in_flight", c.in_flight + c.delivering},
          {"leased", c.in_flight}, {"delivering", c.delivering},
          {"done", c.done},        {"failed", c.failed},
          {"dead", c.dead},        {"outbox_depth", c.outbox}};
}

boost::json::object to_json(const InteractionInfo& info) {
  return {{"id", info.id},
          {"state", to_string(info.state)},
          {"attempts", info.attempts},
          {"last_error", info.last_error},
          {"updated_at", format_rfc3339_unix_ms(info.updated_at_ms)},
          {"outbox_parts", info.outbox_parts}};
}

boost::json::object status_json(const Counts& counts, const std::optional<std::string>& deliveries_held,
                                const std::vector<DaemonInfo>& daemons) {
  auto doc = to_json(counts);
  doc["deliveries_held"] =
      deliveries_held ? boost::json::value(*deliveries_held) : boost::json::value(nullptr);
  doc["daemons"] = to_json(daemons);
  return doc;
}

boost::json::object to_json(const Failure& f) {
  return {{"id", f.interaction_id},
          {"state", to_string(f.state)},
          {"kind", f.kind},
          {"attempts", f.attempts},
          {"last_status", f.last_status},
          {"reason", f.last_error},
          {"correlation_id", f.correlation_id.empty() ? correlation_id_in(f.last_error) : f.correlation_id},
          {"updated_at", format_rfc3339_unix_ms(f.updated_at_ms)}};
}

std::string format_counts(const Counts& c) {
  return fmt::format(
      "pending       {}\n"
      "in_flight     {}  (leased {}, delivering {})\n"
      "done          {}\n"
      "failed        {}\n"
      "dead          {}\n"
      "outbox depth  {}\n",
      c.pending, c.in_flight + c.delivering, c.in_flight, c.delivering, c.done, c.failed, c.dead, c.outbox);
}

std::string format_dead_letters(const std::vector<DeadLetter>& letters) {
  if (letters.empty()) return "no dead letters\n";
  std::vector<std::vector<std::string>> rows{
      {"TIME", "INTERACTION", "ATTEMPTS", "LAST STATUS", "LAST ERROR", "KIND"}};
  for (const auto& d : letters) {
    rows.push_back({format_rfc3339_unix_ms(d.time_ms), d.interaction_id, std::to_string(d.attempts),
                    d.last_status ? std::to_string(d.last_status) : "-", one_line(d.last_error, 80), d.kind});
  }
  return format_table(rows, "");
}

boost::json::array to_json(const std::vector<DaemonInfo>& daemons) {
  boost::json::array list;
  for (const auto& d : daemons) {
    list.push_back(boost::json::object{{"owner", d.owner},
                                       {"host", d.host},
                                       {"pid", d.pid},
                                       {"version", d.version},
                                       {"started_at", format_rfc3339_unix_ms(d.started_ms)},
                                       {"last_seen_at", format_rfc3339_unix_ms(d.last_seen_ms)},
                                       {"expires_at", format_rfc3339_unix_ms(d.expires_ms)},
                                       {"fetch_leases", d.fetch_leases},
                                       {"delivery_leases", d.delivery_leases}});
  }
  return list;
}

std::string format_daemons(const std::vector<DaemonInfo>& daemons, std::int64_t now_ms) {
  if (daemons.empty()) return {};
  std::vector<std::vector<std::string>> rows{
      {"HOST", "PID", "VERSION", "SINCE", "LAST SEEN", "FETCH LEASES", "DELIVERY LEASES"}};
  for (const auto& d : daemons) {
    rows.push_back({d.host, std::to_string(d.pid), d.version, format_rfc3339_unix_ms(d.started_ms),
                    fmt::format("{}s ago", std::max<std::int64_t>(0, (now_ms - d.last_seen_ms) / 1000)),
                    std::to_string(d.fetch_leases), std::to_string(d.delivery_leases)});
  }
  return fmt::format("daemons       {}\n", daemons.size()) + format_table(rows, "  ");
}

}  // namespace insightd::queue
