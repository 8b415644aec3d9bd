// SPDX-License-Identifier: Apache-2.0
// The web console through the admin handler, called directly (no sockets):
// login and session cookie, CSRF on every action, security headers, routing.
// The browser test (tests/console/) drives the same page in Chromium.
#include "insightd/observability/console.hpp"

#include <fmt/format.h>
#include <gmock/gmock.h>

#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>
#include <cctype>
#include <regex>

#include "insightd/observability/admin.hpp"
#include "insightd/observability/console_sessions.hpp"
#include "support/run_coroutine.hpp"

namespace insightd::observability {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string admin_token = "t0ken+with/odd=chars&more";

struct FakeActions {
  std::vector<std::pair<std::vector<std::string>, bool>> replays;
  std::optional<std::string> held = "CRM endpoint answered 410 Gone";
  int snapshots = 0;
};

asio::awaitable<json::object> fake_snapshot(std::shared_ptr<FakeActions> a) {
  ++a->snapshots;
  co_return json::object{{"status", {{"pending", 2}}}};
}

asio::awaitable<std::size_t> fake_replay(std::shared_ptr<FakeActions> a, std::vector<std::string> ids,
                                         bool all) {
  a->replays.emplace_back(ids, all);
  co_return all ? 5 : ids.size();
}

asio::awaitable<std::optional<std::string>> fake_resume(std::shared_ptr<FakeActions> a) {
  co_return std::exchange(a->held, std::nullopt);
}

class ConsoleHandler : public ::testing::Test {
 protected:
  http::Handler make_handler(std::string token) {
    ConsoleDeps c;
    c.token = std::move(token);
    c.snapshot = [a = actions] { return fake_snapshot(a); };
    c.replay = [a = actions](std::vector<std::string> ids, bool all) {
      return fake_replay(a, std::move(ids), all);
    };
    c.resume_deliveries = [a = actions] { return fake_resume(a); };
    AdminDeps deps;
    deps.token = c.token;
    deps.console = make_console(std::move(c));
    return make_admin_handler(std::move(deps));
  }

  http::Response call(std::string method, std::string target, std::string body = {},
                      std::vector<std::pair<std::string, std::string>> headers = {}) {
    http::ServerRequest req;
    req.method = std::move(method);
    req.target = std::move(target);
    req.body = std::move(body);
    for (auto& [name, value] : headers) req.headers.set(name, value);
    asio::io_context io;
    return test::run_bounded(io, handler(std::move(req)));
  }

