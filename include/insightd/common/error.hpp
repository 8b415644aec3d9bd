// SPDX-License-Identifier: Apache-2.0
#pragma once
// insightd's own error codes. Expected failures are values
// (boost::system::error_code / result<T>); exceptions are for bugs and start-up.
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>
#include <string>
#include <type_traits>

namespace insightd {

// Spelled like std::errc and boost::system::errc, as error-code enums are.
enum class errc {  // NOLINT(readability-identifier-naming)
  token_request_failed = 1,  // OAuth token endpoint refused (e.g. invalid_client)
  malformed_response,        // body is not the JSON we expect
  not_ready,                 // upstream data not ready yet (retry later)
  permanent_failure,         // 400/403/404 etc.: do not retry
  timeout,
  invalid_url,
  body_too_large,
  invalid_argument,
};

const boost::system::error_category& insightd_category() noexcept;

inline boost::system::error_code make_error_code(errc e) noexcept {
  return {static_cast<int>(e), insightd_category()};
}

template <class T>
using result = boost::system::result<T>;

}  // namespace insightd

namespace boost::system {
template <>
struct is_error_code_enum<insightd::errc> : std::true_type {};
}  // namespace boost::system
