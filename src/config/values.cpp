// SPDX-License-Identifier: Apache-2.0
#include "values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/url/parse.hpp>
#include <cctype>
#include <charconv>
#include <numeric>

#include "insightd/common/plain_http.hpp"

namespace insightd::config_detail {
namespace {

bool is_env_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// Replaces every ${NAME} from the environment. Messages name the variable,
// never the text around it: the value may be a secret.
std::optional<std::string> substitute_env(const Entry& e, Context& ctx, std::string_view text) {
  std::string out;
  bool ok = true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find("${", pos);
    if (open == std::string_view::npos) {
      out.append(text.substr(pos));
      break;
    }
    out.append(text.substr(pos, open - pos));
    const auto close = text.find('}', open + 2);
    if (close == std::string_view::npos) {
      ctx.error(e, "unterminated ${ (expected ${NAME})");
      return std::nullopt;
    }
    const auto name = text.substr(open + 2, close - open - 2);
    if (!is_env_name(name)) {
      ctx.error(
          e,
          "invalid ${...} reference: a variable name is letters, digits and '_', not starting with a digit");
      ok = false;
    } else if (auto value = ctx.getenv(name)) {
      out.append(*value);
    } else {
      ctx.error(e, fmt::format("environment variable {} is not set", name));
      ok = false;
    }
    pos = close + 1;
  }
  if (!ok) return std::nullopt;
  return out;
}

// The text of a value that must not be empty.
std::optional<std::string> read_required_text(const Entry& e, Context& ctx) {
  if (e.node.IsNull()) {
    ctx.error(e, "missing value");
    return std::nullopt;
  }
  return read_text(e, ctx);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> read_text(const Entry& e, Context& ctx) {
  if (e.node.IsNull()) return std::string();
  if (!e.node.IsScalar()) {
    ctx.error(e, "expected a single value, not a list or mapping");
    return std::nullopt;
  }
  return substitute_env(e, ctx, e.node.Scalar());
}

std::optional<long long> read_integer(const Entry& e, Context& ctx, long long min, long long max) {
  auto text = read_required_text(e, ctx);
  if (!text) return std::nullopt;
  long long value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc{} || ptr != end) {
    ctx.error(e, fmt::format("expected a whole number, got '{}'", *text));
    return std::nullopt;
  }
  // A bound at the type's limit is no real bound: do not print it.
  const bool bounded = max < std::numeric_limits<int>::max();
  if (value < min) {
    ctx.error(e, bounded ? fmt::format("must be between {} and {} (got {})", min, max, value)
                         : fmt::format("must be at least {} (got {})", min, value));
    return std::nullopt;
  }
  if (value > max) {
    ctx.error(e, bounded ? fmt::format("must be between {} and {} (got {})", min, max, value)
                         : fmt::format("must be at most {} (got {})", max, value));
    return std::nullopt;
  }
  return value;
}

std::optional<double> read_number(const Entry& e, Context& ctx, double min, double max) {
  auto text = read_required_text(e, ctx);
  if (!text) return std::nullopt;
  double value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc{} || ptr != end) {
    ctx.error(e, fmt::format("expected a number, got '{}'", *text));
    return std::nullopt;
  }
  if (!(value >= min && value <= max)) {
    ctx.error(e, fmt::format("must be between {} and {} (got {})", min, max, *text));
    return std::nullopt;
  }
  return value;
}

std::optional<Duration> read_positive_duration(const Entry& e, Context& ctx) {
  auto text = read_required_text(e, ctx);
  if (!text) return std::nullopt;
  auto value = parse_duration(*text);
  if (!value) {
    ctx.error(e, fmt::format("expected a duration such as 250ms, 10s, 5m or 24h, got '{}'", *text));
    return std::nullopt;
  }
  if (value->count() <= 0) {
    ctx.error(e, "must be longer than zero");
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> read_url(const Entry& e, Context& ctx, std::span<const std::string_view> schemes) {
  auto text = read_required_text(e, ctx);
  if (!text) return std::nullopt;
  auto url = boost::urls::parse_absolute_uri(*text);
  if (!url) {
    ctx.error(e, fmt::format("'{}' is not an absolute URL", *text));
    return std::nullopt;
  }
  if (std::find(schemes.begin(), schemes.end(), url->scheme()) == schemes.end()) {
    ctx.error(e, fmt::format("scheme must be one of {} (got '{}')", join_names(schemes), url->scheme()));
    return std::nullopt;
  }
  if (url->host().empty()) {
    ctx.error(e, fmt::format("'{}' has no host", *text));
    return std::nullopt;
  }
  const std::string_view port_text(url->port().data(), url->port().size());
  if (url->has_port() && !port_text.empty() && !tcp_port(port_text)) {
    ctx.error(e, fmt::format("port {} of '{}' is not in 0..65535", port_text, *text));
    return std::nullopt;
  }
  if (url->scheme() == "http" && should_warn_plain_http(url->host()))
    ctx.warning(e, fmt::format("uses http:// to {} (no TLS): only for a TLS-terminating proxy on a trusted "
                               "network (warned once per host)",
                               url->host()));
  while (!text->empty() && text->back() == '/') text->pop_back();
  return text;
}

std::optional<std::uint16_t> tcp_port(std::string_view text) {
  unsigned long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      value > std::numeric_limits<std::uint16_t>::max())
    return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

std::optional<std::size_t> read_choice(const Entry& e, Context& ctx,
                                       std::span<const std::string_view> names) {
  auto text = read_required_text(e, ctx);
  if (!text) return std::nullopt;
  auto it = std::find(names.begin(), names.end(), *text);
  if (it != names.end()) return static_cast<std::size_t>(it - names.begin());
  std::string message = fmt::format("must be one of {} (got '{}'", join_names(names), *text);
  if (auto guess = closest_match(*text, names); !guess.empty())
    message += fmt::format("; did you mean '{}'?", guess);
  message += ')';
  ctx.error(e, message);
  return std::nullopt;
}

std::string_view closest_match(std::string_view word, std::span<const std::string_view> candidates) {
  // Close enough to be a typo: at most a third of the word changed (min 1),
  // or one is an abbreviation of the other (maximum / max).
  std::size_t best = std::max<std::size_t>(1, word.size() / 3) + 1;
  std::string_view match;
  for (auto candidate : candidates) {
    const auto distance = edit_distance(word, candidate);
    if (distance < best) {
      best = distance;
      match = candidate;
    }
  }
  if (!match.empty() || word.size() < 3) return match;
  for (auto candidate : candidates) {
    if (candidate.size() >= 3 && (word.starts_with(candidate) || candidate.starts_with(word)))
      return candidate;
  }
  return {};
}

std::string join_names(std::span<const std::string_view> names) {
  std::string out;
  for (auto name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace insightd::config_detail
