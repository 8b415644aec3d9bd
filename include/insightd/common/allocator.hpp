// SPDX-License-Identifier: Apache-2.0
#pragma once
// glibc malloc settings for a long-running process that allocates and frees
// bodies of tens of KB on several threads all the time.

namespace insightd {

// With glibc's defaults each free that leaves a large top chunk gives the pages
// back (madvise/munmap), and the next allocation faults them in again: under
// load that cost 10 % of a core in the daemon, mostly TLB shootdowns between its
// threads (bench/RESULTS.md). Keeps up to 32 MiB cached and allocations below
// 4 MiB on the heap. Call once, early, before other threads start.
void keep_freed_memory_for_reuse() noexcept;

}  // namespace insightd
