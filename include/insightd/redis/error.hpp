// SPDX-License-Identifier: Apache-2.0
#pragma once
// Why a Redis command got no reply: a code to branch on and a message for the
// operator ("Redis unreachable at 10.0.0.5:6379: Connection refused"). Never
// carries a password or a command's arguments.
#include <boost/system/error_code.hpp>
#include <type_traits>

#include "insightd/common/result_with_message.hpp"

namespace insightd::redis {

// Spelled like std::errc and boost::system::errc, as error-code enums are.
enum class errc {  // NOLINT(readability-identifier-naming)
  unreachable = 1,  // no connection: connect, TLS or the AUTH/SELECT/SCRIPT LOAD set-up failed
  timeout,          // no reply within the command's timeout (the connection is re-established)
  connection_lost,  // the connection broke with the command sent: it may or may not have run
  protocol,         // the server sent bytes that are not RESP2
  cancelled,        // the caller's coroutine was cancelled, or the connection was closed
};

const boost::system::error_category& redis_category() noexcept;

inline boost::system::error_code make_error_code(errc e) noexcept {
  return {static_cast<int>(e), redis_category()};
}

using Error = ErrorWithMessage;

template <class T>
using Result = result_with_message<T>;

}  // namespace insightd::redis

namespace boost::system {
template <>
struct is_error_code_enum<insightd::redis::errc> : std::true_type {};
}  // namespace boost::system
