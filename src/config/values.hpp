// SPDX-License-Identifier: Apache-2.0
#pragma once
// Typed readers for one configuration value. Each reports its own problem to
// the context (with the value's position) and returns nullopt on failure, so
// the caller keeps the default and the walk goes on to find the next problem.
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>

#include "context.hpp"

namespace insightd::config_detail {

// The scalar's text after ${VAR} substitution; an empty value reads as "".
std::optional<std::string> read_text(const Entry& e, Context& ctx);

std::optional<long long> read_integer(const Entry& e, Context& ctx, long long min,
                                      long long max = std::numeric_limits<long long>::max());
std::optional<double> read_number(const Entry& e, Context& ctx, double min, double max);
std::optional<Duration> read_positive_duration(const Entry& e, Context& ctx);

// An absolute URL with one of `schemes` and a host; http:// to a host that is
// not loopback draws a warning, once per host per process.
// The trailing '/' is dropped so callers can append "/api/v2/...".
std::optional<std::string> read_url(const Entry& e, Context& ctx, std::span<const std::string_view> schemes);

// A TCP port written in decimal: its number when it is 0..65535, otherwise nullopt
// (Boost.URL's port_number() wraps 99999 to 34463 and reads garbage as 0).
std::optional<std::uint16_t> tcp_port(std::string_view text);

// The index of the value in `names`; an unknown one is reported with the list.
std::optional<std::size_t> read_choice(const Entry& e, Context& ctx, std::span<const std::string_view> names);

// The candidate a likely typo of `word` was meant to be, or "" when none is close.
std::string_view closest_match(std::string_view word, std::span<const std::string_view> candidates);

// "a, b, c"
std::string join_names(std::span<const std::string_view> names);

}  // namespace insightd::config_detail
