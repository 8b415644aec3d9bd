// SPDX-License-Identifier: Apache-2.0
#include "insightd/observability/admin.hpp"

#include <fmt/format.h>

#include <boost/beast/core/string.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/stream_parser.hpp>
#include <boost/url/parse.hpp>
#include <exception>
#include <memory>
#include <optional>
#include <variant>

#include "insightd/common/crypto.hpp"
#include "insightd/common/interaction_id.hpp"

namespace insightd::observability {
namespace {

namespace json = boost::json;
using boost::asio::awaitable;

constexpr std::string_view kPrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

http::Response text_response(unsigned status, std::string body) {
  http::Response r;
  r.status = status;
  r.headers.set("Content-Type", "text/plain; charset=utf-8");
  r.body = std::move(body);
  return r;
}

http::Response json_response(unsigned status, const json::object& body) {
  http::Response r;
  r.status = status;
  r.headers.set("Content-Type", "application/json");
  r.body = json::serialize(body);
  return r;
}

http::Response json_error(unsigned status, std::string message) {
  return json_response(status, json::object{{"error", std::move(message)}});
}

http::Response method_not_allowed(std::string allow) {
  http::Response r = json_error(405, "method not allowed; use " + allow);
  r.headers.set("Allow", std::move(allow));
  return r;
}

// "Authorization: Bearer <token>"; the kScheme is case-insensitive (RFC 7235).
bool bearer_token_matches(std::string_view authorization, std::string_view token) {
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization.size() < kScheme.size() ||
      !boost::beast::iequals(authorization.substr(0, kScheme.size()), kScheme))
    return false;
  std::string_view presented = authorization.substr(kScheme.size());
  while (!presented.empty() && presented.front() == ' ') presented.remove_prefix(1);
  return crypto::constant_time_equal(presented, token);
}

// The IDs of a POST body, or the 400/413 response explaining what is wrong with it.
std::variant<std::vector<std::string>, http::Response> parse_id_list(std::string_view body,
                                                                     std::size_t max_ids) {
  json::stream_parser parser;
  boost::system::error_code ec;
  const std::size_t consumed = parser.write(body.data(), body.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec)
    return json_error(400, fmt::format("body is not valid JSON (at byte {}): {}", consumed, ec.message()));
  const json::value doc = parser.release();

  const json::object* obj = doc.if_object();
  const json::value* ids_value = obj ? obj->if_contains("interactionIds") : nullptr;
  const json::array* ids = ids_value ? ids_value->if_array() : nullptr;
  if (ids == nullptr) return json_error(400, R"(body must be {"interactionIds": ["...", ...]})");
  if (ids->size() > max_ids)
    return json_error(413,
                      fmt::format("{} interactionIds in one request; the limit is {}", ids->size(), max_ids));

  std::vector<std::string> out;
  out.reserve(ids->size());
  for (std::size_t i = 0; i < ids->size(); ++i) {
    const json::string* id = (*ids)[i].if_string();
    if (id == nullptr) return json_error(400, fmt::format("interactionIds[{}] is not a string", i));
    if (auto valid = valid_interaction_id(*id); !valid)
      return json_error(400, fmt::format("interactionIds[{}]: {}", i, valid.error().message));
    out.emplace_back(*id);
  }
  return out;
}

// Every /v1 route needs the bearer token: the answers carry interaction state and
// errors. The refusal, or nullopt when the request may proceed.
std::optional<http::Response> refuse_unauthorized(const AdminDeps& deps, const http::ServerRequest& req) {
  if (deps.token.empty())
    return json_error(403, "the /v1 API is disabled: no admin.token_file is configured");
  if (!bearer_token_matches(req.headers.get("Authorization"), deps.token)) {
    http::Response r = json_error(401, "missing or wrong bearer token");
    r.headers.set("WWW-Authenticate", "Bearer");
    return r;
  }
  return std::nullopt;
}

awaitable<http::Response> handle_enqueue(const AdminDeps& deps, const http::ServerRequest& req) {
  auto parsed = parse_id_list(req.body, deps.max_ids);
  if (auto* error = std::get_if<http::Response>(&parsed)) co_return std::move(*error);

  if (!deps.enqueue) co_return json_error(503, "the work queue is not available");
  // A store reports its failures (disk full, Redis unreachable) by throwing:
  // the queue is unavailable for now, which is a 503 with the reason, not a 500.
  result<std::size_t> added = std::size_t{0};
  std::string store_failure;
  try {
    added = co_await deps.enqueue(std::get<std::vector<std::string>>(std::move(parsed)));
  } catch (const std::exception& e) {
    store_failure = e.what();
  }
  if (!store_failure.empty()) co_return json_error(503, "could not enqueue: " + store_failure);
  if (!added) co_return json_error(503, "could not enqueue: " + added.error().message());
  co_return json_response(202, json::object{{"added", *added}});
}

awaitable<http::Response> handle_lookup(const AdminDeps& deps, std::string id) {
  if (auto valid = valid_interaction_id(id); !valid) co_return json_error(400, valid.error().message);
  if (!deps.lookup) co_return json_error(404, "interaction lookup is not available");
  std::optional<json::object> found = co_await deps.lookup(id);
  if (!found) co_return json_error(404, "no such interaction");
  co_return json_response(200, *found);
}

http::Response handle_metrics(const AdminDeps& deps) {
  if (deps.before_metrics) deps.before_metrics();
  http::Response r;
  r.status = 200;
  r.headers.set("Content-Type", std::string(kPrometheusContentType));
  if (deps.metrics != nullptr) r.body = deps.metrics->render_prometheus();
  return r;
}

awaitable<http::Response> handle(std::shared_ptr<const AdminDeps> deps, http::ServerRequest req) {
  const auto target = boost::urls::parse_origin_form(req.target);
  if (!target) co_return json_error(400, "request target is not a valid path");
  std::vector<std::string> segments(target->segments().begin(), target->segments().end());
  const bool get = req.method == "GET";

  if (segments == std::vector<std::string>{"metrics"}) {
    if (!get) co_return method_not_allowed("GET");
    co_return handle_metrics(*deps);
  }
  if (segments == std::vector<std::string>{"healthz"}) {
    if (!get) co_return method_not_allowed("GET");
    co_return text_response(200, "ok\n");
  }
  if (segments == std::vector<std::string>{"readyz"}) {
    if (!get) co_return method_not_allowed("GET");
    const std::optional<std::string> reason =
        deps->not_ready_reason ? deps->not_ready_reason() : std::nullopt;
    if (reason) co_return text_response(503, "not ready: " + *reason + "\n");
    co_return text_response(200, "ready\n");
  }
  if (!segments.empty() && segments[0] == "v1") {
    if (auto refusal = refuse_unauthorized(*deps, req)) co_return std::move(*refusal);
  }
  if (segments == std::vector<std::string>{"v1", "interactions"}) {
    if (req.method != "POST") co_return method_not_allowed("POST");
    co_return co_await handle_enqueue(*deps, req);
  }
  if (segments.size() == 3 && segments[0] == "v1" && segments[1] == "interactions") {
    if (!get) co_return method_not_allowed("GET");
    co_return co_await handle_lookup(*deps, std::move(segments[2]));
  }
  if (deps->console && is_console_path(segments)) {
    auto response = co_await handle_console(deps->console, std::move(req));
    co_return response;
  }
  co_return json_error(404, "not found");
}

}  // namespace

http::Handler make_admin_handler(AdminDeps deps) {
  auto shared = std::make_shared<const AdminDeps>(std::move(deps));
  // Arguments by value into a named coroutine (GCC 12 coroutine-lambda bugs).
  return [shared](http::ServerRequest req) { return handle(shared, std::move(req)); };
}

}  // namespace insightd::observability
