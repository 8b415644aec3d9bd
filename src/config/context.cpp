// SPDX-License-Identifier: Apache-2.0
#include "context.hpp"

#include <cstdlib>

namespace insightd::config_detail {

Context::Context(std::string file, EnvLookup env, std::filesystem::path base_dir)
    : file_(std::move(file)), env_(std::move(env)), base_dir_(std::move(base_dir)) {}

Diagnostic Context::at(const YAML::Mark& mark, std::string message) const {
  // yaml-cpp marks are 0-based; a null mark (no position known) becomes 1:1.
  const int line = mark.is_null() ? 1 : mark.line + 1;
  const int column = mark.is_null() ? 1 : mark.column + 1;
  return Diagnostic{file_, line, column, std::move(message)};
}

void Context::error(const Entry& where, std::string_view message) {
  failed_paths_.insert(where.path);
  errors_.push_back(at(where.mark, where.path + ": " + std::string(message)));
}

void Context::warning(const Entry& where, std::string_view message) {
  warnings_.push_back(at(where.mark, where.path + ": " + std::string(message)));
}

void Context::error(const YAML::Mark& where, std::string message) {
  errors_.push_back(at(where, std::move(message)));
}

const YAML::Mark* Context::key_mark(const std::string& path) const {
  auto it = keys_.find(path);
  return it == keys_.end() ? nullptr : &it->second;
}

std::optional<std::string> Context::getenv(std::string_view name) const {
  if (env_) return env_(name);
  const char* value = std::getenv(std::string(name).c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

YAML::Mark value_mark(const YAML::Node& key, const YAML::Node& value) {
  return value.IsNull() || value.Mark().is_null() ? key.Mark() : value.Mark();
}

std::string join_path(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  std::string path(parent);
  path += '.';
  path += key;
  return path;
}

}  // namespace insightd::config_detail
