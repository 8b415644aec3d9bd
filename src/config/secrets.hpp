// SPDX-License-Identifier: Apache-2.0
#pragma once
// Secrets given as files (systemd LoadCredential=, Kubernetes secrets, ...).
#include <cstddef>
#include <istream>
#include <optional>
#include <string>

#include "context.hpp"

namespace insightd::config_detail {

// Where a *_file setting points. With $CREDENTIALS_DIRECTORY set, a relative
// path, or an absolute one that does not exist, names a file in that
// directory (so the same config works inside and outside the unit).
// Otherwise a relative path is taken from `base_dir`.
std::filesystem::path resolve_secret_path(const std::filesystem::path& configured,
                                          const std::optional<std::string>& credentials_directory,
                                          const std::filesystem::path& base_dir);

// The whole of `in` when it holds at most `limit` bytes; nullopt when it holds
// more (then only limit + 1 bytes were read: a device like /dev/zero never ends).
std::optional<std::string> read_at_most(std::istream& in, std::size_t limit);

// Reads the secret file named by the entry: its content without trailing
// newlines. Problems are reported with the file's name, never its content.
std::optional<std::string> read_secret_file(const Entry& e, Context& ctx);

}  // namespace insightd::config_detail
