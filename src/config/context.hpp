// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the schema walk carries: the diagnostics found so far, the environment,
// and which keys the file gave (for "required" and "exactly one of" checks).
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <set>

#include "insightd/config/loader.hpp"

namespace insightd::config_detail {

// A value found under a key: its node, dotted path and the position to blame
// (the value's, or the key's when the value is empty).
struct Entry {
  YAML::Node node;
  std::string path;  // "crm.backoff.initial"
  YAML::Mark mark;
};

class Context {
 public:
  Context(std::string file, EnvLookup env, std::filesystem::path base_dir);

  // "path: message" at the entry's position; remembers the path as failed.
  void error(const Entry& at, std::string_view message);
  void warning(const Entry& at, std::string_view message);
  void error(const YAML::Mark& at, std::string message);

  bool failed(std::string_view path) const { return failed_paths_.contains(std::string(path)); }

  void record_key(const std::string& path, const YAML::Mark& key_mark) { keys_.emplace(path, key_mark); }
  const YAML::Mark* key_mark(const std::string& path) const;

  std::optional<std::string> getenv(std::string_view name) const;
  const std::filesystem::path& base_dir() const { return base_dir_; }
  const std::string& file() const { return file_; }

  std::vector<Diagnostic> take_errors() { return std::move(errors_); }
  std::vector<Diagnostic> take_warnings() { return std::move(warnings_); }
  bool has_errors() const { return !errors_.empty(); }

 private:
  Diagnostic at(const YAML::Mark& mark, std::string message) const;

  std::string file_;
  EnvLookup env_;
  std::filesystem::path base_dir_;
  std::vector<Diagnostic> errors_;
  std::vector<Diagnostic> warnings_;
  std::set<std::string, std::less<>> failed_paths_;
  std::map<std::string, YAML::Mark, std::less<>> keys_;
};

// The position of a key's value; an empty value (`key:`) has none worth
// showing, so blame the key.
YAML::Mark value_mark(const YAML::Node& key, const YAML::Node& value);

// "genesys" + "client_id" -> "genesys.client_id"
std::string join_path(std::string_view parent, std::string_view key);

}  // namespace insightd::config_detail
