// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reconciliation arithmetic and wire formats: the window read after a
// watermark, its split into intervals the analytics query accepts (at most
// 7 days), the query body, and its response.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "insightd/common/error.hpp"

namespace insightd::intake {

using SysTime = std::chrono::system_clock::time_point;

inline constexpr std::chrono::hours kMaxQueryInterval{24 * 7};
inline constexpr int kAnalyticsPageSize = 100;

struct Interval {
  SysTime start, end;  // [start, end)
  bool operator==(const Interval&) const = default;
};

// From watermark - overlap (first run, no watermark: now - lookback) to now;
// empty (start == end) when that start is not before now.
Interval reconcile_window(std::optional<SysTime> watermark, SysTime now, std::chrono::milliseconds overlap,
                          std::chrono::milliseconds lookback);

// Consecutive pieces of at most `max` each covering `window`; none when it is empty.
std::vector<Interval> split_interval(Interval window, std::chrono::milliseconds max = kMaxQueryInterval);

// "2026-11-30T04:00:00.000Z/2026-11-30T05:00:00.000Z"
std::string to_iso8601(Interval interval);

// POST /api/v2/analytics/conversations/details/query: conversations of the
// queues that have ended, oldest first.
std::string analytics_query_body(Interval interval, const std::vector<std::string>& queue_ids,
                                 int page_number, int page_size = kAnalyticsPageSize);

struct AnalyticsPage {
  std::vector<std::string> ended;  // conversationIds with a conversationEnd
  std::size_t conversations = 0;   // entries on this page
  std::int64_t total_hits = 0;
};
// malformed_response when the body is not the documented shape; a page with
// no conversations may omit the list.
result<AnalyticsPage> parse_analytics_page(std::string_view body);

// Whether a page after `page_number` (1-based) exists.
bool more_pages(const AnalyticsPage& page, int page_number, int page_size = kAnalyticsPageSize);

// The watermark as Unix seconds text (what the store keeps) and back.
std::string watermark_text(SysTime t);
std::optional<SysTime> parse_watermark(std::string_view text);

}  // namespace insightd::intake
