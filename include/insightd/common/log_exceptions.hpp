// SPDX-License-Identifier: Apache-2.0
#pragma once
// Completion handler for co_spawn: bare `detached` swallows exceptions
// (asio#1111), this one logs them with what was running.
#include <spdlog/spdlog.h>

#include <exception>
#include <string>

namespace insightd {

struct LogExceptions {
  std::string what;

  void operator()(std::exception_ptr error) const {
    if (!error) return;
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      spdlog::error("{}: unexpected exception: {}", what, e.what());
    } catch (...) {
      spdlog::error("{}: unexpected non-standard exception", what);
    }
  }
};

}  // namespace insightd
