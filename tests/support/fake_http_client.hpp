// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one scripted http::Client of the unit tests. A request is answered by
// the route whose URL part its URL contains (routes are tried in the order
// they were added), else by the default script; an error code answers as a
// transport failure. Every request is recorded with the time it was sent, and
// every answer with the time it came, on clocks a test may replace with
// virtual ones. An answer comes after `latency` (cancellable: a cancelled
// wait throws operation_aborted as a real client's I/O would) or after one
// trip through the io_context, so concurrent callers really overlap.
#include <gtest/gtest.h>

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "insightd/http/client.hpp"

namespace insightd::test {

class FakeHttpClient final : public http::Client {
 public:
  // Decides the answer to a request; `n` counts the requests sent before it.
  using Script = std::function<result<http::Response>(const http::Request&, std::size_t n)>;
  using WallClock = std::function<std::chrono::system_clock::time_point()>;
  using SteadyClock = std::function<std::chrono::steady_clock::time_point()>;

  struct Sent {
    http::Request request;
    std::chrono::system_clock::time_point at;
    std::chrono::steady_clock::time_point steady_at;
  };

  FakeHttpClient() = default;
  // `script` takes (request) or (request, n).
  template <class F>
  requires(!std::is_same_v<std::decay_t<F>, FakeHttpClient>) explicit FakeHttpClient(F script)
      : script_(as_script(std::move(script))) {}
  FakeHttpClient(const FakeHttpClient&) = delete;
  FakeHttpClient& operator=(const FakeHttpClient&) = delete;

  template <class F>
  void set_script(F script) {
    script_ = as_script(std::move(script));
  }
  // Requests whose URL contains `url_part` are answered by `script` from now
  // on; a second route for the same part replaces the first.
  template <class F>
  void route(std::string url_part, F script) {
    for (auto& [part, existing] : routes_) {
      if (part == url_part) {
        existing = as_script(std::move(script));
        return;
      }
    }
    routes_.emplace_back(std::move(url_part), as_script(std::move(script)));
  }

  boost::asio::awaitable<result<http::Response>> send(http::Request request) override {
    const auto n = sent.size();
    sent.push_back({request, wall_clock(), steady_clock()});
    if (on_send) on_send(n);
    const auto executor = co_await boost::asio::this_coro::executor;
    if (latency.count() > 0) {
      boost::asio::steady_timer timer(executor, latency);
      co_await timer.async_wait(boost::asio::use_awaitable);
    } else {
      co_await boost::asio::post(executor, boost::asio::use_awaitable);
    }
    const auto script = script_for(request.url);  // a copy: the script may replace itself
    auto answer = script(request, n);
    answered_at.push_back(wall_clock());
    co_return answer;
  }

  std::vector<Sent> sent;
  std::vector<std::chrono::system_clock::time_point> answered_at;  // in the order the answers came
  std::function<void(std::size_t n)> on_send;                      // called as request n is sent
  std::chrono::milliseconds latency{0};
  WallClock wall_clock = [] { return std::chrono::system_clock::now(); };
  SteadyClock steady_clock = [] { return std::chrono::steady_clock::now(); };

 private:
  template <class F>
  static Script as_script(F script) {
    if constexpr (std::is_invocable_v<F&, const http::Request&, std::size_t>) {
      return Script(std::move(script));
    } else {
      return [script = std::move(script)](const http::Request& request,
                                          std::size_t) -> result<http::Response> { return script(request); };
    }
  }

  Script script_for(const std::string& url) const {
    for (const auto& [part, script] : routes_) {
      if (url.find(part) != std::string::npos) return script;
    }
    if (!script_) {
      ADD_FAILURE() << "no answer scripted for " << url;
      throw std::logic_error("FakeHttpClient: no answer scripted for " + url);
    }
    return script_;
  }

  Script script_;
  std::vector<std::pair<std::string, Script>> routes_;
};

// An answer with `body` (as JSON when there is one) and extra headers.
inline http::Response respond(unsigned status, std::string body = "",
                              std::vector<std::pair<std::string, std::string>> headers = {}) {
  http::Response response;
  response.status = status;
  if (!body.empty()) response.headers.set("Content-Type", "application/json");
  response.body = std::move(body);
  for (auto& [name, value] : headers) response.headers.set(std::move(name), std::move(value));
  return response;
}

}  // namespace insightd::test
