// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/allocator.hpp"

#include <malloc.h>

namespace insightd {

void keep_freed_memory_for_reuse() noexcept {
  mallopt(M_TRIM_THRESHOLD, 32 << 20);
  mallopt(M_MMAP_THRESHOLD, 4 << 20);  // setting the trim threshold fixes this one too
}

}  // namespace insightd