  // Logs in; returns the "name=value" to send back as Cookie.
  std::string log_in() {
    auto r = call("POST", "/console/login", "token=" + form_encoded(admin_token),
                  {{"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(r.status, 303u) << r.body;
    const std::string set_cookie(r.headers.get("Set-Cookie"));
    return set_cookie.substr(0, set_cookie.find(';'));
  }

  // The CSRF token the console page carries for this session.
  std::string csrf_of(const std::string& cookie) {
    auto page = call("GET", "/", {}, {{"Cookie", cookie}});
    std::smatch m;
    const std::regex meta(R"re(<meta name="csrf-token" content="([^"]+)">)re");
    EXPECT_TRUE(std::regex_search(page.body, m, meta)) << page.body;
    return m.size() > 1 ? m[1].str() : "";
  }

  static std::string form_encoded(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
      if (std::isalnum(c) != 0) {
        out.push_back(static_cast<char>(c));
      } else {
        out += fmt::format("%{:02X}", c);
      }
    }
    return out;
  }

  static void expect_security_headers(const http::Response& r) {
    EXPECT_THAT(std::string(r.headers.get("Content-Security-Policy")), HasSubstr("default-src 'none'"));
    EXPECT_THAT(std::string(r.headers.get("Content-Security-Policy")), HasSubstr("script-src 'self'"));
    EXPECT_THAT(std::string(r.headers.get("Content-Security-Policy")), HasSubstr("frame-ancestors 'none'"));
    EXPECT_EQ(r.headers.get("X-Frame-Options"), "DENY");
    EXPECT_EQ(r.headers.get("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r.headers.get("Cache-Control"), "no-store");
  }

  std::shared_ptr<FakeActions> actions = std::make_shared<FakeActions>();
  http::Handler handler = make_handler(admin_token);
};

TEST_F(ConsoleHandler, WithoutASessionTheRootIsTheLoginFormAndTheApiIsRefused) {
  auto page = call("GET", "/");
  EXPECT_EQ(page.status, 200u);
  expect_security_headers(page);
  EXPECT_THAT(page.body, HasSubstr(R"(<form method="post" action="/console/login">)"));
  EXPECT_THAT(page.body, Not(HasSubstr("csrf-token")));
  EXPECT_EQ(call("GET", "/console/api/snapshot").status, 401u);
  EXPECT_EQ(call("POST", "/console/api/replay-all").status, 401u);
  EXPECT_EQ(call("GET", "/console/api/snapshot", {}, {{"Cookie", "insightd_console=forged"}}).status, 401u);
  EXPECT_EQ(actions->snapshots, 0);
  EXPECT_TRUE(actions->replays.empty());
}

TEST_F(ConsoleHandler, AWrongTokenIsRefusedWithoutACookie) {
  auto r = call("POST", "/console/login", "token=nope");
  EXPECT_EQ(r.status, 401u);
  EXPECT_FALSE(r.headers.contains("Set-Cookie"));
  EXPECT_THAT(r.body, HasSubstr("not the admin token"));
  EXPECT_EQ(call("POST", "/console/login", "other=1").status, 401u);
  EXPECT_EQ(call("POST", "/console/login", "token=" + admin_token).status, 401u)
      << "'+' in a form body is a space: the raw token does not match";
  EXPECT_EQ(call("GET", "/console/login").status, 405u);
}

TEST_F(ConsoleHandler, TheRightTokenSetsAStrictHttpOnlyCookieAndShowsTheConsole) {
  auto r = call("POST", "/console/login", "token=" + form_encoded(admin_token));
  ASSERT_EQ(r.status, 303u);
  EXPECT_EQ(r.headers.get("Location"), "/");
  const std::string set_cookie(r.headers.get("Set-Cookie"));
  EXPECT_THAT(set_cookie, HasSubstr("; HttpOnly"));
  EXPECT_THAT(set_cookie, HasSubstr("; SameSite=Strict"));
  EXPECT_THAT(set_cookie, HasSubstr("; Path=/"));
  EXPECT_THAT(set_cookie, Not(HasSubstr(admin_token)));

  const auto cookie = set_cookie.substr(0, set_cookie.find(';'));
  auto page = call("GET", "/", {}, {{"Cookie", "theme=dark; " + cookie}});
  EXPECT_EQ(page.status, 200u);
  expect_security_headers(page);
  EXPECT_THAT(page.body, HasSubstr(R"(<script src="/console/console.js" defer></script>)"));
  // No inline script: every <script> has a src.
  EXPECT_FALSE(std::regex_search(page.body, std::regex("<script(?![^>]*\\ssrc=)")));
  EXPECT_FALSE(csrf_of(cookie).empty());

  auto snapshot = call("GET", "/console/api/snapshot", {}, {{"Cookie", cookie}});
  EXPECT_EQ(snapshot.status, 200u);
  expect_security_headers(snapshot);
  EXPECT_EQ(json::parse(snapshot.body).at("status").at("pending"), 2);
}

TEST_F(ConsoleHandler, ActionsNeedTheSessionsCsrfToken) {
  const auto cookie = log_in();
  const auto csrf = csrf_of(cookie);
  const auto other_csrf = csrf_of(log_in());
  EXPECT_NE(csrf, other_csrf);

  EXPECT_EQ(call("POST", "/console/api/replay/conv-1", {}, {{"Cookie", cookie}}).status, 403u);
  EXPECT_EQ(call("POST", "/console/api/replay/conv-1", {}, {{"Cookie", cookie}, {"X-CSRF-Token", other_csrf}})
                .status,
            403u);
  EXPECT_EQ(call("POST", "/console/api/resume-deliveries", {}, {{"Cookie", cookie}}).status, 403u);
  EXPECT_TRUE(actions->replays.empty());
  EXPECT_TRUE(actions->held);

  auto one = call("POST", "/console/api/replay/conv-1", {}, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  ASSERT_EQ(one.status, 200u) << one.body;
  EXPECT_EQ(json::parse(one.body).at("replayed"), 1);
  auto all = call("POST", "/console/api/replay-all", {}, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(json::parse(all.body).at("replayed"), 5);
  // A percent-encoded '/' stays inside the one ID.
  call("POST", "/console/api/replay/a%2Fb", {}, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  ASSERT_EQ(actions->replays.size(), 3u);
  EXPECT_EQ(actions->replays[0], (std::pair<std::vector<std::string>, bool>{{"conv-1"}, false}));
  EXPECT_TRUE(actions->replays[1].second);
  EXPECT_EQ(actions->replays[2].first, std::vector<std::string>{"a/b"});

  auto resumed =
      call("POST", "/console/api/resume-deliveries", {}, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(json::parse(resumed.body).at("resumed"), true);
  EXPECT_EQ(json::parse(resumed.body).at("held_reason"), "CRM endpoint answered 410 Gone");
  auto again =
      call("POST", "/console/api/resume-deliveries", {}, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(json::parse(again.body).at("resumed"), false);
}

TEST_F(ConsoleHandler, BadIdsAndMethodsAreRefused) {
  const auto cookie = log_in();
  const auto csrf = csrf_of(cookie);
  EXPECT_EQ(
      call("POST", "/console/api/replay/a%20b", {}, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}).status,
      400u);
  EXPECT_EQ(call("GET", "/console/api/replay-all", {}, {{"Cookie", cookie}}).status, 405u);
  EXPECT_EQ(call("POST", "/console/api/snapshot", {}, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}).status,
            405u);
  EXPECT_EQ(call("GET", "/console/nothing-here", {}, {{"Cookie", cookie}}).status, 404u);
  EXPECT_TRUE(actions->replays.empty());
}

TEST_F(ConsoleHandler, LogoutEndsTheSession) {
  const auto cookie = log_in();
  const auto csrf = csrf_of(cookie);
  auto r = call("POST", "/console/logout", {}, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(r.status, 200u);
  EXPECT_THAT(std::string(r.headers.get("Set-Cookie")), HasSubstr("Max-Age=0"));
  EXPECT_EQ(call("GET", "/console/api/snapshot", {}, {{"Cookie", cookie}}).status, 401u);
  EXPECT_THAT(call("GET", "/", {}, {{"Cookie", cookie}}).body, HasSubstr("action=\"/console/login\""));
}

TEST_F(ConsoleHandler, AssetsAreServedWithoutASessionAndUnderTheSamePolicy) {
  auto js = call("GET", "/console/console.js");
  EXPECT_EQ(js.status, 200u);
  EXPECT_EQ(js.headers.get("Content-Type"), "text/javascript; charset=utf-8");
  expect_security_headers(js);
  EXPECT_THAT(js.body, HasSubstr("X-CSRF-Token"));
  EXPECT_THAT(js.body, Not(HasSubstr("innerHTML")));
  auto css = call("GET", "/console/console.css");
  EXPECT_EQ(css.status, 200u);
  EXPECT_EQ(css.headers.get("Content-Type"), "text/css; charset=utf-8");
}

TEST_F(ConsoleHandler, WithoutAnAdminTokenTheConsoleIsDisabled) {
  handler = make_handler("");
  auto page = call("GET", "/");
  EXPECT_EQ(page.status, 403u);
  EXPECT_THAT(page.body, HasSubstr("admin.token_file"));
  EXPECT_EQ(call("POST", "/console/login", "token=").status, 403u);
  EXPECT_EQ(call("GET", "/console/api/snapshot").status, 403u);
}

TEST_F(ConsoleHandler, WithoutAConsoleTheRootIsNotFound) {
  AdminDeps deps;
  handler = make_admin_handler(std::move(deps));
  EXPECT_EQ(call("GET", "/").status, 404u);
}

TEST(ConsoleSessions, ExpireAfterTheirLifetimeAndTheOldestIsDroppedWhenFull) {
  auto now = std::make_shared<std::chrono::steady_clock::time_point>();
  ConsoleSessions sessions(std::chrono::seconds(60), 2, [now] { return *now; });
  const auto a = sessions.open();
  *now += std::chrono::seconds(10);
  const auto b = sessions.open();
  EXPECT_TRUE(sessions.valid(a));
  EXPECT_NE(a, b);
  *now += std::chrono::seconds(5);
  const auto c = sessions.open();  // full: a (first to expire) is dropped
  EXPECT_FALSE(sessions.valid(a));
  EXPECT_TRUE(sessions.valid(b));
  EXPECT_TRUE(sessions.valid(c));
  *now += std::chrono::seconds(58);  // t=73: b (opened at 10) expired, c (opened at 15) not yet
  EXPECT_FALSE(sessions.valid(b));
  EXPECT_TRUE(sessions.valid(c));
  EXPECT_FALSE(sessions.valid(""));
  EXPECT_TRUE(sessions.csrf_matches(c, sessions.csrf_token(c)));
  EXPECT_FALSE(sessions.csrf_matches(c, sessions.csrf_token(b)));
  EXPECT_FALSE(sessions.csrf_matches(c, ""));
}

}  // namespace
}  // namespace insightd::observability
