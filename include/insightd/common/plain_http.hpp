// SPDX-License-Identifier: Apache-2.0
#pragma once
// Plain http:// is what the tests and the demo use on loopback; anywhere else
// it carries tokens and insights in clear text. The configuration loader and
// the HTTP client both warn about it, through this one process-wide record, so
// each host is named once per process (not once per key, client and reload).
#include <string_view>

namespace insightd {

// 127.0.0.0/8, ::1 (also IPv4-mapped, with or without brackets), localhost
// and *.localhost; by name only, nothing is resolved.
bool is_loopback_host(std::string_view host);

// True the first time this process asks about a non-loopback host (case does
// not matter); false for loopback hosts and for every later call. Thread-safe.
bool should_warn_plain_http(std::string_view host);

}  // namespace insightd
