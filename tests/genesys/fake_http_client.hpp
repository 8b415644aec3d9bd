// SPDX-License-Identifier: Apache-2.0
#pragma once
// A scripted http::Client for the genesys tests: a handler decides each
// response, every request is recorded with the time it was sent, and each
// answer is delivered after one trip through the io_context, so concurrent
// callers really overlap.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "insightd/http/client.hpp"

namespace insightd::genesys::testing {

class FakeHttpClient final : public http::Client {
 public:
  using Handler = std::function<result<http::Response>(const http::Request&)>;

  explicit FakeHttpClient(boost::asio::any_io_executor executor, Handler handler = {})
      : executor_(std::move(executor)), handler_(std::move(handler)) {}

  void set_handler(Handler handler) { handler_ = std::move(handler); }

  boost::asio::awaitable<result<http::Response>> send(http::Request request) override {
    requests.push_back(request);
    sent_at.push_back(std::chrono::steady_clock::now());
    auto response = handler_(request);
    co_await boost::asio::post(executor_, boost::asio::use_awaitable);
    co_return response;
  }

  // Requests whose URL contains `part`.
  int count(std::string_view part) const {
    int n = 0;
    for (const auto& r : requests) n += r.url.find(part) != std::string::npos ? 1 : 0;
    return n;
  }

  std::vector<http::Request> requests;
  std::vector<std::chrono::steady_clock::time_point> sent_at;

 private:
  boost::asio::any_io_executor executor_;
  Handler handler_;
};

inline http::Response json_response(unsigned status, std::string body,
                                    std::vector<std::pair<std::string, std::string>> headers = {}) {
  http::Response response;
  response.status = status;
  response.body = std::move(body);
  response.headers.set("Content-Type", "application/json");
  for (auto& [name, value] : headers) response.headers.set(std::move(name), std::move(value));
  return response;
}

}  // namespace insightd::genesys::testing
