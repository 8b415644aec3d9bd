// SPDX-License-Identifier: Apache-2.0
// Rendering of the registry in the Prometheus text exposition format 0.0.4:
// https://prometheus.io/docs/instrumenting/exposition_formats/
#include <fmt/format.h>

#include <cmath>

#include "insightd/observability/metrics_registry.hpp"

namespace insightd::observability {
namespace {

void render_header(std::string& out, const FamilyBase& family) {
  out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", family.name(), escape_help(family.help()), family.name(),
                     enum_to_string(family.type(), "untyped"));
}

// {a="x",b="y"} plus an optional extra pair (the histogram's le); nothing when empty.
std::string label_set(const std::vector<std::string>& names, const LabelValues& values,
                      std::string_view extra_name = {}, std::string_view extra_value = {}) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += fmt::format("{}{}=\"{}\"", out.empty() ? "" : ",", names[i], escape_label_value(values[i]));
  if (!extra_name.empty()) out += fmt::format("{}{}=\"{}\"", out.empty() ? "" : ",", extra_name, extra_value);
  return out.empty() ? out : "{" + out + "}";
}

void render_sample(std::string& out, std::string_view name, const std::string& labels, double value) {
  out += fmt::format("{}{} {}\n", name, labels, format_sample_value(value));
}

}  // namespace

std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string escape_help(std::string_view help) {
  std::string out;
  out.reserve(help.size());
  for (char c : help) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string format_sample_value(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", value);  // shortest representation that round-trips
}

void CounterFamily::render(std::string& out) const {
  render_header(out, *this);
  for_each_child([&](const LabelValues& values, const Counter& c) {
    render_sample(out, name(), label_set(label_names(), values), c.value());
  });
}

void GaugeFamily::render(std::string& out) const {
  render_header(out, *this);
  for_each_child([&](const LabelValues& values, const Gauge& g) {
    render_sample(out, name(), label_set(label_names(), values), g.value());
  });
}

void HistogramFamily::render(std::string& out) const {
  render_header(out, *this);
  for_each_child([&](const LabelValues& values, const Histogram& h) {
    const Histogram::Snapshot s = h.snapshot();
    const std::string bucket = name() + "_bucket";
    for (std::size_t i = 0; i < s.upper_bounds.size(); ++i)
      render_sample(out, bucket,
                    label_set(label_names(), values, "le", format_sample_value(s.upper_bounds[i])),
                    static_cast<double>(s.cumulative[i]));
    render_sample(out, bucket, label_set(label_names(), values, "le", "+Inf"),
                  static_cast<double>(s.count()));
    render_sample(out, name() + "_sum", label_set(label_names(), values), s.sum);
    render_sample(out, name() + "_count", label_set(label_names(), values), static_cast<double>(s.count()));
  });
}

}  // namespace insightd::observability
