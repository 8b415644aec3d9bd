// SPDX-License-Identifier: Apache-2.0
// sd_notify messages reach $NOTIFY_SOCKET: a datagram socket this test binds,
// standing in for systemd.
#include "insightd/observability/systemd_notify.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/datagram_protocol.hpp>
#include <cstdlib>
#include <string>

#include "support/temp_dir.hpp"

namespace insightd::observability {
namespace {

namespace asio = boost::asio;
using asio::local::datagram_protocol;

class NotifySocket : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (dir_.path() / "notify.sock").string();
    socket_.open();
    socket_.bind(datagram_protocol::endpoint(path_));
    socket_.non_blocking(true);
    setenv("NOTIFY_SOCKET", path_.c_str(), 1);
  }
  void TearDown() override {
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    unsetenv("WATCHDOG_PID");
  }

  // sd_notify has returned, so the datagram is already queued: no waiting.
  std::string received() {
    char buf[512];
    boost::system::error_code ec;
    const std::size_t n = socket_.receive(asio::buffer(buf), 0, ec);
    return ec ? "<nothing: " + ec.message() + ">" : std::string(buf, n);
  }

 private:
  test::TempDir dir_;
  std::string path_;
  asio::io_context io_;
  datagram_protocol::socket socket_{io_};
};

TEST_F(NotifySocket, SendsEachStateToTheNotifySocket) {
  notify_ready();
  EXPECT_EQ(received(), "READY=1");
  notify_reloading();
  EXPECT_EQ(received(), "RELOADING=1");
  notify_stopping();
  EXPECT_EQ(received(), "STOPPING=1");
  notify_watchdog();
  EXPECT_EQ(received(), "WATCHDOG=1");
  notify_status("draining 3 interactions\nnow");
  EXPECT_EQ(received(), "STATUS=draining 3 interactions now");
}

TEST_F(NotifySocket, NothingIsSentWithoutNotifySocket) {
  unsetenv("NOTIFY_SOCKET");
  notify_ready();
  EXPECT_EQ(received().rfind("<nothing", 0), 0u);
}

TEST_F(NotifySocket, WatchdogIntervalComesFromWatchdogUsecForThisProcess) {
  EXPECT_EQ(watchdog_interval(), std::nullopt);
  setenv("WATCHDOG_USEC", "2000000", 1);
  setenv("WATCHDOG_PID", std::to_string(getpid()).c_str(), 1);
  EXPECT_EQ(watchdog_interval(), std::chrono::microseconds(2'000'000));
  setenv("WATCHDOG_PID", std::to_string(getpid() + 1).c_str(), 1);  // meant for another process
  EXPECT_EQ(watchdog_interval(), std::nullopt);
}

}  // namespace
}  // namespace insightd::observability
