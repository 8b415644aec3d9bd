// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where the repository's own files (contrib/, docs/, man/, config/) are, for
// tests that check them; INSIGHTD_TEST_DATA_DIR is the tests/ directory.
#include <filesystem>

namespace insightd::test {

inline const std::filesystem::path repo_root = std::filesystem::path(INSIGHTD_TEST_DATA_DIR).parent_path();

}  // namespace insightd::test
