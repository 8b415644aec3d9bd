// SPDX-License-Identifier: Apache-2.0
#pragma once
// An expected failure that carries its loggable reason: the error code says
// what kind of failure it is (callers branch on it), the message says what
// and where for a person (never secrets or PII).
#include <boost/assert/source_location.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>
#include <boost/system/system_error.hpp>
#include <boost/throw_exception.hpp>
#include <string>

#include "insightd/common/error.hpp"

namespace insightd {

struct ErrorWithMessage {
  boost::system::error_code code;
  std::string message;
};

// Used by result::value() on an error: the message travels in the exception.
[[noreturn]] inline void throw_exception_from_error(const ErrorWithMessage& e,
                                                    const boost::source_location& loc) {
  boost::throw_exception(boost::system::system_error(e.code, e.message), loc);
}

template <class T>
using result_with_message = boost::system::result<T, ErrorWithMessage>;

}  // namespace insightd
