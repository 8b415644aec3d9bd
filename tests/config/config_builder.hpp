// SPDX-License-Identifier: Apache-2.0
#pragma once
// Builds test configurations: a minimal valid file plus the keys a test adds,
// and an injectable environment.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "insightd/config/loader.hpp"

namespace insightd::test {

class FakeEnv {
 public:
  FakeEnv& set(std::string name, std::string value) {
    vars_[std::move(name)] = std::move(value);
    return *this;
  }
  EnvLookup lookup() const {
    return [vars = vars_](std::string_view name) -> std::optional<std::string> {
      auto it = vars.find(std::string(name));
      if (it == vars.end()) return std::nullopt;
      return it->second;
    };
  }

 private:
  std::map<std::string, std::string> vars_;
};

inline constexpr const char* kGenesysSecret = "gen-s3cret-value";
inline constexpr const char* kCrmSecret = "whsec_crm-s3cret-value";

// The smallest valid configuration, one line per key, in sections that tests
// can extend or strip keys from. `line_of` says where a key ended up.
class ConfigBuilder {
 public:
  ConfigBuilder() {
    sections_ = {
        {"genesys", {"client_id: my-client", std::string("client_secret: ") + kGenesysSecret}},
        {"crm", {"url: https://crm.example.com/ingest", std::string("signing_secret: ") + kCrmSecret}},
    };
  }

  // Adds "  line" at the end of `section` (created after the others if new).
  ConfigBuilder& add(const std::string& section, const std::string& line) {
    for (auto& [name, lines] : sections_) {
      if (name == section) {
        lines.push_back(line);
        return *this;
      }
    }
    sections_.push_back({section, {line}});
    return *this;
  }

  // Removes the line of `section` starting with `key:`.
  ConfigBuilder& remove(const std::string& section, const std::string& key) {
    for (auto& [name, lines] : sections_) {
      if (name != section) continue;
      std::erase_if(lines, [&](const std::string& l) { return l.rfind(key + ":", 0) == 0; });
    }
    return *this;
  }

  std::string yaml() const {
    std::string out;
    for (const auto& [name, lines] : sections_) {
      out += name + ":\n";
      for (const auto& line : lines) out += "  " + line + "\n";
    }
    return out;
  }

  // 1-based line of the first line starting with `text` (after indentation).
  int line_of(const std::string& text) const {
    int line = 0;
    for (const auto& [name, lines] : sections_) {
      ++line;
      if (name == text) return line;
      for (const auto& l : lines) {
        ++line;
        if (l.rfind(text, 0) == 0) return line;
      }
    }
    return -1;
  }

 private:
  std::vector<std::pair<std::string, std::vector<std::string>>> sections_;
};

inline LoadResult load_text(const std::string& yaml, const FakeEnv& env = {}) {
  return load_config_text(yaml, "test.yaml", env.lookup());
}

inline std::string all_messages(const LoadResult& r) {
  std::string out;
  for (const auto& d : r.errors) out += d.str() + "\n";
  for (const auto& d : r.warnings) out += "warning: " + d.str() + "\n";
  return out;
}

}  // namespace insightd::test
