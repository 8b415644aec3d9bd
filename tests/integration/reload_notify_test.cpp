// SPDX-License-Identifier: Apache-2.0
// systemd integration of the real daemon: READY=1 / STOPPING=1 on a real
// NOTIFY_SOCKET, and SIGHUP reloading (an invalid file rejected, the daemon
// still serving; a valid one applied).
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cstdio>

#include "support/sim_process.hpp"

namespace insightd::test {
namespace {

using namespace std::chrono_literals;

// A datagram socket standing in for systemd's notification socket.
class NotifySocket {
 public:
  explicit NotifySocket(const std::filesystem::path& path) : path_(path) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", path.c_str());
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
      throw std::runtime_error("cannot bind " + path.string());
    }
  }
  ~NotifySocket() { ::close(fd_); }

  // Every message received so far, appended.
  const std::string& received() {
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd_, buf, sizeof(buf), 0)) > 0;)
      messages_.append(buf, static_cast<std::size_t>(n)).append("\n");
    return messages_;
  }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  std::string messages_;
};

TEST(SystemdIntegration, ReadyAfterStartReloadRejectsAnInvalidFileAndStoppingOnSigterm) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  SimProcess sim(dir, ca);
  auto config = write_config(dir, sim.base_url(), {.ca_file = ca.ca_cert});
  const std::string valid_yaml = read_file(config);
  NotifySocket notify(dir.path() / "notify.sock");

  Process daemon({INSIGHTD_BIN, "run", "-c", config.string()}, dir.path() / "daemon",
                 {{"NOTIFY_SOCKET", (dir.path() / "notify.sock").string()}});
  ASSERT_TRUE(eventually([&] { return notify.received().find("READY=1") != std::string::npos; }))
      << daemon.err();

  // An invalid file: rejected with its positioned errors, the daemon keeps running on the old one.
  dir.write("insightd.yaml", valid_yaml + "unknown_section: 1\n");
  daemon.signal(SIGHUP);
  ASSERT_TRUE(eventually([&] { return daemon.err().find("reload rejected") != std::string::npos; }))
      << daemon.err();
  EXPECT_NE(daemon.err().find("unknown_section"), std::string::npos) << daemon.err();
  EXPECT_TRUE(daemon.running());
  ASSERT_EQ(insightd(dir, config, {"enqueue", "it-after-bad-reload"}, "enqueue1").exit_code, 2)
      << "the broken file cannot be used by a command either";

  // A valid file again: applied.
  dir.write("insightd.yaml", valid_yaml);
  daemon.signal(SIGHUP);
  ASSERT_TRUE(eventually([&] { return daemon.err().find("configuration reloaded") != std::string::npos; }))
      << daemon.err();
  ASSERT_EQ(insightd(dir, config, {"enqueue", "it-after-reload"}, "enqueue2").exit_code, 0);
  ASSERT_TRUE(eventually([&] {
    auto status = status_json(dir, config);
    return status.at("done").to_number<int>() == 1;
  })) << "work goes on after the reload";

  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait_for(30s), 0) << daemon.err();
  EXPECT_NE(notify.received().find("STOPPING=1"), std::string::npos);
}

}  // namespace
}  // namespace insightd::test
