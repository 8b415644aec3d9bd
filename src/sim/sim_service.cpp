// SPDX-License-Identifier: Apache-2.0
#include "insightd/sim/sim_service.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>
#include <boost/url/parse.hpp>

#include "sim_state.hpp"

namespace insightd::sim {
namespace {

// "ip:port" or "[v6]:port" from the server; empty for an in-process call.
bool loopback_or_in_process(std::string_view peer) {
  if (peer.empty()) return true;
  auto host = peer.substr(0, peer.rfind(':'));
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(host, ec);
  return !ec && address.is_loopback();
}

// GET and POST /sim/faults: they break the service on purpose, so only a
// client on this host may switch them.
Reply runtime_faults(SimState& state, const http::ServerRequest& request) {
  if (!loopback_or_in_process(request.remote_address))
    return {"sim", error_response({403, "forbidden", "/sim/faults answers loopback clients only"})};
  const auto now = state.clock.steady();
  if (request.method == "POST") {
    boost::system::error_code ec;
    const auto body = boost::json::parse(request.body, ec);
    if (ec)
      return {"sim",
              error_response({400, "bad.request", "/sim/faults: the body is not JSON: " + ec.message()})};
    bool revoke = false;
    if (auto error = state.runtime_faults.apply(body, now, revoke); !error.empty())
      return {"sim", error_response({400, "bad.request", "/sim/faults: " + error})};
    if (revoke) state.tokens.revoke_all();
  } else if (request.method != "GET") {
    return {"sim", error_response({405, "method.not.allowed", "/sim/faults takes GET or POST"})};
  }
  return {"sim", json_response(200, state.runtime_faults.to_json(now))};
}

// The simulator's own endpoints: not counted in the stats they report.
std::optional<Reply> introspection(SimState& state, const http::ServerRequest& request,
                                   std::string_view path) {
  if (path == "/sim/stats" && request.method == "GET")
    return Reply{"sim", json_response(200, to_json(state.stats))};
  if (path == "/sim/crm/deliveries" && request.method == "GET")
    return Reply{"sim", json_response(200, deliveries_json(state.stats))};
  constexpr std::string_view kControlPrefix = "/sim/notifications/";
  if (path.starts_with(kControlPrefix) && request.method == "POST" && state.notifications_control) {
    const auto action = path.substr(kControlPrefix.size());
    static constexpr std::array<std::string_view, 4> kActions{"closing", "cut", "stall", "resume"};
    if (std::find(kActions.begin(), kActions.end(), action) == kActions.end())
      return Reply{"sim",
                   error_response({404, "not.found", fmt::format("No notifications fault {}", action)})};
    state.notifications_control(action);
    return Reply{"sim", json_response(200, boost::json::object{{"requested", action}})};
  }
  if (path == "/sim/faults") return runtime_faults(state, request);
  if (path == "/sim/reset" && request.method == "POST") {
    state.clear();
    return Reply{"sim", json_response(200, boost::json::object{{"reset", true}})};
  }
  return std::nullopt;
}

Reply dispatch(SimState& state, const http::ServerRequest& request) {
  auto url = boost::urls::parse_origin_form(request.target);
  if (!url) return {"unknown", error_response({400, "bad.request", "Unparsable request target"})};
  const std::string_view path = url->encoded_path();

  if (path.starts_with("/sim/")) {
    if (auto reply = introspection(state, request, path)) return *reply;
    return {"sim", error_response({404, "not.found", "No simulator endpoint " + std::string(path)})};
  }
  Reply reply = [&] {
    if (path == "/oauth/token") return oauth_token(state, request);
    if (path == "/crm/ingest") return crm_ingest(state, request);
    Reply api = api_request(state, request, *url);
    if (api.endpoint != "unknown") api.delay += state.options.latency;
    return api;
  }();
  ++state.stats.requests[reply.endpoint][reply.response.status];
  return reply;
}

}  // namespace

SimService::SimService(boost::asio::any_io_executor executor, SimOptions options, SimClock clock)
    : executor_(std::move(executor)),
      state_(std::make_unique<SimState>(std::move(options), std::move(clock))) {}

SimService::~SimService() = default;

boost::asio::awaitable<http::Response> SimService::handle(http::ServerRequest request) {
  Reply reply;
  {
    std::lock_guard lock(state_->mutex);
    reply = dispatch(*state_, request);
  }
  reply.response.headers.set("ININ-Correlation-Id", correlation_id());
  if (reply.delay.count() > 0) {
    boost::asio::steady_timer timer(executor_, reply.delay);
    co_await timer.async_wait(boost::asio::use_awaitable);
  }
  co_return std::move(reply.response);
}

http::Handler SimService::handler(std::shared_ptr<SimService> service) {
  // Not a coroutine itself: it only forwards, and the frame of handle() keeps `request` by value.
  return [service = std::move(service)](http::ServerRequest request) {
    return service->handle(std::move(request));
  };
}

SimStats SimService::stats() const {
  std::lock_guard lock(state_->mutex);
  return state_->stats;
}

SimState& SimService::state() noexcept {
  return *state_;
}

void SimService::reset() {
  std::lock_guard lock(state_->mutex);
  state_->clear();
}

}  // namespace insightd::sim
