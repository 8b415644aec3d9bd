// SPDX-License-Identifier: Apache-2.0
#include "insightd/observability/metrics_registry.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <thread>

#include "support/prometheus_text.hpp"

namespace insightd::observability {
namespace {

using test::parse_prometheus_text;

TEST(Counter, IncreasesAndIgnoresNegativeAmounts) {
  Counter c;
  c.inc();
  c.inc(2.5);
  c.inc(-10);
  EXPECT_DOUBLE_EQ(c.value(), 3.5);
}

TEST(Gauge, SetsIncreasesAndDecreases) {
  Gauge g;
  g.set(10);
  g.inc(2);
  g.dec(5);
  EXPECT_DOUBLE_EQ(g.value(), 7);
}

TEST(Histogram, AValueOnABoundCountsInThatBucket) {
  Histogram h({0.1, 1, 10});
  h.observe(0.05);
  h.observe(0.1);  // le="0.1" means <= 0.1
  h.observe(5);
  h.observe(100);
  const auto s = h.snapshot();
  EXPECT_EQ(s.cumulative, (std::vector<std::uint64_t>{2, 2, 3, 4}));
  EXPECT_EQ(s.count(), 4u);
  EXPECT_DOUBLE_EQ(s.sum, 105.15);
}

TEST(Histogram, IgnoresNaN) {
  Histogram h({1});
  h.observe(std::nan(""));
  h.observe(0.5);
  const auto s = h.snapshot();
  EXPECT_EQ(s.count(), 1u);
  EXPECT_DOUBLE_EQ(s.sum, 0.5);
}

TEST(Registry, RendersCountersWithHelpTypeAndSortedChildren) {
  Registry r;
  auto& f = r.counter("demo_requests_total", "Requests.", {"code"});
  f.labels({"500"}).inc();
  f.labels({"200"}).inc(3);
  EXPECT_EQ(r.render_prometheus(),
            "# HELP demo_requests_total Requests.\n"
            "# TYPE demo_requests_total counter\n"
            "demo_requests_total{code=\"200\"} 3\n"
            "demo_requests_total{code=\"500\"} 1\n");
}

TEST(Registry, SortsFamiliesByNameWhateverTheRegistrationOrder) {
  Registry r;
  r.gauge("zeta", "z").labels({}).set(1);
  r.gauge("alpha", "a").labels({}).set(2);
  const std::string text = r.render_prometheus();
  EXPECT_LT(text.find("# HELP alpha"), text.find("# HELP zeta"));
}

TEST(Registry, RendersHistogramBucketsCumulativelyWithInfSumAndCount) {
  Registry r;
  auto& h = r.histogram("demo_seconds", "Latency.", {"source"}, {0.5, 1});
  h.labels({"sta"}).observe(0.25);
  h.labels({"sta"}).observe(0.75);
  h.labels({"sta"}).observe(3);
  EXPECT_EQ(r.render_prometheus(),
            "# HELP demo_seconds Latency.\n"
            "# TYPE demo_seconds histogram\n"
            "demo_seconds_bucket{source=\"sta\",le=\"0.5\"} 1\n"
            "demo_seconds_bucket{source=\"sta\",le=\"1\"} 2\n"
            "demo_seconds_bucket{source=\"sta\",le=\"+Inf\"} 3\n"
            "demo_seconds_sum{source=\"sta\"} 4\n"
            "demo_seconds_count{source=\"sta\"} 3\n");
}

TEST(Registry, EscapesLabelValuesAndHelpSoTheTextStillParses) {
  Registry r;
  r.counter("demo_total", "Help with \\ and\nnewline.", {"kind"})
      .labels({"quote \" back \\ nl \n end"})
      .inc();
  const auto parsed = parse_prometheus_text(r.render_prometheus());
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors.front();
  EXPECT_EQ(parsed.families.at("demo_total").help, "Help with \\ and\nnewline.");
  EXPECT_EQ(parsed.value("demo_total", {{"kind", "quote \" back \\ nl \n end"}}), 1.0);
  EXPECT_EQ(escape_label_value("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
}

TEST(Registry, FormatsSpecialValuesAsPrometheusExpects) {
  EXPECT_EQ(format_sample_value(HUGE_VAL), "+Inf");
  EXPECT_EQ(format_sample_value(-HUGE_VAL), "-Inf");
  EXPECT_EQ(format_sample_value(std::nan("")), "NaN");
  EXPECT_EQ(format_sample_value(0.005), "0.005");
  EXPECT_EQ(format_sample_value(42), "42");
}

TEST(Registry, RejectsProgrammingErrorsAtRegistration) {
  Registry r;
  EXPECT_THROW(r.counter("bad-name", "x"), std::invalid_argument);
  EXPECT_THROW(r.counter("ok_total", "x", {"__reserved"}), std::invalid_argument);
  EXPECT_THROW(r.counter("ok2_total", "x", {"a", "a"}), std::invalid_argument);
  EXPECT_THROW(r.histogram("h", "x", {"le"}, {1}), std::invalid_argument);
  EXPECT_THROW(r.histogram("h2", "x", {}, {2, 1}), std::invalid_argument);
  r.counter("dup_total", "x");
  EXPECT_THROW(r.counter("dup_total", "x"), std::invalid_argument);
  auto& f = r.counter("two_labels_total", "x", {"a", "b"});
  EXPECT_THROW(f.labels({"only one"}), std::invalid_argument);
}

TEST(Registry, ReturnsTheSameChildForTheSameLabels) {
  Registry r;
  auto& f = r.counter("same_total", "x", {"a"});
  EXPECT_EQ(&f.labels({"v"}), &f.labels({"v"}));
}

TEST(Registry, CountsEveryIncrementFromTwoThreads) {
  Registry r;
  auto& f = r.counter("threads_total", "x", {"t"});
  auto& h = r.histogram("threads_seconds", "x", {}, {1});
  constexpr int kPerThread = 20000;
  auto work = [&] {
    for (int i = 0; i < kPerThread; ++i) {
      f.labels({"shared"}).inc();
      h.labels({}).observe(0.5);
    }
  };
  std::thread a(work), b(work);
  a.join();
  b.join();
  EXPECT_DOUBLE_EQ(f.labels({"shared"}).value(), 2.0 * kPerThread);
  EXPECT_EQ(h.labels({}).snapshot().count(), 2u * kPerThread);
}

// The checker used on /metrics must itself catch broken text.
TEST(PrometheusTextChecker, RejectsMalformedExpositions) {
  EXPECT_FALSE(parse_prometheus_text("x_total 1\n").errors.empty());  // no HELP/TYPE
  EXPECT_FALSE(parse_prometheus_text("# HELP x h\n# TYPE x gauge\nx{a=\"1} 1\n").errors.empty());
  EXPECT_FALSE(parse_prometheus_text("# HELP x h\n# TYPE x gauge\nx one\n").errors.empty());
  EXPECT_FALSE(parse_prometheus_text("# HELP x h\n# TYPE x gauge\nx{a=\"\\q\"} 1\n").errors.empty());
  const std::string bad_histogram =
      "# HELP h h\n# TYPE h histogram\n"
      "h_bucket{le=\"1\"} 3\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 2\n";
  EXPECT_FALSE(parse_prometheus_text(bad_histogram).errors.empty());
  const std::string inf_mismatch =
      "# HELP h h\n# TYPE h histogram\n"
      "h_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 3\n";
  EXPECT_FALSE(parse_prometheus_text(inf_mismatch).errors.empty());
  EXPECT_FALSE(parse_prometheus_text("# HELP x h\n# TYPE x gauge\nx 1").errors.empty());  // no final newline
}

}  // namespace
}  // namespace insightd::observability
