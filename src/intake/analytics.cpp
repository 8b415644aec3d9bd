// SPDX-License-Identifier: Apache-2.0
#include "insightd/intake/analytics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <charconv>

#include "insightd/common/rfc3339.hpp"

namespace insightd::intake {

Interval reconcile_window(std::optional<SysTime> watermark, SysTime now, std::chrono::milliseconds overlap,
                          std::chrono::milliseconds lookback) {
  const SysTime start = watermark ? *watermark - overlap : now - lookback;
  return {std::min(start, now), now};
}

std::vector<Interval> split_interval(Interval window, std::chrono::milliseconds max) {
  std::vector<Interval> pieces;
  for (auto start = window.start; start < window.end;) {
    const auto end = std::min(window.end, start + max);
    pieces.push_back({start, end});
    start = end;
  }
  return pieces;
}

std::string to_iso8601(Interval interval) {
  return fmt::format("{}/{}", format_rfc3339(interval.start), format_rfc3339(interval.end));
}

std::string analytics_query_body(Interval interval, const std::vector<std::string>& queue_ids,
                                 int page_number, int page_size) {
  boost::json::array queue_predicates;
  for (const auto& id : queue_ids)
    queue_predicates.push_back(
        {{"type", "dimension"}, {"dimension", "queueId"}, {"operator", "matches"}, {"value", id}});
  boost::json::object body{
      {"interval", to_iso8601(interval)},
      {"order", "asc"},
      {"orderBy", "conversationStart"},
      {"paging", {{"pageSize", page_size}, {"pageNumber", page_number}}},
      {"conversationFilters",
       boost::json::array{{{"type", "and"},
                           {"predicates", boost::json::array{{{"type", "dimension"},
                                                              {"dimension", "conversationEnd"},
                                                              {"operator", "exists"}}}}}}},
      {"segmentFilters", boost::json::array{{{"type", "or"}, {"predicates", std::move(queue_predicates)}}}},
  };
  return boost::json::serialize(body);
}

result<AnalyticsPage> parse_analytics_page(std::string_view body) {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  if (ec || !value.is_object()) return errc::malformed_response;
  const auto& o = value.get_object();
  AnalyticsPage page;
  if (const auto* hits = o.if_contains("totalHits")) {
    // A JSON integer beyond int64 is held as uint64 (or double): no count.
    if (!hits->is_int64()) return errc::malformed_response;
    page.total_hits = hits->get_int64();
  }
  const auto* list = o.if_contains("conversations");
  if (!list) return page;
  if (!list->is_array()) return errc::malformed_response;
  for (const auto& item : list->get_array()) {
    if (!item.is_object()) return errc::malformed_response;
    ++page.conversations;
    const auto* id = item.get_object().if_contains("conversationId");
    const auto* end = item.get_object().if_contains("conversationEnd");
    if (!id || !id->is_string() || id->get_string().empty()) return errc::malformed_response;
    if (end && end->is_string() && !end->get_string().empty()) page.ended.emplace_back(id->get_string());
  }
  return page;
}

bool more_pages(const AnalyticsPage& page, int page_number, int page_size) {
  if (page.conversations == 0) return false;
  return static_cast<std::int64_t>(page_number) * page_size < page.total_hits;
}

std::string watermark_text(SysTime t) {
  return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count());
}

std::optional<SysTime> parse_watermark(std::string_view text) {
  std::int64_t ms = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), ms);
  // The clock counts nanoseconds: a later time would overflow its conversion.
  constexpr auto kLatest =
      std::chrono::duration_cast<std::chrono::milliseconds>(SysTime::duration::max()).count();
  if (ec != std::errc{} || end != text.data() + text.size() || ms < 0 || ms > kLatest) return std::nullopt;
  return SysTime{std::chrono::milliseconds(ms)};
}

}  // namespace insightd::intake
