// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs the real binaries in integration tests: spawn with arguments and
// environment, capture stdout/stderr to files, wait with a bound, signal.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace insightd::test {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Polls `condition` until it holds or `limit` passes: for conditions another
// process makes true (a port file written, a row committed). Not a sleep:
// it returns as soon as the condition holds.
inline bool eventually(const std::function<bool()>& condition,
                       std::chrono::milliseconds limit = std::chrono::seconds(30)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

class Process {
 public:
  // stdout/stderr go to `<log_prefix>.out` / `.err`; stdin from `stdin_file` when given.
  Process(std::vector<std::string> argv, const std::filesystem::path& log_prefix,
          std::map<std::string, std::string> extra_env = {},
          std::optional<std::filesystem::path> stdin_file = {})
      : out_path_(log_prefix.string() + ".out"), err_path_(log_prefix.string() + ".err") {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 0, stdin_file ? stdin_file->c_str() : "/dev/null", O_RDONLY,
                                     0);

    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);

    std::vector<std::string> env_strings;
    for (char** e = environ; *e != nullptr; ++e) {
      std::string entry = *e;
      auto name = entry.substr(0, entry.find('='));
      if (!extra_env.count(name)) env_strings.push_back(entry);
    }
    for (const auto& [k, v] : extra_env) env_strings.push_back(k + "=" + v);
    std::vector<char*> env;
    for (auto& e : env_strings) env.push_back(e.data());
    env.push_back(nullptr);

    const int rc = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
  }

  ~Process() {
    if (running()) {
      ::kill(pid_, SIGKILL);
      wait_for(std::chrono::seconds(10));
    }
  }
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  pid_t pid() const { return pid_; }
  bool running() const { return !exit_status_; }
  void signal(int signo) const { ::kill(pid_, signo); }

  // The exit code (128 + signal when killed), or nullopt if still running after `limit`.
  std::optional<int> wait_for(std::chrono::milliseconds limit) {
    if (exit_status_) return exit_status_;
    eventually(
        [&] {
          int status = 0;
          if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
          }
          return exit_status_.has_value();
        },
        limit);
    return exit_status_;
  }

  std::string out() const { return read_file(out_path_); }
  std::string err() const { return read_file(err_path_); }

 private:
  pid_t pid_ = -1;
  std::string out_path_;
  std::string err_path_;
  std::optional<int> exit_status_;
};

// Runs a command to completion (bounded) and returns {exit code, stdout, stderr}.
struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline RunResult run_command(std::vector<std::string> argv, const std::filesystem::path& log_prefix,
                             std::map<std::string, std::string> env = {},
                             std::optional<std::filesystem::path> stdin_file = {},
                             std::chrono::milliseconds limit = std::chrono::minutes(5)) {
  Process p(std::move(argv), log_prefix, std::move(env), std::move(stdin_file));
  auto code = p.wait_for(limit);
  RunResult r;
  r.exit_code = code.value_or(-1);
  r.out = p.out();
  r.err = p.err();
  return r;
}

}  // namespace insightd::test
