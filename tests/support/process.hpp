// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs the real binaries in integration tests (Boost.Process): spawn with
// arguments and environment, capture stdout/stderr to files, wait with a
// bound, signal.
#include <signal.h>
#include <sys/wait.h>

// Boost.Process v1 on std::filesystem, not Boost.Filesystem (not linked).
#ifndef BOOST_PROCESS_USE_STD_FS
#define BOOST_PROCESS_USE_STD_FS 1
#endif
#include <boost/process/args.hpp>
#include <boost/process/child.hpp>
#include <boost/process/env.hpp>
#include <boost/process/environment.hpp>
#include <boost/process/exe.hpp>
#include <boost/process/io.hpp>
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

// A child process through Boost.Process; stdout and stderr go to files so a
// test can read them while the process runs and after it exited.
class Process {
 public:
  // stdout/stderr go to `<log_prefix>.out` / `.err`; stdin from `stdin_file` when given.
  Process(std::vector<std::string> argv, const std::filesystem::path& log_prefix,
          std::map<std::string, std::string> extra_env = {},
          std::optional<std::filesystem::path> stdin_file = {})
      : out_path_(log_prefix.string() + ".out"), err_path_(log_prefix.string() + ".err") {
    namespace bp = boost::process;
    if (argv.empty()) throw std::invalid_argument("Process: no program to run");
    bp::environment env = boost::this_process::environment();
    for (const auto& [name, value] : extra_env) env[name] = value;
    const std::vector<std::string> args(argv.begin() + 1, argv.end());
    // Boost.Process opens `std_out > path` without O_TRUNC: a second run under
    // the same prefix would leave the tail of a longer first output behind.
    std::filesystem::remove(out_path_);
    std::filesystem::remove(err_path_);
    try {
      child_ =
          bp::child(bp::exe = argv[0], bp::args = args, env, bp::std_out > out_path_, bp::std_err > err_path_,
                    bp::std_in < (stdin_file ? stdin_file->string() : std::string("/dev/null")));
    } catch (const bp::process_error& e) {
      throw std::runtime_error("cannot start " + argv[0] + ": " + e.what());
    }
  }

  ~Process() {
    if (running()) {
      signal(SIGKILL);
      wait_for(std::chrono::seconds(10));
    }
  }
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  pid_t pid() const { return child_.id(); }
  bool running() const { return !exit_status_; }
  // Boost.Process v1 sends only SIGKILL (terminate()); the tests also send SIGTERM and SIGHUP.
  void signal(int signo) const { ::kill(child_.id(), signo); }

  // The exit code (128 + signal when killed), or nullopt if still running after `limit`.
  std::optional<int> wait_for(std::chrono::milliseconds limit) {
    if (exit_status_) return exit_status_;
    eventually(
        [&] {
          std::error_code ec;
          if (!child_.running(ec) && !ec) {
            const int status = child_.native_exit_code();
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
  std::string out_path_;
  std::string err_path_;
  boost::process::child child_;
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

// A command's output, one element per line.
inline std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace insightd::test
