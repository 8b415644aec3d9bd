// SPDX-License-Identifier: Apache-2.0
#pragma once
// A small Prometheus metrics registry: counter, gauge and histogram families
// with labels, rendered in the text exposition format 0.0.4. Debian 12 packages
// no Prometheus client library, hence this one.
//
// Thread safety: values are atomics and the label->child maps are guarded by a
// mutex, so the io thread and the SQLite thread may update metrics while the
// admin endpoint renders them. A child reference returned by labels() stays
// valid for the registry's lifetime: look it up once and keep it on hot paths.
#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "insightd/common/enum_names.hpp"

namespace insightd::observability {

class Counter {
 public:
  void inc(double amount = 1.0) noexcept;  // negative amounts are ignored: counters only go up
  double value() const noexcept { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0.0};
};

class Gauge {
 public:
  void set(double value) noexcept { value_.store(value, std::memory_order_relaxed); }
  void inc(double amount = 1.0) noexcept { value_.fetch_add(amount, std::memory_order_relaxed); }
  void dec(double amount = 1.0) noexcept { value_.fetch_sub(amount, std::memory_order_relaxed); }
  double value() const noexcept { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0.0};
};

class Histogram {
 public:
  struct Snapshot {
    std::vector<double> upper_bounds;       // finite bounds, ascending
    std::vector<std::uint64_t> cumulative;  // one per bound, then one for +Inf
    double sum = 0.0;
    std::uint64_t count() const noexcept { return cumulative.empty() ? 0 : cumulative.back(); }
  };

  explicit Histogram(std::vector<double> upper_bounds);
  void observe(double value) noexcept;  // NaN is ignored
  Snapshot snapshot() const;

 private:
  std::vector<double> upper_bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> bucket_counts_;  // per bucket, last is +Inf
  std::atomic<double> sum_{0.0};
};

using LabelValues = std::vector<std::string>;

enum class MetricType { counter, gauge, histogram };  // the `# TYPE` names
BOOST_DESCRIBE_ENUM(MetricType, counter, gauge, histogram)

// Common part of a family: name, help, label names, text rendering.
class FamilyBase {
 public:
  FamilyBase(std::string name, std::string help, std::vector<std::string> label_names);
  virtual ~FamilyBase() = default;
  FamilyBase(const FamilyBase&) = delete;
  FamilyBase& operator=(const FamilyBase&) = delete;

  const std::string& name() const noexcept { return name_; }
  const std::string& help() const noexcept { return help_; }
  const std::vector<std::string>& label_names() const noexcept { return label_names_; }
  virtual MetricType type() const noexcept = 0;
  virtual void render(std::string& out) const = 0;  // HELP, TYPE and every sample

 protected:
  void check_arity(const LabelValues& values) const;  // throws std::invalid_argument (a bug)

 private:
  std::string name_;
  std::string help_;
  std::vector<std::string> label_names_;
};

template <class Metric>
class Family : public FamilyBase {
 public:
  using FamilyBase::FamilyBase;

  // The child for these label values (in label-name order), created on first use.
  Metric& labels(const LabelValues& values) {
    check_arity(values);
    std::lock_guard lock(mutex_);
    auto it = children_.find(values);
    if (it == children_.end()) it = children_.emplace(values, make_child()).first;
    return *it->second;
  }
  Metric& labels(std::initializer_list<std::string> values) { return labels(LabelValues(values)); }

 protected:
  virtual std::unique_ptr<Metric> make_child() const = 0;

  template <class Fn>
  void for_each_child(Fn&& fn) const {  // in label-value order: deterministic output
    std::lock_guard lock(mutex_);
    for (const auto& [values, child] : children_) fn(values, *child);
  }

 private:
  mutable std::mutex mutex_;
  std::map<LabelValues, std::unique_ptr<Metric>> children_;
};

class CounterFamily final : public Family<Counter> {
 public:
  using Family::Family;
  MetricType type() const noexcept override { return MetricType::counter; }
  void render(std::string& out) const override;

 protected:
  std::unique_ptr<Counter> make_child() const override { return std::make_unique<Counter>(); }
};

class GaugeFamily final : public Family<Gauge> {
 public:
  using Family::Family;
  MetricType type() const noexcept override { return MetricType::gauge; }
  void render(std::string& out) const override;

 protected:
  std::unique_ptr<Gauge> make_child() const override { return std::make_unique<Gauge>(); }
};

class HistogramFamily final : public Family<Histogram> {
 public:
  HistogramFamily(std::string name, std::string help, std::vector<std::string> label_names,
                  std::vector<double> upper_bounds);
  MetricType type() const noexcept override { return MetricType::histogram; }
  void render(std::string& out) const override;

 protected:
  std::unique_ptr<Histogram> make_child() const override;

 private:
  std::vector<double> upper_bounds_;
};

// Owns the families. Registration happens at start-up and throws
// std::invalid_argument on an invalid or duplicate name (a programming error).
class Registry {
 public:
  CounterFamily& counter(std::string name, std::string help, std::vector<std::string> label_names = {});
  GaugeFamily& gauge(std::string name, std::string help, std::vector<std::string> label_names = {});
  HistogramFamily& histogram(std::string name, std::string help, std::vector<std::string> label_names,
                             std::vector<double> upper_bounds);

  // Text exposition format 0.0.4, families sorted by name, children by label values.
  std::string render_prometheus() const;

 private:
  template <class F>
  F& add(std::unique_ptr<F> family);

  mutable std::mutex mutex_;
  std::map<std::string, std::unique_ptr<FamilyBase>, std::less<>> families_;
};

// Exposed for tests and for other renderers.
std::string escape_label_value(std::string_view value);  // \ " and newline escaped
std::string escape_help(std::string_view help);          // \ and newline escaped
std::string format_sample_value(double value);           // shortest round-trip; +Inf, -Inf, NaN

}  // namespace insightd::observability
