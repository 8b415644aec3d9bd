// SPDX-License-Identifier: Apache-2.0
#pragma once
// Conversions between our plain Headers and Beast's header fields, and the
// read buffer size both ends give Beast.
#include <boost/beast/http/fields.hpp>
#include <cstddef>

#include "insightd/http/message.hpp"

namespace insightd::http {

void copy_to_fields(const Headers& from, boost::beast::http::fields& to);
Headers headers_from_fields(const boost::beast::http::fields& from);

// Beast reads at most a flat_buffer's free capacity at a time (never less than
// 512 bytes, never more than 64 KiB). Unreserved, a 56 KB body arrived in about
// 100 recvmsg calls; reserved, in one or two (bench/RESULTS.md).
inline constexpr std::size_t kReadBufferCapacity = 64 * 1024;

}  // namespace insightd::http
