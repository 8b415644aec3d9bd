// SPDX-License-Identifier: Apache-2.0
// POST /sim/faults switches faults while the simulator runs. Each toggle is
// checked over real HTTP against a Simulator on a loopback listener; the
// request checks and the time windows on the simulator's handler.
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <string>

#include "insightd/common/crypto.hpp"
#include "insightd/common/webhook_signature.hpp"
#include "insightd/http/client.hpp"
#include "insightd/sim/simulator.hpp"
#include "sim/sim_fixture.hpp"

namespace insightd::sim {
namespace {

using namespace std::chrono_literals;

// A Simulator on 127.0.0.1 and our own HTTP client, both on one io_context
// that runs only while a request is in flight.
class LiveSim : public ::testing::Test {
 protected:
  http::Response send(http::Request request) {
    auto future = boost::asio::co_spawn(io, client->send(std::move(request)), boost::asio::use_future);
    io.restart();
    while (future.wait_for(0s) != std::future_status::ready) io.run_one();
    auto result = future.get();
    if (!result) throw std::runtime_error("HTTP: " + result.error().message());
    return *result;
  }
  // A transport error (e.g. our timeout) instead of an answer.
  std::string send_expecting_failure(http::Request request) {
    auto future = boost::asio::co_spawn(io, client->send(std::move(request)), boost::asio::use_future);
    io.restart();
    while (future.wait_for(0s) != std::future_status::ready) io.run_one();
    auto result = future.get();
    return result ? "answered " + std::to_string(result->status) : result.error().message();
  }

  http::Response faults(const std::string& body) {
    http::Request r;
    r.method = "POST";
    r.url = sim.base_url() + "/sim/faults";
    r.headers.set("Content-Type", "application/json");
    r.body = body;
    return send(std::move(r));
  }

  http::Response login() {
    http::Request r;
    r.method = "POST";
    r.url = sim.base_url() + "/oauth/token";
    r.headers.set("Authorization",
                  "Basic " + crypto::base64_encode(options.client_id + ":" + options.client_secret));
    r.headers.set("Content-Type", "application/x-www-form-urlencoded");
    r.body = "grant_type=client_credentials";
    return send(std::move(r));
  }
  std::string token() {
    auto r = login();
    EXPECT_EQ(r.status, 200u) << r.body;
    return std::string(boost::json::parse(r.body).at("access_token").as_string());
  }

  http::Response fetch(const std::string& bearer, const std::string& id = "ia-soak-1-n5") {
    http::Request r;
    r.url = sim.base_url() + "/api/v2/agentassist/interactions/" + id + "/insights";
    r.headers.set("Authorization", "Bearer " + bearer);
    return send(std::move(r));
  }

  http::Request delivery(const std::string& webhook_id) {
    const std::string body = R"({"interactionId":"ia-soak-1","part":1,"parts":1,"insights":[]})";
    const auto ts =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    http::Request r;
    r.method = "POST";
    r.url = sim.base_url() + "/crm/ingest";
    r.headers.set("Content-Type", "application/json");
    r.headers.set("webhook-id", webhook_id);
    r.headers.set("webhook-timestamp", std::to_string(ts));
    r.headers.set("webhook-signature",
                  sign_webhook(*webhook_key_from_secret(options.crm_secret), webhook_id, ts, body));
    r.body = body;
    return r;
  }

