// SPDX-License-Identifier: Apache-2.0
#include "insightd/redis/connection.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <boost/asio/co_spawn.hpp>
#include <random>

#include "insightd/common/crypto.hpp"
#include "insightd/common/log_exceptions.hpp"
#include "insightd/config/config.hpp"
#include "insightd/http/tls_client.hpp"
#include "insightd/redis/codec.hpp"
#include "state.hpp"

namespace insightd::redis {
namespace {

namespace asio = boost::asio;
using std::chrono::milliseconds;

Error make_error(errc code, std::string message) {
  return Error{make_error_code(code), std::move(message)};
}

void fail_unsent(State& state, const Error& why) {
  auto unsent = std::move(state.unsent);
  state.unsent.clear();
  for (auto& request : unsent) complete(*request, why);
}

void remove_unsent(State& state, const std::shared_ptr<Request>& request) {
  std::erase(state.unsent, request);
}

// --- reading: bytes -> replies -> the oldest command in flight ---

asio::awaitable<void> read_replies(std::shared_ptr<State> state, std::shared_ptr<Session> session) {
  ReplyReader reader;
  std::array<char, 64 * 1024> buffer;
  while (!session->closed) {
    auto [ec, n] = co_await session->transport->read_some(asio::buffer(buffer));
    if (session->closed) break;
    if (ec) {
      drop(*state, *session,
           make_error(errc::connection_lost, fmt::format("connection to Redis at {} lost: {}",
                                                         state->address.host_port(), ec.message())));
      break;
    }
    reader.feed(std::string_view(buffer.data(), n));
    for (;;) {
      auto next = reader.next();
      if (!next) {
        drop(*state, *session, next.error());
        break;
      }
      if (!*next) break;
      if (session->awaiting.empty()) {
        drop(*state, *session,
             make_error(errc::protocol, fmt::format("Redis at {} sent a reply no command was waiting for",
                                                    state->address.host_port())));
        break;
      }
      auto request = std::move(session->awaiting.front());
      session->awaiting.pop_front();
      complete(*request, std::move(**next));
    }
  }
  session->reader_done = true;
  state->wake.notify();
}

// --- writing: every queued command in one write (pipelining) ---

asio::awaitable<bool> write_batch(std::shared_ptr<State> state, std::shared_ptr<Session> session,
                                  std::deque<std::shared_ptr<Request>> batch) {
  std::string bytes;
  for (auto& request : batch) {
    if (request->abandoned) continue;
    bytes += request->bytes;
    session->awaiting.push_back(std::move(request));
  }
  if (bytes.empty()) co_return true;
  auto ec = co_await session->transport->write(bytes);
  if (ec && !session->closed) {
    drop(*state, *session,
         make_error(errc::connection_lost, fmt::format("connection to Redis at {} lost while writing: {}",
                                                       state->address.host_port(), ec.message())));
  }
  co_return !ec;
}

asio::awaitable<void> write_until_closed(std::shared_ptr<State> state, std::shared_ptr<Session> session) {
  while (!session->closed) {
    if (state->unsent.empty()) {
      co_await state->wake.wait();  // notified by a new request or by close()
      continue;
    }
    auto batch = std::move(state->unsent);
    state->unsent.clear();
    const bool written = co_await write_batch(state, session, std::move(batch));
    if (!written) break;
  }
}

// The request's outcome; without one after `timeout`, errc::timeout, or
// errc::cancelled when the caller's coroutine was cancelled first. Either way
// the request is then abandoned: a late reply to it is dropped.
asio::awaitable<Result<Reply>> await_outcome(std::shared_ptr<Request> request, milliseconds timeout) {
  bool woken_early = true;
  if (!request->outcome) woken_early = co_await request->done.wait(timeout);
  if (request->outcome) {
    auto outcome = std::move(*request->outcome);
    co_return outcome;
  }
  request->abandoned = true;
  co_return make_error(woken_early ? errc::cancelled : errc::timeout, "");
}

// --- connecting: TCP/TLS, then AUTH, SELECT and SCRIPT LOAD pipelined ---

struct SetupStep {
  std::string what;  // for the error message; never the password
  std::shared_ptr<Request> request;
  std::string expected_sha;  // SCRIPT LOAD only
};

std::vector<SetupStep> setup_steps(const State& state) {
  std::vector<SetupStep> steps;
  auto add = [&](std::string what, std::string bytes, std::string sha = {}) {
    steps.push_back(
        {std::move(what), std::make_shared<Request>(state.executor, std::move(bytes)), std::move(sha)});
  };
  const auto& user = state.address.user;
  if (!state.options.password.empty()) {
    add(user.empty() ? "AUTH" : fmt::format("AUTH as user '{}'", user),
        user.empty() ? encode_command({"AUTH", state.options.password})
                     : encode_command({"AUTH", user, state.options.password}));
  }
  if (state.address.db != 0) {
    add(fmt::format("SELECT {}", state.address.db),
        encode_command({"SELECT", std::to_string(state.address.db)}));
  }
  for (const auto& [name, script] : state.scripts) {
    add(fmt::format("SCRIPT LOAD of '{}'", name), encode_command({"SCRIPT", "LOAD", script.source}),
        script.sha);
  }
  return steps;
}

// Checks one set-up reply. A script that does not compile is logged, not
// fatal: its callers get the server's error from EVALSHA.
std::optional<Error> check_setup_reply(const State& state, const SetupStep& step,
                                       const Result<Reply>& outcome) {
  const auto where = state.address.host_port();
  if (!outcome) {
    if (outcome.error().code == errc::timeout) {
      return make_error(errc::unreachable,
                        fmt::format("Redis unreachable at {}: no answer to {} within {} ms", where, step.what,
                                    state.options.timeout.count()));
    }
    return make_error(errc::unreachable,
                      fmt::format("Redis unreachable at {}: {}", where, outcome.error().message));
  }
  if (!step.expected_sha.empty()) {
    if (outcome->is_error()) {
      spdlog::error("{}: {} failed: {}", state.options.name, step.what, outcome->text());
    } else if (outcome->text() != step.expected_sha) {
      spdlog::error("{}: {} returned {} (expected {})", state.options.name, step.what, outcome->text(),
                    step.expected_sha);
    }
    return std::nullopt;
  }
  if (outcome->is_error()) {
    return make_error(errc::unreachable,
                      fmt::format("Redis at {} refused {}: {}", where, step.what, outcome->text()));
  }
  return std::nullopt;
}

asio::awaitable<std::optional<Error>> set_up(std::shared_ptr<State> state, std::shared_ptr<Session> session) {
  auto steps = setup_steps(*state);
  if (steps.empty()) co_return std::nullopt;
  std::deque<std::shared_ptr<Request>> batch;
  for (const auto& step : steps) batch.push_back(step.request);
  co_await write_batch(state, session, std::move(batch));
  for (const auto& step : steps) {
    auto outcome = co_await await_outcome(step.request, state->options.timeout);
    if (auto error = check_setup_reply(*state, step, outcome)) co_return error;
  }
  co_return std::nullopt;
}

// One session: connect, set up, write until it breaks. Returns why it ended,
// and whether it had been up (then the first reconnect is immediate).
asio::awaitable<std::pair<Error, bool>> run_session(std::shared_ptr<State> state) {
  const auto where = state->address.host_port();
  auto opened = co_await Transport::open(state->executor, state->address, state->tls ? &*state->tls : nullptr,
                                         state->options.timeout);
  if (!opened) {
    co_return std::pair{make_error(errc::unreachable,
                                   fmt::format("Redis unreachable at {}: {}", where, opened.error().message)),
                        false};
  }
  auto session = std::make_shared<Session>();
  session->transport = std::move(*opened);
  state->session = session;
  asio::co_spawn(state->executor, read_replies(state, session),
                 LogExceptions{state->options.name + ": reader"});

  auto setup_error = co_await set_up(state, session);
  bool was_up = false;
  if (setup_error) {
    drop(*state, *session, *setup_error);
  } else if (!session->closed && state->phase != State::Phase::closed) {
    state->phase = State::Phase::up;
    was_up = true;
    spdlog::info("{}: connected to Redis at {}{}", state->options.name, where,
                 state->address.tls ? " (TLS)" : "");
    co_await write_until_closed(state, session);
  }
  while (!session->reader_done) co_await state->wake.wait();  // the reader notifies when it ends
  state->session.reset();
  co_return std::pair{session->why, was_up};
}

asio::awaitable<void> run(std::shared_ptr<State> state) {
  std::mt19937_64 rng(std::random_device{}());
  int failures = 0;
  while (state->phase != State::Phase::closed) {
    state->phase = State::Phase::connecting;
    auto [why, was_up] = co_await run_session(state);
    if (state->phase == State::Phase::closed) break;
    if (was_up) {
      // Lost after it worked: reconnect after a short jittered pause (not at
      // once: a server that accepts and drops would make a busy loop);
      // commands not yet written wait for the new connection.
      failures = 0;
      spdlog::warn("{}: {}; reconnecting", state->options.name, why.message);
    } else {
      ++failures;
      if (why.code != errc::unreachable) {
        why = make_error(errc::unreachable,
                         fmt::format("Redis unreachable at {}: {}", state->address.host_port(), why.message));
      }
      state->phase = State::Phase::down;
      state->last_error = why;
      fail_unsent(*state, why);
      if (failures == 1) {
        spdlog::warn("{}: {}; reconnecting with backoff", state->options.name, why.message);
      } else {
        spdlog::debug("{}: {}", state->options.name, why.message);
      }
    }
    const auto delay = state->options.reconnect.delay(std::max(failures, 1), rng);
    const auto until = std::chrono::steady_clock::now() + delay;
    while (state->phase != State::Phase::closed && std::chrono::steady_clock::now() < until) {
      co_await state->wake.wait(until - std::chrono::steady_clock::now());
    }
  }
  fail_unsent(*state, make_error(errc::cancelled, "the Redis connection was closed"));
}

// --- commands ---

asio::awaitable<Result<Reply>> submit(std::shared_ptr<State> state, std::string bytes, milliseconds timeout) {
  if (state->phase == State::Phase::closed) {
    co_return make_error(errc::cancelled, "the Redis connection was closed");
  }
  if (state->phase == State::Phase::down) co_return state->last_error;
  auto request = std::make_shared<Request>(state->executor, std::move(bytes));
  state->unsent.push_back(request);
  state->wake.notify();

  auto outcome = co_await await_outcome(request, timeout);
  if (!request->abandoned) co_return outcome;
  remove_unsent(*state, request);
  if (outcome.error().code == errc::cancelled)
    co_return make_error(errc::cancelled, "Redis command cancelled");
  auto timed_out = make_error(errc::timeout, fmt::format("Redis at {} did not reply within {} ms",
                                                         state->address.host_port(), timeout.count()));
  // Its reply may still come, and every reply after it would go to the wrong command.
  if (auto session = state->session;
      session && !session->closed &&
      std::find(session->awaiting.begin(), session->awaiting.end(), request) != session->awaiting.end()) {
    drop(*state, *session,
         make_error(errc::connection_lost,
                    fmt::format("{}; the connection is re-established (replies would be out of order)",
                                timed_out.message)));
  }
  co_return timed_out;
}

std::string encode_evalsha(const std::string& sha, const std::vector<std::string>& keys,
                           const std::vector<std::string>& args) {
  std::vector<std::string> argv{"EVALSHA", sha, std::to_string(keys.size())};
  argv.insert(argv.end(), keys.begin(), keys.end());
  argv.insert(argv.end(), args.begin(), args.end());
  return encode_command(argv);
}

asio::awaitable<Result<Reply>> eval_script(std::shared_ptr<State> state, std::string name,
                                           std::vector<std::string> keys, std::vector<std::string> args) {
  const auto found = state->scripts.find(name);
  if (found == state->scripts.end()) throw std::logic_error("redis: no script registered as '" + name + "'");
  const Script script = found->second;
  const auto timeout = state->options.timeout;
  const auto call = encode_evalsha(script.sha, keys, args);

  auto first = co_await submit(state, call, timeout);
  if (!first || first->error_code() != "NOSCRIPT") co_return first;
  spdlog::info("{}: script '{}' missing on the server (flushed or failed over): loading it again",
               state->options.name, name);
  // Encoded apart: GCC 12 cannot keep an initializer_list alive across co_await.
  auto load = encode_command({"SCRIPT", "LOAD", script.source});
  auto loaded = co_await submit(state, std::move(load), timeout);
  if (!loaded) co_return loaded.error();
  if (loaded->is_error()) co_return loaded;
  auto second = co_await submit(state, call, timeout);
  co_return second;
}

}  // namespace

void complete(Request& request, Result<Reply> outcome) {
  if (request.outcome) return;
  request.outcome = std::move(outcome);
  request.done.notify();
}

void drop(State& state, Session& session, Error why) {
  if (session.closed) return;
  session.closed = true;
  session.why = why;
  session.transport->close();
  auto awaiting = std::move(session.awaiting);
  session.awaiting.clear();
  for (auto& request : awaiting) complete(*request, why);
  state.wake.notify();
}

ConnectionOptions connection_options(const QueueConfig& queue) {
  ConnectionOptions options;
  options.url = queue.redis_url;
  options.password = queue.redis_password;
  options.ca_file = queue.redis_ca_file;
  options.timeout = std::chrono::duration_cast<milliseconds>(queue.redis_timeout);
  return options;
}

Connection::Connection(asio::any_io_executor executor, ConnectionOptions options)
    : state_(std::make_shared<State>(executor, std::move(options))) {
  if (state_->address.tls) state_->tls.emplace(http::make_client_tls_context(state_->options.ca_file));
  asio::co_spawn(executor, run(state_), LogExceptions{state_->options.name + ": connection"});
}

Connection::~Connection() {
  close();
}

void Connection::close() {
  if (state_->phase == State::Phase::closed) return;
  state_->phase = State::Phase::closed;
  const auto closed = make_error(errc::cancelled, "the Redis connection was closed");
  fail_unsent(*state_, closed);
  if (state_->session) drop(*state_, *state_->session, closed);
  state_->wake.notify();
}

asio::awaitable<Result<Reply>> Connection::command(std::vector<std::string> args) {
  return submit(state_, encode_command(args), state_->options.timeout);
}

asio::awaitable<Result<Reply>> Connection::command(std::vector<std::string> args, milliseconds timeout) {
  return submit(state_, encode_command(args), timeout);
}

void Connection::register_script(std::string name, std::string source) {
  auto sha = crypto::sha1_hex(source);
  state_->scripts[std::move(name)] = Script{std::move(source), std::move(sha)};
}

asio::awaitable<Result<Reply>> Connection::eval(std::string name, std::vector<std::string> keys,
                                                std::vector<std::string> args) {
  return eval_script(state_, std::move(name), std::move(keys), std::move(args));
}

bool Connection::connected() const noexcept {
  return state_->phase == State::Phase::up;
}

std::string Connection::describe() const {
  switch (state_->phase) {
    case State::Phase::up:
      return "connected to Redis at " + state_->address.host_port();
    case State::Phase::connecting:
      return "connecting to Redis at " + state_->address.host_port();
    case State::Phase::down:
      return state_->last_error.message;
    case State::Phase::closed:
      return "closed";
  }
  return {};
}

}  // namespace insightd::redis
