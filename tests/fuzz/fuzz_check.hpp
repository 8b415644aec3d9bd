// SPDX-License-Identifier: Apache-2.0
#pragma once
// FUZZ_CHECK: an invariant a fuzz target asserts. It aborts (a libFuzzer
// crash, with the input saved) in every build type, unlike assert().
#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond)                                                                \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)
