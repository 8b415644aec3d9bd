// SPDX-License-Identifier: Apache-2.0
#pragma once
// The completion token of awaited socket operations: errors
// come back as values (an error_code first in a tuple) instead of exceptions.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace insightd {

inline constexpr auto nothrow = boost::asio::as_tuple(boost::asio::use_awaitable);

}  // namespace insightd