  boost::asio::io_context io;
  SimOptions options;
  Simulator sim{io.get_executor(), options};
  std::unique_ptr<http::Client> client = http::make_client(io.get_executor(), {});
};

TEST_F(LiveSim, TokenDownAnswers503UntilNormalAgain) {
  EXPECT_EQ(login().status, 200u);
  EXPECT_EQ(faults(R"({"token_down":{"for_ms":600000}})").status, 200u);
  auto down = login();
  EXPECT_EQ(down.status, 503u);
  EXPECT_EQ(boost::json::parse(down.body).at("error").as_string(), "temporarily_unavailable");
  EXPECT_EQ(faults(R"({"normal":true})").status, 200u);
  EXPECT_EQ(login().status, 200u);
}

TEST_F(LiveSim, TokenDownCanRevokeTheTokensAlreadyIssued) {
  const auto bearer = token();
  EXPECT_EQ(fetch(bearer).status, 200u);
  EXPECT_EQ(faults(R"({"token_down":{"for_ms":600000,"revoke_tokens":true}})").status, 200u);
  EXPECT_EQ(fetch(bearer).status, 401u);
  EXPECT_EQ(login().status, 503u);
  faults(R"({"normal":true})");
  EXPECT_EQ(fetch(token()).status, 200u);
}

TEST_F(LiveSim, ApiErrorsFailExactlyTheirShareOfFetchesWith500And503) {
  const auto bearer = token();
  EXPECT_EQ(faults(R"({"api_errors":{"for_ms":600000,"share":0.5}})").status, 200u);
  std::map<unsigned, int> statuses;
  for (int i = 0; i < 10; ++i) ++statuses[fetch(bearer).status];
  EXPECT_EQ(statuses[200], 5);
  EXPECT_EQ(statuses[500], 3);
  EXPECT_EQ(statuses[503], 2);
  faults(R"({"normal":true})");
  EXPECT_EQ(fetch(bearer).status, 200u);
  EXPECT_EQ(login().status, 200u);  // the login is not an insight fetch
}

TEST_F(LiveSim, Api429StormAnswersEveryRequestWithItsRetryAfter) {
  const auto bearer = token();
  EXPECT_EQ(faults(R"({"api_429":{"for_ms":600000,"retry_after_s":75}})").status, 200u);
  for (int i = 0; i < 3; ++i) {
    auto r = fetch(bearer, "ia-soak-" + std::to_string(i));
    EXPECT_EQ(r.status, 429u);
    EXPECT_EQ(r.headers.get("Retry-After"), "75");
  }
  const auto stats = sim.stats();
  ASSERT_EQ(stats.rate_limited.size(), 3u);
  EXPECT_EQ(stats.rate_limited[0].cause, "storm");
  EXPECT_EQ(stats.rate_limited[0].retry_after_s, 75);
  faults(R"({"api_429":{"for_ms":0,"retry_after_s":1}})");  // for_ms 0 ends one fault
  EXPECT_EQ(fetch(bearer).status, 200u);
}

TEST_F(LiveSim, CrmDownAnswers503AndCountsNothingAccepted) {
  EXPECT_EQ(send(delivery("msg_1")).status, 200u);
  EXPECT_EQ(faults(R"({"crm_down":{"for_ms":600000}})").status, 200u);
  EXPECT_EQ(send(delivery("msg_2")).status, 503u);
  EXPECT_EQ(sim.stats().crm_accepted_per_webhook_id.count("msg_2"), 0u);
  faults(R"({"normal":true})");
  EXPECT_EQ(send(delivery("msg_2")).status, 200u);
}

TEST_F(LiveSim, CrmHangGivesNoAnswerSoTheClientTimesOut) {
  EXPECT_EQ(faults(R"({"crm_hang":{"for_ms":600000}})").status, 200u);
  auto hung = delivery("msg_hang");
  hung.timeout = 300ms;
  EXPECT_EQ(send_expecting_failure(std::move(hung)).find("answered"), std::string::npos);
  const auto stats = sim.stats();
  ASSERT_EQ(stats.crm_receipts.size(), 1u);
  EXPECT_EQ(stats.crm_receipts[0].status, 503u);  // never answered in time: not accepted
  EXPECT_TRUE(stats.crm_accepted_per_webhook_id.empty());
  faults(R"({"normal":true})");
  EXPECT_EQ(send(delivery("msg_hang")).status, 200u);
}

TEST_F(LiveSim, GetListsTheActiveFaultsWithTheTimeLeft) {
  faults(R"({"crm_down":{"for_ms":600000},"api_429":{"for_ms":600000,"retry_after_s":9}})");
  http::Request r;
  r.url = sim.base_url() + "/sim/faults";
  auto active = boost::json::parse(send(std::move(r)).body).as_object();
  EXPECT_EQ(active.size(), 2u) << boost::json::serialize(active);
  EXPECT_GT(active.at("crm_down").at("ms_left").as_int64(), 590000);
  EXPECT_EQ(active.at("api_429").at("retry_after_s").as_int64(), 9);
}

// The windows and the request checks, on the handler with a manual clock.
using RuntimeFaultWindows = testing::SimFixture;

http::ServerRequest faults_request(std::string body, std::string peer = "127.0.0.1:40000") {
  http::ServerRequest r;
  r.method = "POST";
  r.target = "/sim/faults";
  r.body = std::move(body);
  r.remote_address = std::move(peer);
  return r;
}

TEST_F(RuntimeFaultWindows, AFaultEndsByItselfAfterForMs) {
  EXPECT_EQ(call(faults_request(R"({"token_down":{"for_ms":120000}})")).status, 200u);
  advance(119s);
  EXPECT_EQ(request_token(options.client_id, options.client_secret).status, 503u);
  advance(1s);
  EXPECT_EQ(request_token(options.client_id, options.client_secret).status, 200u);
}

TEST_F(RuntimeFaultWindows, OnlyLoopbackClientsMaySwitchFaults) {
  auto remote = call(faults_request(R"({"crm_down":{"for_ms":1000}})", "192.0.2.7:5000"));
  EXPECT_EQ(remote.status, 403u);
  EXPECT_EQ(call(faults_request(R"({"crm_down":{"for_ms":1000}})", "[::1]:5000")).status, 200u);
}

TEST_F(RuntimeFaultWindows, ABadBodyIsRefusedWithWhatIsWrongAndChangesNothing) {
  const std::pair<const char*, const char*> cases[] = {
      {"not json", "not JSON"},
      {R"([1])", "JSON object"},
      {R"({"disk_full":{}})", "unknown fault disk_full"},
      {R"({"crm_down":{}})", "crm_down.for_ms is required"},
      {R"({"crm_down":{"for_ms":-1}})", "crm_down.for_ms must be a whole number"},
      {R"({"crm_down":{"for_ms":10,"share":1}})", "crm_down.share is not a setting"},
      {R"({"api_errors":{"for_ms":10,"share":1.5}})", "api_errors.share must be a number from 0 to 1"},
      {R"({"api_429":{"for_ms":10}})", "api_429.retry_after_s is required"},
      {R"({"token_down":{"for_ms":10},"api_429":{"for_ms":10,"retry_after_s":0}})", "retry_after_s"},
  };
  for (auto [body, expected] : cases) {
    auto r = call(faults_request(body));
    EXPECT_EQ(r.status, 400u) << body;
    EXPECT_NE(r.body.find(expected), std::string::npos) << body << " -> " << r.body;
  }
  // The valid token_down of the last body was not applied either.
  EXPECT_EQ(request_token(options.client_id, options.client_secret).status, 200u);
}

TEST_F(RuntimeFaultWindows, ResetEndsEveryFault) {
  call(faults_request(R"({"token_down":{"for_ms":600000}})"));
  service->reset();
  EXPECT_EQ(request_token(options.client_id, options.client_secret).status, 200u);
}

}  // namespace
}  // namespace insightd::sim
