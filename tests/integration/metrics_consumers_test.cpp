// The CRM state gauges the alerts use, read from a real scrape of
// `insightd run` working against the simulator: deliveries held after a 410
// (also across a restart) and the circuit breaker opening.
#include <gtest/gtest.h>

#include "support/prometheus_text.hpp"
#include "support/running_daemon.hpp"

namespace insightd::test {
namespace {

using namespace std::chrono_literals;

double gauge(const RunningDaemon& daemon, const char* name) {
  return parse_prometheus_text(daemon.get("/metrics").body).value(name).value_or(-1);
}

TEST(CrmStateGauges, HeldIsOneAfterA410AndStaysOneAcrossARestart) {
  TempDir dir;
  SimProcess gone(dir, TestCa::shared(), {"--crm-gone"});
  const auto config = write_config(dir, gone.base_url(), {.ca_file = TestCa::shared().ca_cert});
  ASSERT_EQ(insightd(dir, config, {"enqueue", "it-held-1"}, "enqueue").exit_code, 0);
  {
    RunningDaemon daemon(dir, config, "daemon-1");
    EXPECT_TRUE(eventually([&] { return gauge(daemon, "insightd_crm_deliveries_held") == 1.0; }))
        << daemon.process().err();
    EXPECT_EQ(daemon.stop(), 0);
  }
  RunningDaemon restarted(dir, config, "daemon-2");  // read from the store, no new 410 needed
  EXPECT_TRUE(eventually([&] { return gauge(restarted, "insightd_crm_deliveries_held") == 1.0; }));
  EXPECT_EQ(gauge(restarted, "insightd_crm_circuit_open"), 0.0)
      << "a 410 holds; it does not open the circuit";
  EXPECT_EQ(restarted.stop(), 0);
}

TEST(CrmStateGauges, CircuitOpenIsOneAfterConsecutiveFailures) {
  TempDir dir;
  SimProcess failing(dir, TestCa::shared(), {"--crm-status", "503"});
  const auto config =
      write_config(dir, failing.base_url(),
                   {.ca_file = TestCa::shared().ca_cert, .crm_max_attempts = 100, .breaker_failures = 2});
  RunningDaemon daemon(dir, config);
  EXPECT_EQ(gauge(daemon, "insightd_crm_circuit_open"), 0.0);
  ASSERT_EQ(insightd(dir, config, {"enqueue", "it-open-1", "it-open-2", "it-open-3"}, "enqueue").exit_code,
            0);
  EXPECT_TRUE(eventually([&] { return gauge(daemon, "insightd_crm_circuit_open") == 1.0; }))
      << daemon.process().err();
  EXPECT_EQ(gauge(daemon, "insightd_crm_deliveries_held"), 0.0);
  EXPECT_EQ(daemon.stop(), 0);
}

}  // namespace
}  // namespace insightd::test
