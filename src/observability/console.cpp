// SPDX-License-Identifier: Apache-2.0
#include "insightd/observability/console.hpp"

#include <fmt/format.h>

#include <boost/json/serialize.hpp>
#include <boost/url/params_view.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/parse_query.hpp>

#include "console_assets.hpp"
#include "insightd/common/crypto.hpp"
#include "insightd/common/interaction_id.hpp"
#include "insightd/observability/admin.hpp"
#include "insightd/observability/console_sessions.hpp"

namespace insightd::observability {

class Console {
 public:
  explicit Console(ConsoleDeps d) : deps(std::move(d)), sessions(deps.session_lifetime) {}
  const ConsoleDeps deps;
  ConsoleSessions sessions;
};

namespace {

namespace json = boost::json;
using boost::asio::awaitable;

constexpr std::string_view kCookieName = "insightd_console";
constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

// The page may load only its own script, style and data, may not be framed,
// and may post forms only to itself.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

http::Response secured(unsigned status, std::string_view content_type, std::string body) {
  http::Response r;
  r.status = status;
  r.headers.set("Content-Type", std::string(content_type));
  r.headers.set("Content-Security-Policy", std::string(kContentSecurityPolicy));
  r.headers.set("X-Frame-Options", "DENY");
  r.headers.set("X-Content-Type-Options", "nosniff");
  r.headers.set("Referrer-Policy", "no-referrer");
  r.headers.set("Cache-Control", "no-store");
  r.body = std::move(body);
  return r;
}

http::Response json_reply(unsigned status, const json::object& body) {
  return secured(status, "application/json", json::serialize(body));
}

http::Response json_failure(unsigned status, std::string message) {
  return json_reply(status, json::object{{"error", std::move(message)}});
}

std::string replace_placeholder(std::string_view text, std::string_view placeholder, std::string_view value) {
  std::string out(text);
  if (auto at = out.find(placeholder); at != std::string::npos) out.replace(at, placeholder.size(), value);
  return out;
}

http::Response login_page(unsigned status, std::string_view message) {
  return secured(status, "text/html; charset=utf-8",
                 replace_placeholder(console_assets::login_html, "{{message}}", message));
}

std::string session_cookie(std::string_view value, std::chrono::seconds max_age) {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}", kCookieName, value,
                     max_age.count());
}

// The value of our cookie in a "Cookie: a=b; c=d" header; "" when absent.
std::string_view session_id(std::string_view cookie_header) {
  while (!cookie_header.empty()) {
    const auto end = cookie_header.find(';');
    std::string_view pair = cookie_header.substr(0, end);
    cookie_header = end == std::string_view::npos ? std::string_view{} : cookie_header.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == kCookieName) return pair.substr(eq + 1);
  }
  return {};
}

// The "token" field of an application/x-www-form-urlencoded body.
std::optional<std::string> form_token(std::string_view body) {
  if (!boost::urls::parse_query(body)) return std::nullopt;  // the constructor below would throw
  boost::urls::encoding_opts form_encoding;
  form_encoding.space_as_plus = true;
  for (const auto& param : boost::urls::params_view(body, form_encoding)) {
    if (param.key == "token") return param.value;
  }
  return std::nullopt;
}

http::Response login(Console& console, const http::ServerRequest& req) {
  const auto presented = form_token(req.body);
  if (!presented || !crypto::constant_time_equal(*presented, console.deps.token))
    return login_page(401, "That is not the admin token.");
  http::Response r = secured(303, "text/plain; charset=utf-8", "logged in\n");
  r.headers.set("Location", "/");
  r.headers.set("Set-Cookie", session_cookie(console.sessions.open(), console.sessions.lifetime()));
  return r;
}

http::Response logged_out() {
  http::Response r = json_reply(200, json::object{{"logged_out", true}});
  r.headers.set("Set-Cookie", session_cookie("", std::chrono::seconds(0)));
  return r;
}

http::Response console_page(const Console& console, std::string_view session) {
  return secured(
      200, "text/html; charset=utf-8",
      replace_placeholder(console_assets::console_html, "{{csrf}}", console.sessions.csrf_token(session)));
}

http::Response asset(std::string_view content_type, std::string_view body) {
  return secured(200, content_type, std::string(body));
}

http::Response console_method_not_allowed(std::string allow) {
  http::Response r = json_failure(405, "method not allowed; use " + allow);
  r.headers.set("Allow", std::move(allow));
  return r;
}

awaitable<http::Response> snapshot(std::shared_ptr<Console> console) {
  if (!console->deps.snapshot) co_return json_failure(503, "the queue is not available");
  json::object data = co_await console->deps.snapshot();
  co_return json_reply(200, data);
}

