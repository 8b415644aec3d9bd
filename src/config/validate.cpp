// SPDX-License-Identifier: Apache-2.0
#include "validate.hpp"

#include <fmt/format.h>

#include "insightd/config/regions.hpp"
#include "values.hpp"

namespace insightd::config_detail {
namespace {

// Where to blame a missing key: its section's key, else the top of the file.
YAML::Mark section_mark(const Context& ctx, const YAML::Node& root, const std::string& section) {
  if (const auto* mark = ctx.key_mark(section)) return *mark;
  return root.Mark();
}

void require_text(Context& ctx, const YAML::Node& root, const std::string& section, std::string_view key,
                  const std::string& value) {
  const auto path = join_path(section, key);
  if (const auto* mark = ctx.key_mark(path)) {
    if (value.empty() && !ctx.failed(path)) ctx.error(*mark, path + ": must not be empty");
    return;
  }
  ctx.error(section_mark(ctx, root, section), path + " is required");
}

// A secret is given inline or as a file: exactly one of the two.
void require_one_secret(Context& ctx, const YAML::Node& root, const std::string& section,
                        std::string_view inline_key, const std::string& value) {
  const auto inline_path = join_path(section, inline_key);
  const auto file_path = inline_path + "_file";
  const auto* inline_mark = ctx.key_mark(inline_path);
  const auto* file_mark = ctx.key_mark(file_path);
  if (inline_mark && file_mark) {
    ctx.error(*file_mark, fmt::format("{}: give {} or {}_file, not both", section, inline_key, inline_key));
  } else if (!inline_mark && !file_mark) {
    ctx.error(section_mark(ctx, root, section),
              fmt::format("{}: {} or {}_file is required", section, inline_key, inline_key));
  } else if (inline_mark && value.empty() && !ctx.failed(inline_path)) {
    ctx.error(*inline_mark, inline_path + ": must not be empty");
  }
}

// Two ways of giving one setting: at most one of them.
void refuse_both(Context& ctx, const std::string& one, const std::string& other) {
  const auto* one_mark = ctx.key_mark(one);
  const auto* other_mark = ctx.key_mark(other);
  if (one_mark && other_mark) ctx.error(*other_mark, fmt::format("give {} or {}, not both", one, other));
}

// Explicit URLs win; the region fills in whichever is missing.
void derive_genesys_urls(Context& ctx, GenesysConfig& genesys) {
  if (!genesys.api_base_url.empty() && !genesys.login_base_url.empty()) return;
  if (ctx.failed("genesys.region") || ctx.failed("genesys.api_base_url") ||
      ctx.failed("genesys.login_base_url"))
    return;
  if (!is_genesys_region(genesys.region)) {
    const auto* mark = ctx.key_mark("genesys.region");
    std::string message = fmt::format("genesys.region: unknown region '{}'", genesys.region);
    if (auto guess = closest_match(genesys.region, genesys_regions()); !guess.empty())
      message += fmt::format(" (did you mean '{}'?)", guess);
    message += fmt::format("; valid regions: {}; or give api_base_url and login_base_url",
                           join_names(genesys_regions()));
    ctx.error(mark ? *mark : YAML::Mark::null_mark(), message);
    return;
  }
  if (genesys.api_base_url.empty()) genesys.api_base_url = api_base_url_for(genesys.region);
  if (genesys.login_base_url.empty()) genesys.login_base_url = login_base_url_for(genesys.region);
}

void require_ordered(Context& ctx, const std::string& section, Duration initial, Duration max) {
  const auto initial_path = section + ".initial";
  const auto max_path = section + ".max";
  if (initial <= max || ctx.failed(initial_path) || ctx.failed(max_path)) return;
  const auto* mark = ctx.key_mark(initial_path);
  if (!mark) mark = ctx.key_mark(max_path);
  ctx.error(mark ? *mark : YAML::Mark::null_mark(),
            fmt::format("{} ({}ms) must not exceed {} ({}ms)", initial_path, initial.count(), max_path,
                        max.count()));
}

}  // namespace

void validate_across_keys(const YAML::Node& root, Context& ctx, Config& config) {
  require_text(ctx, root, "genesys", "client_id", config.genesys.client_id);
  require_one_secret(ctx, root, "genesys", "client_secret", config.genesys.client_secret);
  require_text(ctx, root, "crm", "url", config.crm.url);
  require_one_secret(ctx, root, "crm", "signing_secret", config.crm.signing_secret);
  derive_genesys_urls(ctx, config.genesys);
  require_ordered(ctx, "genesys.retry", config.genesys.retry.initial, config.genesys.retry.max);
  refuse_both(ctx, "queue.redis.password", "queue.redis.password_file");
  require_ordered(ctx, "crm.backoff", config.crm.backoff.initial, config.crm.backoff.max);
}

}  // namespace insightd::config_detail
