// SPDX-License-Identifier: Apache-2.0
#pragma once
// Times as both backends store them: milliseconds since the Unix epoch.
#include <chrono>
#include <cstdint>

namespace insightd::queue {

inline std::int64_t to_ms(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

}  // namespace insightd::queue
