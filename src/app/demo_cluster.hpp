// SPDX-License-Identifier: Apache-2.0
#pragma once
// `insightd demo --backend redis`: the deployment of several daemons on one
// Redis, on this machine. A private redis-server on a free loopback port and
// three `insightd run` child processes of this very binary share the queue,
// the outbox, the request budget and the intake lead; the simulator runs in
// the demo process. docs/redis.md, "Trying it".
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "insightd/observability/audit.hpp"

namespace insightd::app {

// A child process with its stdout and stderr in files.
class ChildProcess {
 public:
  // Throws std::runtime_error naming the program when it cannot be started.
  ChildProcess(std::vector<std::string> argv, const std::filesystem::path& out,
               const std::filesystem::path& err);
  ~ChildProcess();  // SIGKILL if still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const noexcept { return pid_; }
  void signal(int signo) const;
  // The exit code (128 + signal) once it has exited; nullopt while it runs.
  std::optional<int> poll();

 private:
  pid_t pid_ = -1;
  std::optional<int> exit_code_;
};

// A throwaway redis-server: loopback only, no persistence, its files in `dir`.
class DemoRedis {
 public:
  // Throws std::runtime_error with the fix when redis-server is not installed
  // or does not come up.
  explicit DemoRedis(const std::filesystem::path& dir);
  std::string url() const;

 private:
  std::uint16_t port_ = 0;
  std::optional<ChildProcess> server_;
};

// What one daemon of the demo did, from its audit file and log.
struct DaemonShare {
  std::string name;  // "daemon-1"
  pid_t pid = 0;
  int exit_code = -1;
  std::size_t done = 0, failed = 0, dead = 0;
  bool led_intake = false;
};

// "daemon-1 (pid 4242): 34 done, 1 failed, 0 dead; led the intake; exit 0"
std::string describe(const DaemonShare& share);

// The audit records of one daemon's audit file (JSON lines), with the fields
// the demo summary reads; lines that are not audit records are skipped.
std::vector<observability::AuditRecord> read_audit_file(const std::filesystem::path& path);

// The absolute path of this executable, for the children.
std::filesystem::path self_executable();

}  // namespace insightd::app