awaitable<http::Response> replay(std::shared_ptr<Console> console, std::vector<std::string> ids, bool all) {
  if (!console->deps.replay) co_return json_failure(503, "the queue is not available");
  const std::size_t replayed = co_await console->deps.replay(std::move(ids), all);
  co_return json_reply(200, json::object{{"replayed", replayed}});
}

awaitable<http::Response> resume(std::shared_ptr<Console> console) {
  if (!console->deps.resume_deliveries) co_return json_failure(503, "the queue is not available");
  const std::optional<std::string> reason = co_await console->deps.resume_deliveries();
  co_return json_reply(200, json::object{{"resumed", reason.has_value()},
                                         {"held_reason", reason ? json::value(*reason) : json::value()}});
}

// A POST that changes state: routed once the session and its CSRF token are checked.
awaitable<http::Response> action(std::shared_ptr<Console> console, std::vector<std::string> segments,
                                 std::string session) {
  if (segments == std::vector<std::string>{"console", "logout"}) {
    console->sessions.close(session);
    co_return logged_out();
  }
  if (segments == std::vector<std::string>{"console", "api", "replay-all"}) {
    auto response = co_await replay(console, std::vector<std::string>(), true);
    co_return response;
  }
  if (segments.size() == 4 && segments[1] == "api" && segments[2] == "replay") {
    if (auto valid = valid_interaction_id(segments[3]); !valid)
      co_return json_failure(400, valid.error().message);
    // Named, not braced into the call: GCC 12 cannot put an initializer_list's array in the frame.
    std::vector<std::string> ids(1, segments[3]);
    auto response = co_await replay(console, std::move(ids), false);
    co_return response;
  }
  if (segments == std::vector<std::string>{"console", "api", "resume-deliveries"}) {
    auto response = co_await resume(console);
    co_return response;
  }
  co_return json_failure(404, "not found");
}

bool is_action(const std::vector<std::string>& s) {
  return s == std::vector<std::string>{"console", "logout"} ||
         s == std::vector<std::string>{"console", "api", "replay-all"} ||
         s == std::vector<std::string>{"console", "api", "resume-deliveries"} ||
         (s.size() == 4 && s[0] == "console" && s[1] == "api" && s[2] == "replay");
}

}  // namespace

std::shared_ptr<Console> make_console(ConsoleDeps deps) {
  return std::make_shared<Console>(std::move(deps));
}

bool is_console_path(const std::vector<std::string>& segments) {
  return segments.empty() || segments.front() == "console";
}

awaitable<http::Response> handle_console(std::shared_ptr<Console> console, http::ServerRequest req) {
  const auto target = boost::urls::parse_origin_form(req.target);
  if (!target) co_return json_failure(400, "request target is not a valid path");
  const std::vector<std::string> segments(target->segments().begin(), target->segments().end());
  const bool get = req.method == "GET";

  // Public: the assets hold no data, and the login form is how a session starts.
  if (segments == std::vector<std::string>{"console", "console.js"}) {
    if (!get) co_return console_method_not_allowed("GET");
    co_return asset("text/javascript; charset=utf-8", console_assets::console_js);
  }
  if (segments == std::vector<std::string>{"console", "console.css"}) {
    if (!get) co_return console_method_not_allowed("GET");
    co_return asset("text/css; charset=utf-8", console_assets::console_css);
  }
  if (console->deps.token.empty())
    co_return login_page(403, "The console is disabled: set admin.token_file in the configuration.");
  if (segments == std::vector<std::string>{"console", "login"}) {
    if (req.method != "POST") co_return console_method_not_allowed("POST");
    co_return login(*console, req);
  }

  std::string session(session_id(req.headers.get("Cookie")));
  const bool logged_in = console->sessions.valid(session);
  if (segments.empty()) {
    if (!get) co_return console_method_not_allowed("GET");
    co_return logged_in ? console_page(*console, session) : login_page(200, "");
  }
  if (!logged_in) co_return json_failure(401, "not logged in (or the session expired): reload the page");
  if (segments == std::vector<std::string>{"console", "api", "snapshot"}) {
    if (!get) co_return console_method_not_allowed("GET");
    auto response = co_await snapshot(console);
    co_return response;
  }
  if (is_action(segments)) {
    if (req.method != "POST") co_return console_method_not_allowed("POST");
    if (!console->sessions.csrf_matches(session, req.headers.get(kCsrfHeader)))
      co_return json_failure(403, fmt::format("missing or wrong {} header", kCsrfHeader));
    auto response = co_await action(console, segments, std::move(session));
    co_return response;
  }
  co_return json_failure(404, "not found");
}

}  // namespace insightd::observability
