// SPDX-License-Identifier: Apache-2.0
#include "demo_cluster.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <boost/json/parse.hpp>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace insightd::app {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

ChildProcess::ChildProcess(std::vector<std::string> argv, const fs::path& out, const fs::path& err) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  const int rc = ::posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error(fmt::format("cannot start {}: {}", argv[0], std::strerror(rc)));
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && !poll()) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

void ChildProcess::signal(int signo) const {
  if (pid_ > 0) ::kill(pid_, signo);
}

std::optional<int> ChildProcess::poll() {
  if (exit_code_) return exit_code_;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_)
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return exit_code_;
}

namespace {

std::uint16_t free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  const bool ok = fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
                  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  if (fd >= 0) ::close(fd);
  if (!ok)
    throw std::runtime_error(fmt::format("cannot find a free loopback port: {}", std::strerror(errno)));
  return ntohs(address.sin_port);
}

// PING over a plain socket: the server is up once it answers +PONG.
bool answers_ping(std::uint16_t port) {
  namespace asio = boost::asio;
  try {
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    socket.connect({asio::ip::address_v4::loopback(), port});
    asio::write(socket, asio::buffer(std::string_view("PING\r\n")));
    asio::streambuf reply;
    asio::read_until(socket, reply, "\r\n");
    return std::string(asio::buffers_begin(reply.data()), asio::buffers_end(reply.data())) == "+PONG\r\n";
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

DemoRedis::DemoRedis(const fs::path& dir) {
  const fs::path binary = "/usr/bin/redis-server";
  if (!fs::exists(binary))
    throw std::runtime_error(
        "demo --backend redis needs redis-server: sudo apt-get install redis-server (the demo starts its "
        "own on loopback; a system-wide one is not used)");
  port_ = free_loopback_port();
  server_.emplace(std::vector<std::string>{binary.string(), "--port", std::to_string(port_), "--bind",
                                           "127.0.0.1", "--save", "", "--appendonly", "no", "--dir",
                                           dir.string(), "--daemonize", "no"},
                  dir / "redis-server.out", dir / "redis-server.log");
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!answers_ping(port_)) {
    if (server_->poll() || std::chrono::steady_clock::now() > deadline)
      throw std::runtime_error(
          fmt::format("redis-server did not start; see {}", (dir / "redis-server.log").string()));
    std::this_thread::sleep_for(20ms);  // a child process starting: nothing to wait on but its port
  }
}

std::string DemoRedis::url() const {
  return fmt::format("redis://127.0.0.1:{}/0", port_);
}

std::string describe(const DaemonShare& s) {
  return fmt::format("{} (pid {}): {} done, {} failed, {} dead{}; exit {}", s.name, s.pid, s.done, s.failed,
                     s.dead, s.led_intake ? "; led the intake" : "", s.exit_code);
}

namespace {

std::uint64_t uint_field(const boost::json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_number() ? v->to_number<std::uint64_t>() : 0;
}

std::optional<observability::AuditOutcome> parse_outcome(std::string_view text) {
  using observability::AuditOutcome;
  for (auto o : {AuditOutcome::done, AuditOutcome::retry, AuditOutcome::failed, AuditOutcome::dead,
                 AuditOutcome::parked})
    if (observability::to_string(o) == text) return o;
  return std::nullopt;
}

}  // namespace

std::vector<observability::AuditRecord> read_audit_file(const fs::path& path) {
  std::vector<observability::AuditRecord> records;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    boost::system::error_code ec;
    auto value = boost::json::parse(line, ec);
    if (ec || !value.is_object()) continue;
    const auto& o = value.as_object();
    const auto* outcome_field = o.if_contains("outcome");
    const auto* id = o.if_contains("interaction_id");
    if (!outcome_field || !outcome_field->is_string() || !id || !id->is_string()) continue;
    auto outcome = parse_outcome(outcome_field->as_string());
    if (!outcome) continue;
    observability::AuditRecord r;
    r.interaction_id = std::string(id->as_string());
    r.outcome = *outcome;
    r.insight_count = uint_field(o, "insight_count");
    r.pages = uint_field(o, "pages");
    r.latency_ms = uint_field(o, "latency_ms");
    r.stale_count = uint_field(o, "stale_count");
    r.redaction_leaks = uint_field(o, "redaction_leaks");
    r.malformed_skipped = uint_field(o, "malformed_skipped");
    r.retries = uint_field(o, "retries");
    r.rate_limited_ms = uint_field(o, "rate_limited_ms");
    if (const auto* pii = o.if_contains("pii_findings"); pii && pii->is_object())
      for (const auto& [kind, n] : pii->as_object())
        if (n.is_number()) r.pii_findings[std::string(kind)] = n.to_number<std::uint64_t>();
    records.push_back(std::move(r));
  }
  return records;
}

fs::path self_executable() {
  std::error_code ec;
  auto path = fs::read_symlink("/proc/self/exe", ec);
  if (ec) throw std::runtime_error("cannot find this executable: " + ec.message());
  return path;
}

}  // namespace insightd::app
