// SPDX-License-Identifier: Apache-2.0
#pragma once
// Helpers for running the real client against the real server on 127.0.0.1
// inside one io_context.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <set>
#include <string>

#include "insightd/http/client.hpp"
#include "insightd/http/server.hpp"
#include "support/run_coroutine.hpp"

namespace insightd::test {

namespace asio = boost::asio;
using namespace std::chrono_literals;

// Runs a test coroutine to completion on its own io_context; fails when it
// throws, does not finish, or leaves work behind (a leaked connection or timer).
inline void run_loopback_test(std::function<asio::awaitable<void>(asio::any_io_executor)> body) {
  asio::io_context context(1);
  run_bounded(context, body(context.get_executor()));
}

// Polls an observable condition; the bound is generous and only reached on
// failure. Conditions are passed as named objects: GCC 12 mishandles lambda
// temporaries inside co_await expressions.
inline asio::awaitable<bool> poll_until(asio::any_io_executor executor,
                                        const std::function<bool()>& condition) {
  const auto give_up = std::chrono::steady_clock::now() + 5s * time_scale();
  while (!condition()) {
    if (std::chrono::steady_clock::now() > give_up) co_return false;
    asio::steady_timer tick(executor, 2ms);
    co_await tick.async_wait(asio::use_awaitable);
  }
  co_return true;
}

inline asio::awaitable<bool> connection_count_becomes(asio::any_io_executor executor,
                                                      const http::Server* server, std::size_t count) {
  const std::function<bool()> condition = [server, count] { return server->connection_count() == count; };
  co_return co_await poll_until(executor, condition);
}

// Something a handler waits on until the test opens it (no fixed sleeps).
class Gate {
 public:
  explicit Gate(asio::any_io_executor executor) : timer_(executor, asio::steady_timer::time_point::max()) {}
  asio::awaitable<void> wait() {
    while (!open_) co_await timer_.async_wait(asio::as_tuple(asio::use_awaitable));
  }
  void open() {
    open_ = true;
    timer_.cancel();
  }

 private:
  asio::steady_timer timer_;
  bool open_ = false;
};

// What the test server saw; shared with its handler.
struct Probe {
  int requests = 0;
  std::set<std::string> remotes;  // one per TCP connection the requests came on
  http::ServerRequest last;
  std::shared_ptr<Gate> gate;  // when set, the handler waits on it before answering
  std::size_t reply_size = 0;  // when set, the body is this many 'x'
};

// Echoes the request: "METHOD TARGET\nBODY", plus X-Remote and the X-Test header back.
inline asio::awaitable<http::Response> echo(std::shared_ptr<Probe> probe, http::ServerRequest request) {
  ++probe->requests;
  probe->remotes.insert(request.remote_address);
  probe->last = request;
  if (probe->gate) co_await probe->gate->wait();
  http::Response response{200, {}, request.method + " " + request.target + "\n" + request.body};
  if (probe->reply_size) response.body.assign(probe->reply_size, 'x');
  response.headers.set("X-Remote", request.remote_address);
  response.headers.set("X-Echo", std::string(request.headers.get("X-Test")));
  co_return response;
}

inline asio::awaitable<bool> requests_reach(asio::any_io_executor executor, const Probe* probe, int count) {
  const std::function<bool()> condition = [probe, count] { return probe->requests == count; };
  co_return co_await poll_until(executor, condition);
}

inline http::Handler echo_handler(std::shared_ptr<Probe> probe) {
  return [probe](http::ServerRequest request) { return echo(probe, std::move(request)); };
}

// A request sent from its own coroutine, so a test can do other things meanwhile.
struct Outcome {
  bool done = false;
  result<http::Response> value = http::Response{};
};

inline asio::awaitable<void> send_into(http::Client* client, http::Request request,
                                       std::shared_ptr<Outcome> out) {
  out->value = co_await client->send(std::move(request));
  out->done = true;
}

inline void start_send(asio::any_io_executor executor, http::Client& client, http::Request request,
                       std::shared_ptr<Outcome> out) {
  asio::co_spawn(executor, send_into(&client, std::move(request), std::move(out)),
                 [](std::exception_ptr e) { EXPECT_FALSE(e) << "send_into threw"; });
}

inline asio::awaitable<bool> finished(asio::any_io_executor executor, const Outcome* outcome) {
  const std::function<bool()> condition = [outcome] { return outcome->done; };
  co_return co_await poll_until(executor, condition);
}

inline http::Request get(std::string url, std::chrono::milliseconds timeout = 2s) {
  http::Request request;
  request.url = std::move(url);
  request.timeout = timeout;
  return request;
}

inline std::string base_url(const http::Server& server, bool tls, const std::string& host = "127.0.0.1") {
  return fmt::format("{}://{}:{}", tls ? "https" : "http", host, server.port());
}

}  // namespace insightd::test
