// SPDX-License-Identifier: Apache-2.0
#pragma once
// A real redis-server for one test (or one test binary): a free loopback port,
// its own temporary directory and configuration, never a system-wide
// instance. Started in the constructor (returns once it answers PING) unless
// RedisServerOptions::start_now is false, stopped in the destructor;
// stop()/start() restart it on the same port and directory (failover and
// restart tests).
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_ca.hpp"

namespace insightd::test {

struct RedisServerOptions {
  bool appendonly = false;
  std::string requirepass{};   // the default user's password; "" = none
  std::string acl_user{};      // an extra ACL user with every right...
  std::string acl_password{};  // ...and this password
  bool tls = false;            // clients on tls_port() (certificate of TestCa::shared()); port() stays plain
  bool start_now = true;       // false: the port is chosen, start() starts it later (Redis down at first)
};

class RedisServer {
 public:
  explicit RedisServer(RedisServerOptions options = {})
      : options_(std::move(options)), port_(free_port()), tls_port_(options_.tls ? free_port() : 0) {
    if (options_.start_now) start();
  }
  ~RedisServer() { stop(); }
  RedisServer(const RedisServer&) = delete;
  RedisServer& operator=(const RedisServer&) = delete;

  std::uint16_t port() const { return port_; }
  std::uint16_t tls_port() const { return tls_port_; }
  const std::filesystem::path& dir() const { return dir_.path(); }

  // redis://[user@]127.0.0.1:port/db, or rediss://[user@]localhost:tls_port/db (the certificate's name).
  std::string url(int db = 0, const std::string& user = {}) const {
    const std::string at = user.empty() ? "" : user + "@";
    if (options_.tls)
      return "rediss://" + at + "localhost:" + std::to_string(tls_port_) + "/" + std::to_string(db);
    return "redis://" + at + "127.0.0.1:" + std::to_string(port_) + "/" + std::to_string(db);
  }

  void start() {
    if (process_ && process_->running()) return;
    std::vector<std::string> argv{"/usr/bin/redis-server",
                                  "--bind",
                                  "127.0.0.1",
                                  "127.0.0.2",  // .2: a name the certificate lacks
                                  "--port",
                                  std::to_string(port_),
                                  "--dir",
                                  dir().string(),
                                  "--save",
                                  "",
                                  "--appendonly",
                                  options_.appendonly ? "yes" : "no",
                                  "--daemonize",
                                  "no",
                                  "--enable-debug-command",
                                  "yes",
                                  "--logfile",
                                  (dir() / "redis.log").string()};
    if (!options_.requirepass.empty()) {
      argv.insert(argv.end(), {"--requirepass", options_.requirepass});
    }
    if (!options_.acl_user.empty()) {
      argv.insert(argv.end(),
                  {"--user", options_.acl_user, "on", ">" + options_.acl_password, "~*", "&*", "+@all"});
    }
    if (options_.tls) {
      const auto& ca = TestCa::shared();
      argv.insert(argv.end(), {"--tls-port", std::to_string(tls_port_), "--tls-cert-file", ca.server_cert,
                               "--tls-key-file", ca.server_key, "--tls-ca-cert-file", ca.ca_cert,
                               "--tls-auth-clients", "no"});
    }
    process_ = std::make_unique<Process>(argv, dir() / "redis-server");
    if (!eventually([this] { return answers_ping() || !process_->running(); }, std::chrono::seconds(30)) ||
        !process_->running()) {
      throw std::runtime_error("redis-server did not start on port " + std::to_string(port_) + ":\n" +
                               read_file(dir() / "redis.log") + process_->err());
    }
  }

  // SIGTERM and wait (with appendonly, what was acknowledged is on disk).
  void stop() {
    if (!process_ || !process_->running()) return;
    process_->signal(SIGTERM);
    if (!process_->wait_for(std::chrono::seconds(30))) process_->signal(SIGKILL);
    process_->wait_for(std::chrono::seconds(10));
  }

  // SIGKILL: a crash.
  void kill() {
    if (!process_ || !process_->running()) return;
    process_->signal(SIGKILL);
    process_->wait_for(std::chrono::seconds(10));
  }

  // Whether the plain port answers a PING (an -NOAUTH error counts: it answered).
  bool answers_ping() const {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return false;
    timeval limit{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof(limit));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port_);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    char reply[64] = {};
    const bool answered = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
                          ::write(fd, "PING\r\n", 6) == 6 && ::read(fd, reply, sizeof(reply)) > 0 &&
                          (reply[0] == '+' || reply[0] == '-');
    ::close(fd);
    return answered;
  }

 private:
  static std::uint16_t free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      throw std::runtime_error("RedisServer: no free loopback port");
    }
    ::close(fd);
    return ntohs(address.sin_port);
  }

  RedisServerOptions options_;
  TempDir dir_;
  std::uint16_t port_;
  std::uint16_t tls_port_;
  std::unique_ptr<Process> process_;
};

}  // namespace insightd::test
