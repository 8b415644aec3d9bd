// SPDX-License-Identifier: Apache-2.0
// The console's data over a real SQLite queue, through the real console
// handler (session cookie and all): the intake view for a deployment that does
// not run the intake, one that is starting, and one whose leader recorded its
// status. The browser test (tests/console/) shows the same data in Chromium.
#include "../../src/app/console_data.hpp"

#include <gmock/gmock.h>

#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "insightd/intake/intake.hpp"
#include "insightd/observability/admin.hpp"
#include "insightd/queue/backend.hpp"
#include "support/run_coroutine.hpp"
#include "support/temp_dir.hpp"

namespace insightd::app {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;

const std::string admin_token = "console-data-token";

class ConsoleData : public ::testing::Test {
 protected:
  void SetUp() override {
    QueueConfig cfg;
    cfg.sqlite_path = (dir.path() / "queue.db").string();
    store = run(queue::open_backend(io.get_executor(), cfg));
  }

  template <class T>
  T run(asio::awaitable<T> op) {
    return test::run_bounded(io, std::move(op));
  }

  http::Response call(const http::Handler& handler, std::string method, std::string target, std::string body,
                      std::string cookie) {
    http::ServerRequest req;
    req.method = std::move(method);
    req.target = std::move(target);
    req.body = std::move(body);
    if (!cookie.empty()) req.headers.set("Cookie", cookie);
    return run(handler(std::move(req)));
  }

  // GET /console/api/snapshot as a logged-in operator of a daemon whose
  // configuration has (or has not) an intake section.
  json::object snapshot_over_http(bool intake_configured) {
    observability::AdminDeps deps;
    deps.token = admin_token;
    deps.console = observability::make_console(
        console_deps(store, admin_token, {}, [intake_configured] { return intake_configured; }));
    const auto handler = observability::make_admin_handler(std::move(deps));
    EXPECT_EQ(call(handler, "GET", "/console/api/snapshot", {}, {}).status, 401u) << "no session, no data";
    const auto login = call(handler, "POST", "/console/login", "token=" + admin_token, {});
    EXPECT_EQ(login.status, 303u) << login.body;
    const std::string set_cookie(login.headers.get("Set-Cookie"));
    const auto r =
        call(handler, "GET", "/console/api/snapshot", {}, set_cookie.substr(0, set_cookie.find(';')));
    EXPECT_EQ(r.status, 200u) << r.body;
    return json::parse(r.body).as_object();
  }

  test::TempDir dir;
  asio::io_context io{1};
  std::shared_ptr<queue::Backend> store;
};

TEST_F(ConsoleData, ADeploymentWithoutTheIntakeSaysItIsNotConfigured) {
  const auto snapshot = snapshot_over_http(false);
  const auto& intake = snapshot.at("intake").as_object();
  EXPECT_EQ(intake.at("configured"), false);
  EXPECT_EQ(intake.at("recorded"), false);
  EXPECT_EQ(intake.at("leader"), false);
  EXPECT_EQ(snapshot.at("status").at("pending"), 0) << "the other views are still there";
}

TEST_F(ConsoleData, AConfiguredIntakeWithNothingRecordedYetIsStarting) {
  const auto intake = snapshot_over_http(true).at("intake").as_object();
  EXPECT_EQ(intake.at("configured"), true);
  EXPECT_EQ(intake.at("recorded"), false);
}

TEST_F(ConsoleData, TheLeadersRecordedStatusIsShownAsIntakeStatusJsonPrintsIt) {
  intake::Status s;
  s.leader = true;
  s.daemon = "node-b (pid 99)";
  s.socket = "reconnecting";
  s.socket_since_ms = 1'780'000'000'000;
  s.queues = {"q-sales"};
  s.last_reconcile_found = 7;
  s.last_reconcile_enqueued = 2;
  s.found_reconcile = 2;
  s.problems = {{1'780'000'000'500, "intake: notifications socket lost: End of file; reconnecting"}};
  run(store->set_setting(std::string(intake::kStatusKey), json::serialize(intake::to_json(s))));

  auto intake = snapshot_over_http(true).at("intake").as_object();
  EXPECT_EQ(intake.at("recorded"), true);
  EXPECT_EQ(intake.at("configured"), true);
  intake.erase("configured");
  // Exactly what `insightd intake status --json` prints for this backend.
  EXPECT_EQ(intake, intake::recorded_json(s));
  EXPECT_EQ(intake.at("daemon"), "node-b (pid 99)");
  EXPECT_EQ(intake.at("problems").at(0).at("message"),
            "intake: notifications socket lost: End of file; reconnecting");

  // Another daemon of the deployment may lead while this one has no intake section.
  EXPECT_EQ(snapshot_over_http(false).at("intake").at("recorded"), true);
}

TEST_F(ConsoleData, AnUnreadableRecordReadsAsAStoppedIntakeNotAsNone) {
  run(store->set_setting(std::string(intake::kStatusKey), "{truncated"));
  const auto intake = snapshot_over_http(true).at("intake").as_object();
  EXPECT_EQ(intake.at("recorded"), true);
  EXPECT_EQ(intake.at("leader"), false);
}

}  // namespace
}  // namespace insightd::app
