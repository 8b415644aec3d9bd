// SPDX-License-Identifier: Apache-2.0
#pragma once
// Drives a SimService by calling its handler directly (no sockets), on a
// manual clock the test advances.
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <memory>
#include <string>

#include "insightd/common/crypto.hpp"
#include "insightd/sim/sim_service.hpp"

namespace insightd::sim::testing {

class SimFixture : public ::testing::Test {
 protected:
  // Builds the service; call again after changing `options`.
  void start() {
    SimClock clock{[this] { return steady_now; }, [this] { return wall_now; }};
    service = std::make_unique<SimService>(io.get_executor(), options, clock);
  }

  void SetUp() override { start(); }

  http::Response call(http::ServerRequest request) {
    auto future = boost::asio::co_spawn(io, service->handle(std::move(request)), boost::asio::use_future);
    io.restart();
    io.run();
    return future.get();
  }

  http::Response get(std::string target, const std::string& bearer) {
    http::ServerRequest r;
    r.method = "GET";
    r.target = std::move(target);
    if (!bearer.empty()) r.headers.set("Authorization", "Bearer " + bearer);
    return call(std::move(r));
  }

  http::Response request_token(const std::string& id, const std::string& secret,
                               std::string body = "grant_type=client_credentials") {
    http::ServerRequest r;
    r.method = "POST";
    r.target = "/oauth/token";
    r.headers.set("Authorization", "Basic " + crypto::base64_encode(id + ":" + secret));
    r.headers.set("Content-Type", "application/x-www-form-urlencoded");
    r.body = std::move(body);
    return call(std::move(r));
  }

  std::string token() {
    auto r = request_token(options.client_id, options.client_secret);
    EXPECT_EQ(r.status, 200u) << r.body;
    return std::string(json(r).at("access_token").as_string());
  }

  static boost::json::value json(const http::Response& r) { return boost::json::parse(r.body); }

  static std::string insights_url(const std::string& id, const std::string& query = "") {
    return "/api/v2/agentassist/interactions/" + id + "/insights" + (query.empty() ? "" : "?" + query);
  }

  void advance(std::chrono::milliseconds d) {
    steady_now += d;
    wall_now += d;
  }

  boost::asio::io_context io;
  SimOptions options;
  std::chrono::steady_clock::time_point steady_now{std::chrono::hours(1000)};
  std::chrono::system_clock::time_point wall_now{std::chrono::seconds(1790000000)};  // 2026-09-21
  std::unique_ptr<SimService> service;
};

}  // namespace insightd::sim::testing
