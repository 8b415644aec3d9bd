// SPDX-License-Identifier: Apache-2.0
#include "secrets.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "values.hpp"

namespace insightd::config_detail {
namespace {
constexpr std::size_t kMaxSecretFileBytes = 64u << 10;
}  // namespace

std::filesystem::path resolve_secret_path(const std::filesystem::path& configured,
                                          const std::optional<std::string>& credentials_directory,
                                          const std::filesystem::path& base_dir) {
  const bool have_credentials = credentials_directory && !credentials_directory->empty();
  if (configured.is_relative()) {
    return (have_credentials ? std::filesystem::path(*credentials_directory) : base_dir) / configured;
  }
  std::error_code ec;
  if (have_credentials && !std::filesystem::exists(configured, ec))
    return std::filesystem::path(*credentials_directory) / configured.filename();
  return configured;
}

std::optional<std::string> read_at_most(std::istream& in, std::size_t limit) {
  std::string content(limit + 1, '\0');
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  content.resize(static_cast<std::size_t>(in.gcount()));
  if (content.size() > limit) return std::nullopt;
  return content;
}

std::optional<std::string> read_secret_file(const Entry& e, Context& ctx) {
  auto configured = read_text(e, ctx);
  if (!configured) return std::nullopt;
  if (configured->empty()) {
    ctx.error(e, "is empty (give a path)");
    return std::nullopt;
  }
  const auto path = resolve_secret_path(*configured, ctx.getenv("CREDENTIALS_DIRECTORY"), ctx.base_dir());

  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    ctx.error(e, fmt::format("'{}' is a directory, not a file", path.string()));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ctx.error(e, fmt::format("cannot read '{}': {}", path.string(), std::strerror(errno)));
    return std::nullopt;
  }
  auto content = read_at_most(in, kMaxSecretFileBytes);
  if (!content) {
    ctx.error(e, fmt::format("'{}' is larger than {} KiB; a secret is a few bytes", path.string(),
                             kMaxSecretFileBytes / 1024));
    return std::nullopt;
  }
  std::string secret = std::move(*content);
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  if (secret.empty()) {
    ctx.error(e, fmt::format("'{}' is empty", path.string()));
    return std::nullopt;
  }
  return secret;
}

}  // namespace insightd::config_detail
