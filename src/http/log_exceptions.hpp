#pragma once
#include "insightd/common/log_exceptions.hpp"

namespace insightd::http {
using LogExceptions = insightd::LogExceptions;
}  // namespace insightd::http
