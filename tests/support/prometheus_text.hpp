// SPDX-License-Identifier: Apache-2.0
#pragma once
// A strict parser and checker for the Prometheus text exposition format 0.0.4
// (https://prometheus.io/docs/instrumenting/exposition_formats/), for tests
// that validate a /metrics body. parse_prometheus_text() never throws: every
// problem goes to Exposition::errors with its line number.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace insightd::test {

using PromLabels = std::map<std::string, std::string>;

struct PromSample {
  std::string name;
  PromLabels labels;
  double value = 0.0;
};

struct PromFamily {
  std::string name;
  std::optional<std::string> help;  // unescaped
  std::optional<std::string> type;
  std::vector<PromSample> samples;
};

struct Exposition {
  std::map<std::string, PromFamily> families;
  std::vector<std::string> errors;

  // The value of the sample with exactly this name and these labels.
  std::optional<double> value(std::string_view name, const PromLabels& labels = {}) const {
    for (const auto& [_, family] : families)
      for (const auto& s : family.samples)
        if (s.name == name && s.labels == labels) return s.value;
    return std::nullopt;
  }
};

namespace prom_detail {

inline bool is_name_char(char c, bool first, bool colon) {
  const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':');
  return alpha || (!first && c >= '0' && c <= '9');
}

// Consumes a metric (colon allowed) or label name at the front of `s`.
inline std::optional<std::string> take_name(std::string_view& s, bool colon) {
  std::size_t n = 0;
  while (n < s.size() && is_name_char(s[n], n == 0, colon)) ++n;
  if (n == 0) return std::nullopt;
  std::string name(s.substr(0, n));
  s.remove_prefix(n);
  return name;
}

inline std::optional<double> parse_value(std::string_view s) {
  if (s == "+Inf") return HUGE_VAL;
  if (s == "-Inf") return -HUGE_VAL;
  if (s == "NaN") return std::nan("");
  if (s.empty()) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// Unescapes a HELP text (\\ and \n) or a label value (also \"); nullopt on a bad escape.
inline std::optional<std::string> unescape(std::string_view s, bool allow_quote) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    if (++i == s.size()) return std::nullopt;
    if (s[i] == '\\')
      out += '\\';
    else if (s[i] == 'n')
      out += '\n';
    else if (s[i] == '"' && allow_quote)
      out += '"';
    else
      return std::nullopt;
  }
  return out;
}

// {a="x",b="y"} at the front of `s`.
inline std::optional<PromLabels> take_labels(std::string_view& s, std::string& error) {
  PromLabels labels;
  auto fail = [&](std::string message) -> std::optional<PromLabels> {
    error = std::move(message);
    return std::nullopt;
  };
  s.remove_prefix(1);  // '{'
  while (true) {
    if (!s.empty() && s.front() == '}') {
      s.remove_prefix(1);
      return labels;
    }
    auto name = take_name(s, false);
    if (!name) return fail("bad label name");
    if (s.size() < 2 || s[0] != '=' || s[1] != '"') return fail("expected =\" after label " + *name);
    s.remove_prefix(2);
    std::size_t end = 0;
    while (end < s.size() && s[end] != '"') end += s[end] == '\\' ? 2 : 1;
    if (end >= s.size()) return fail("unterminated value of label " + *name);
    auto value = unescape(s.substr(0, end), true);
    if (!value) return fail("bad escape in label " + *name);
    if (!labels.emplace(*name, *value).second) return fail("label " + *name + " repeated");
    s.remove_prefix(end + 1);
    if (!s.empty() && s.front() == ',')
      s.remove_prefix(1);
    else if (s.empty() || s.front() != '}')
      return fail("expected , or } after label " + *name);
  }
}

// The family a sample name belongs to, given the families' declared types.
inline std::string family_of(const std::string& sample, const std::map<std::string, PromFamily>& families) {
  for (std::string_view suffix : {"_bucket", "_sum", "_count"}) {
    if (sample.size() > suffix.size() && sample.ends_with(suffix)) {
      std::string base = sample.substr(0, sample.size() - suffix.size());
      auto it = families.find(base);
      if (it != families.end() && it->second.type &&
          (*it->second.type == "histogram" || *it->second.type == "summary"))
        return base;
    }
  }
  return sample;
}

