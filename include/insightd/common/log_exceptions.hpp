#pragma once
#include "insightd/common/log_exceptions.hpp"

<<<<<<<< HEAD:include/insightd/common/log_exceptions.hpp
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
========
namespace insightd::http {
using LogExceptions = insightd::LogExceptions;
}  // namespace insightd::http
>>>>>>>> redis:src/http/log_exceptions.hpp
