// SPDX-License-Identifier: Apache-2.0
#pragma once
// The spelling of every configuration enum, shared by the parser and to_string.
#include <array>
#include <string_view>
#include <utility>

#include "insightd/config/config.hpp"

namespace insightd::config_detail {

template <class E, std::size_t N>
using NameTable = std::array<std::pair<std::string_view, E>, N>;

inline constexpr NameTable<SourceKind, 3> source_names{{
    {"agentassist", SourceKind::agentassist},
    {"copilot-summaries", SourceKind::copilot_summaries},
    {"sta", SourceKind::sta},
}};
inline constexpr NameTable<SortBy, 3> sort_by_names{{
    {"relevance", SortBy::relevance},
    {"confidence", SortBy::confidence},
    {"createdDate", SortBy::created_date},
}};
inline constexpr NameTable<SortOrder, 2> sort_order_names{{
    {"asc", SortOrder::asc},
    {"desc", SortOrder::desc},
}};
inline constexpr NameTable<StalePolicy, 3> stale_policy_names{{
    {"drop", StalePolicy::drop},
    {"deliver", StalePolicy::deliver},
    {"fail", StalePolicy::fail},
}};
inline constexpr NameTable<PiiPolicy, 3> pii_policy_names{{
    {"mask", PiiPolicy::mask},
    {"block", PiiPolicy::block},
    {"flag", PiiPolicy::flag},
}};
inline constexpr NameTable<QueueBackend, 2> queue_backend_names{{
    {"sqlite", QueueBackend::sqlite},
    {"redis", QueueBackend::redis},
}};
inline constexpr NameTable<AuditSinkKind, 3> audit_sink_names{{
    {"auto", AuditSinkKind::automatic},
    {"journald", AuditSinkKind::journald},
    {"stdout", AuditSinkKind::stdout_json},
}};
// spdlog's level names.
inline constexpr std::array<std::string_view, 7> log_level_names{"trace", "debug",    "info", "warn",
                                                                 "error", "critical", "off"};

template <class E, std::size_t N>
constexpr std::string_view name_of(const NameTable<E, N>& table, E value) noexcept {
  for (const auto& [name, v] : table)
    if (v == value) return name;
  return "?";
}

}  // namespace insightd::config_detail
