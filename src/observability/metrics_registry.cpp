// SPDX-License-Identifier: Apache-2.0
#include "insightd/observability/metrics_registry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace insightd::observability {
namespace {

bool valid_name(std::string_view name, bool allow_colon) {
  if (name.empty()) return false;
  auto first_ok = [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (allow_colon && c == ':');
  };
  if (!first_ok(name.front())) return false;
  return std::all_of(name.begin() + 1, name.end(),
                     [&](char c) { return first_ok(c) || (c >= '0' && c <= '9'); });
}

void check_family(const std::string& name, const std::vector<std::string>& label_names) {
  if (!valid_name(name, true))
    throw std::invalid_argument(fmt::format("metric name '{}' is not a valid Prometheus name", name));
  for (const auto& label : label_names) {
    if (!valid_name(label, false) || label.starts_with("__"))
      throw std::invalid_argument(fmt::format("metric {}: label name '{}' is not valid", name, label));
    if (std::count(label_names.begin(), label_names.end(), label) > 1)
      throw std::invalid_argument(fmt::format("metric {}: label '{}' given twice", name, label));
  }
}

}  // namespace

void Counter::inc(double amount) noexcept {
  if (amount > 0) value_.fetch_add(amount, std::memory_order_relaxed);
}

Histogram::Histogram(std::vector<double> upper_bounds)
    : upper_bounds_(std::move(upper_bounds)),
      bucket_counts_(std::make_unique<std::atomic<std::uint64_t>[]>(upper_bounds_.size() + 1)) {}

void Histogram::observe(double value) noexcept {
  if (std::isnan(value)) return;  // would poison _sum and fits no bucket
  // First bucket whose bound is >= value ("le"); past the end is +Inf.
  const auto it = std::lower_bound(upper_bounds_.begin(), upper_bounds_.end(), value);
  bucket_counts_[static_cast<std::size_t>(it - upper_bounds_.begin())].fetch_add(1,
                                                                                 std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::snapshot() const {
  Snapshot s;
  s.upper_bounds = upper_bounds_;
  s.cumulative.reserve(upper_bounds_.size() + 1);
  std::uint64_t running = 0;
  for (std::size_t i = 0; i <= upper_bounds_.size(); ++i) {
    running += bucket_counts_[i].load(std::memory_order_relaxed);
    s.cumulative.push_back(running);
  }
  s.sum = sum_.load(std::memory_order_relaxed);
  return s;
}

FamilyBase::FamilyBase(std::string name, std::string help, std::vector<std::string> label_names)
    : name_(std::move(name)), help_(std::move(help)), label_names_(std::move(label_names)) {
  check_family(name_, label_names_);
}

void FamilyBase::check_arity(const LabelValues& values) const {
  if (values.size() != label_names_.size())
    throw std::invalid_argument("metric " + name_ + ": expected " + std::to_string(label_names_.size()) +
                                " label values, got " + std::to_string(values.size()));
}

HistogramFamily::HistogramFamily(std::string name, std::string help, std::vector<std::string> label_names,
                                 std::vector<double> upper_bounds)
    : Family(std::move(name), std::move(help), std::move(label_names)),
      upper_bounds_(std::move(upper_bounds)) {
  if (upper_bounds_.empty() || !std::is_sorted(upper_bounds_.begin(), upper_bounds_.end()) ||
      std::adjacent_find(upper_bounds_.begin(), upper_bounds_.end()) != upper_bounds_.end() ||
      !std::all_of(upper_bounds_.begin(), upper_bounds_.end(), [](double b) { return std::isfinite(b); }))
    throw std::invalid_argument("histogram " + this->name() +
                                ": bucket bounds must be finite and strictly ascending");
  const auto& labels = this->label_names();
  if (std::find(labels.begin(), labels.end(), "le") != labels.end())
    throw std::invalid_argument("histogram " + this->name() + ": 'le' is reserved for buckets");
}

std::unique_ptr<Histogram> HistogramFamily::make_child() const {
  return std::make_unique<Histogram>(upper_bounds_);
}

template <class F>
F& Registry::add(std::unique_ptr<F> family) {
  std::lock_guard lock(mutex_);
  const std::string name = family->name();
  if (families_.contains(name)) throw std::invalid_argument("metric " + name + " registered twice");
  F& ref = *family;
  families_.emplace(name, std::move(family));
  return ref;
}

CounterFamily& Registry::counter(std::string name, std::string help, std::vector<std::string> label_names) {
  return add(std::make_unique<CounterFamily>(std::move(name), std::move(help), std::move(label_names)));
}

GaugeFamily& Registry::gauge(std::string name, std::string help, std::vector<std::string> label_names) {
  return add(std::make_unique<GaugeFamily>(std::move(name), std::move(help), std::move(label_names)));
}

HistogramFamily& Registry::histogram(std::string name, std::string help, std::vector<std::string> label_names,
                                     std::vector<double> upper_bounds) {
  return add(std::make_unique<HistogramFamily>(std::move(name), std::move(help), std::move(label_names),
                                               std::move(upper_bounds)));
}

std::string Registry::render_prometheus() const {
  std::string out;
  std::lock_guard lock(mutex_);
  for (const auto& [name, family] : families_) family->render(out);
  return out;
}

}  // namespace insightd::observability