inline void check_histogram(const PromFamily& f, std::vector<std::string>& errors) {
  struct Series {
    std::vector<std::pair<double, double>> buckets;  // le, cumulative count
    std::optional<double> sum, count;
  };
  std::map<PromLabels, Series> series;
  for (const auto& s : f.samples) {
    PromLabels key = s.labels;
    if (s.name == f.name + "_bucket") {
      auto le = key.find("le");
      if (le == key.end()) {
        errors.push_back(f.name + ": bucket without le");
        continue;
      }
      auto bound = parse_value(le->second);
      if (!bound) errors.push_back(f.name + ": bad le \"" + le->second + "\"");
      key.erase(le);
      series[key].buckets.emplace_back(bound.value_or(0), s.value);
    } else if (s.name == f.name + "_sum") {
      series[key].sum = s.value;
    } else if (s.name == f.name + "_count") {
      series[key].count = s.value;
    } else {
      errors.push_back(f.name + ": unexpected sample " + s.name + " in a histogram");
    }
  }
  for (const auto& [labels, s] : series) {
    if (!s.sum || !s.count) errors.push_back(f.name + ": a series lacks _sum or _count");
    if (s.buckets.empty() || !std::isinf(s.buckets.back().first)) {
      errors.push_back(f.name + ": a series lacks its last bucket le=\"+Inf\"");
      continue;
    }
    for (std::size_t i = 1; i < s.buckets.size(); ++i) {
      if (!(s.buckets[i].first > s.buckets[i - 1].first))
        errors.push_back(f.name + ": le bounds not ascending");
      if (s.buckets[i].second < s.buckets[i - 1].second)
        errors.push_back(f.name + ": bucket counts not cumulative");
    }
    if (s.count && s.buckets.back().second != *s.count) errors.push_back(f.name + ": +Inf bucket != _count");
  }
}

}  // namespace prom_detail

inline Exposition parse_prometheus_text(std::string_view text) {
  using namespace prom_detail;
  Exposition out;
  std::set<std::string> finished;  // families whose samples ended: they must not reappear
  std::string current;             // family of the previous line
  std::set<std::pair<std::string, PromLabels>> seen;
  if (!text.empty() && text.back() != '\n') out.errors.push_back("the last line does not end with \\n");

  auto move_to = [&](const std::string& family, int line_no) {
    if (family == current) return;
    if (finished.contains(family))
      out.errors.push_back("line " + std::to_string(line_no) + ": family " + family + " is not contiguous");
    if (!current.empty()) finished.insert(current);
    current = family;
  };

  int line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    const std::string where = "line " + std::to_string(line_no) + ": ";
    if (line.empty()) continue;

    if (line.starts_with("# HELP ") || line.starts_with("# TYPE ")) {
      const bool help = line[2] == 'H';
      line.remove_prefix(7);
      auto name = take_name(line, true);
      if (!name || (!line.empty() && line.front() != ' ')) {
        out.errors.push_back(where + "bad metric name in # HELP/# TYPE");
        continue;
      }
      if (!line.empty()) line.remove_prefix(1);
      move_to(*name, line_no);
      PromFamily& f = out.families[*name];
      f.name = *name;
      if (!f.samples.empty()) out.errors.push_back(where + "# HELP/# TYPE after samples of " + *name);
      if (help) {
        auto unescaped = unescape(line, false);
        if (!unescaped) out.errors.push_back(where + "bad escape in HELP");
        if (f.help) out.errors.push_back(where + "second HELP for " + *name);
        f.help = unescaped.value_or("");
      } else {
        static const std::set<std::string_view> types{"counter", "gauge", "histogram", "summary", "untyped"};
        if (!types.contains(line)) out.errors.push_back(where + "unknown type '" + std::string(line) + "'");
        if (f.type) out.errors.push_back(where + "second TYPE for " + *name);
        f.type = std::string(line);
      }
      continue;
    }
    if (line.front() == '#') continue;  // other comments are allowed

    PromSample sample;
    auto name = take_name(line, true);
    if (!name) {
      out.errors.push_back(where + "bad sample name");
      continue;
    }
    sample.name = *name;
    if (!line.empty() && line.front() == '{') {
      std::string error;
      auto labels = take_labels(line, error);
      if (!labels) {
        out.errors.push_back(where + error);
        continue;
      }
      sample.labels = std::move(*labels);
    }
    if (line.empty() || line.front() != ' ') {
      out.errors.push_back(where + "expected a space before the value");
      continue;
    }
    line.remove_prefix(1);
    const std::string_view value_text = line.substr(0, line.find(' '));
    const std::string_view timestamp =
        value_text.size() < line.size() ? line.substr(value_text.size() + 1) : "";
    auto value = parse_value(value_text);
    if (!value) {
      out.errors.push_back(where + "bad value '" + std::string(value_text) + "'");
      continue;
    }
    int64_t ts = 0;
    if (!timestamp.empty() &&
        std::from_chars(timestamp.data(), timestamp.data() + timestamp.size(), ts).ptr !=
            timestamp.data() + timestamp.size())
      out.errors.push_back(where + "bad timestamp");
    sample.value = *value;
    if (!seen.emplace(sample.name, sample.labels).second)
      out.errors.push_back(where + "duplicate sample " + sample.name);

    const std::string family = family_of(sample.name, out.families);
    move_to(family, line_no);
    PromFamily& f = out.families[family];
    f.name = family;
    if (f.type == "counter" && !(sample.value >= 0))
      out.errors.push_back(where + "negative counter " + sample.name);
    f.samples.push_back(std::move(sample));
  }

  for (const auto& [name, f] : out.families) {
    if (!f.help) out.errors.push_back(name + ": no # HELP");
    if (!f.type) out.errors.push_back(name + ": no # TYPE");
    if (f.type == "histogram") check_histogram(f, out.errors);
  }
  return out;
}

}  // namespace insightd::test
