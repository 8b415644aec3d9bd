// Entry points: parse the YAML, walk the schema, run the cross-key checks.
#include "insightd/config/loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <tuple>

#include "sections.hpp"
#include "validate.hpp"

namespace insightd {
namespace {

LoadResult load(std::string_view yaml, const std::string& display_name, EnvLookup env,
                std::filesystem::path base_dir) {
  using namespace config_detail;
  Context ctx(display_name, std::move(env), std::move(base_dir));
  Config config;
  config.path = display_name;
  try {
    const YAML::Node root = YAML::Load(std::string(yaml));
    if (!root.IsNull() && !root.IsMap()) {
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
  std::ostringstream content;
  content << in.rdbuf();
  auto base_dir = std::filesystem::absolute(path, ec).parent_path();
  return load(content.str(), path, std::move(env), base_dir);
}

}  // namespace insightd
