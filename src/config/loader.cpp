// SPDX-License-Identifier: Apache-2.0
// Entry points: parse the YAML, walk the schema, run the cross-key checks.
#include "insightd/config/loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <tuple>
#include <vector>

#include "secrets.hpp"
#include "sections.hpp"
#include "validate.hpp"

namespace insightd {
namespace {

// Where the quote opened at `pos` closes, or npos when it never does.
std::size_t closing_quote(std::string_view source, std::size_t pos) {
  const char quote = source[pos];
  for (std::size_t i = pos + 1; i < source.size(); ++i) {
    if (quote == '"' && source[i] == '\\') {
      ++i;  // an escape: the next character is not the end
    } else if (source[i] == quote) {
      if (quote == '\'' && i + 1 < source.size() && source[i + 1] == '\'') {
        ++i;  // '' inside single quotes is one quote
      } else {
        return i;
      }
    }
  }
  return std::string_view::npos;
}

struct Problem {
  YAML::Mark mark;
  const char* message;
};

// Aliases make the document a graph: one node reached many times (walked
// once), or a node holding an alias of itself (`a: &x {b: *x}`), which has no
// end. The containers walked, and those above the current node.
struct Walk {
  std::string_view source;
  std::vector<YAML::Node> walked;
  std::vector<YAML::Node> above;
};

bool holds(const std::vector<YAML::Node>& nodes, const YAML::Node& node) {
  return std::any_of(nodes.begin(), nodes.end(), [&](const YAML::Node& n) { return n.is(node); });
}

// What yaml-cpp lets through: a quoted scalar whose quote never closes,
// swallowing the rest of the file into it (found at the quote that opened
// it), and an anchor whose node contains its own alias.
std::optional<Problem> unsound_node(const YAML::Node& node, Walk& walk) {
  if (node.IsScalar()) {
    const auto pos = static_cast<std::size_t>(node.Mark().pos);
    const bool quoted = node.Mark().pos >= 0 && pos < walk.source.size() &&
                        (walk.source[pos] == '"' || walk.source[pos] == '\'');
    if (quoted && closing_quote(walk.source, pos) == std::string_view::npos)
      return Problem{node.Mark(),
                     "YAML syntax error: this quote is never closed (the value runs to the end of the file)"};
    return std::nullopt;
  }
  if (!node.IsSequence() && !node.IsMap()) return std::nullopt;
  if (holds(walk.above, node))
    return Problem{node.Mark(), "YAML error: this anchored node contains an alias of itself (it has no end)"};
  if (holds(walk.walked, node)) return std::nullopt;
  walk.walked.push_back(node);
  walk.above.push_back(node);
  std::optional<Problem> found;
  for (const auto& item : node) {
    if (node.IsSequence()) {
      found = unsound_node(item, walk);
    } else if (!(found = unsound_node(item.first, walk))) {
      found = unsound_node(item.second, walk);
    }
    if (found) break;
  }
  walk.above.pop_back();
  return found;
}

LoadResult load(std::string_view yaml, const std::string& display_name, EnvLookup env,
                std::filesystem::path base_dir) {
  using namespace config_detail;
  Context ctx(display_name, std::move(env), std::move(base_dir));
  Config config;
  config.path = display_name;
  try {
    const YAML::Node root = YAML::Load(std::string(yaml));
    Walk walk{yaml, {}, {}};
    if (const auto problem = unsound_node(root, walk)) {
      ctx.error(problem->mark, problem->message);
    } else if (!root.IsNull() && !root.IsMap()) {
      ctx.error(root.Mark(), "expected a mapping of sections (genesys, retrieval, crm, ...)");
    } else {
      read_mapping(Entry{root, "", root.Mark()}, config_schema(), ctx, config);
      validate_across_keys(root, ctx, config);
    }
  } catch (const YAML::ParserException& e) {
    ctx.error(e.mark, "YAML syntax error: " + e.msg);
  } catch (const YAML::Exception& e) {  // not expected from Load/Scalar; still a bad file, not a crash
    ctx.error(e.mark, "YAML error: " + e.msg);
  }

  LoadResult result;
  result.errors = ctx.take_errors();
  result.warnings = ctx.take_warnings();
  // Cross-key checks run last; show everything in file order.
  auto by_position = [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  };
  std::stable_sort(result.errors.begin(), result.errors.end(), by_position);
  std::stable_sort(result.warnings.begin(), result.warnings.end(), by_position);
  if (result.errors.empty()) result.config = std::move(config);
  return result;
}

}  // namespace

std::string Diagnostic::str() const {
  if (line <= 0) return fmt::format("{}: {}", file, message);
  return fmt::format("{}:{}:{}: {}", file, line, column, message);
}

LoadResult load_config_text(std::string_view yaml, const std::string& display_name, EnvLookup env) {
  std::error_code ec;
  auto cwd = std::filesystem::current_path(ec);
  return load(yaml, display_name, std::move(env), cwd);
}

LoadResult load_config_file(const std::string& path, EnvLookup env) {
  auto unreadable = [&](std::string_view reason) {
    LoadResult result;
    result.errors.push_back(
        Diagnostic{path, 0, 0, fmt::format("cannot read the configuration file: {}", reason)});
    return result;
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return unreadable("it is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return unreadable(std::strerror(errno));
  auto content = config_detail::read_at_most(in, kMaxConfigFileBytes);
  if (!content) {
    return unreadable(fmt::format("it is larger than {} KiB; a configuration file is a few KiB",
                                  kMaxConfigFileBytes / 1024));
  }
  auto base_dir = std::filesystem::absolute(path, ec).parent_path();
  return load(*content, path, std::move(env), base_dir);
}

}  // namespace insightd
