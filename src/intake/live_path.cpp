// SPDX-License-Identifier: Apache-2.0
#include "live_path.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <memory>

#include "insightd/common/backoff.hpp"
#include "insightd/common/log_exceptions.hpp"
#include "insightd/common/nothrow.hpp"
#include "insightd/http/stream_connect.hpp"
#include "insightd/intake/conversation.hpp"
#include "insightd/intake/notification.hpp"
#include "insightd/intake/topics.hpp"
#include "upstream.hpp"

namespace insightd::intake::detail {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using steady = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {
constexpr auto kRenewAfter = 23h;  // a channel lives 24 h
constexpr BackoffPolicy kReconnectBackoff{1s, 60s};

enum class Ended { closing, renew, failed, stopped, resubscribe };

// Logs a problem and hands it to the host for the operator's status.
void trouble(LiveHost* host, spdlog::level::level_enum level, std::string message) {
  spdlog::log(level, "{}", message);
  host->problem(std::move(message));
}

template <class Ws>
asio::awaitable<Ended> read_socket(LiveHost* host, Ws& ws, http::Endpoint endpoint, bool reconnect) {
  const auto& cfg = host->config();
  beast::get_lowest_layer(ws).expires_never();  // the websocket's own timeouts from here on
  ws.set_option(
      websocket::stream_base::timeout{cfg.genesys.request_timeout, cfg.intake.heartbeat_timeout, false});
  ws.read_message_max(16u << 20);
  auto [handshake_ec] = co_await ws.async_handshake(endpoint.host_header, endpoint.target, nothrow);
  if (handshake_ec) {
    trouble(host, spdlog::level::warn,
            fmt::format("intake: WebSocket handshake with {} failed: {}", endpoint.pool_key(),
                        handshake_ec.message()));
    co_return Ended::failed;
  }
  const auto closer = host->add_socket_closer([&ws] {
    boost::system::error_code ignored;
    beast::get_lowest_layer(ws).socket().close(ignored);
  });
  host->set_socket_state("connected");
  spdlog::info("intake: notifications socket connected");
  host->on_connected(reconnect);

  const auto renew_at = steady::now() + kRenewAfter;
  const auto generation = host->current_generation();
  beast::flat_buffer buffer;
  Ended ended = Ended::failed;
  for (;;) {
    if (steady::now() >= renew_at) {
      ended = Ended::renew;
      break;
    }
    auto [ec, bytes] = co_await ws.async_read(buffer, nothrow);
    if (host->stopping()) {
      ended = Ended::stopped;
      break;
    }
    if (host->current_generation() != generation) {
      ended = Ended::resubscribe;
      break;
    }
    if (ec) {
      if (ec == beast::error::timeout) {
        trouble(host, spdlog::level::warn,
                fmt::format(
                    "intake: no message (not even a heartbeat) for {}s: the socket is dead; reconnecting",
                    std::chrono::duration_cast<std::chrono::seconds>(cfg.intake.heartbeat_timeout).count()));
      } else {
        trouble(host, spdlog::level::warn,
                fmt::format("intake: notifications socket lost: {}; reconnecting", ec.message()));
      }
      break;
    }
    const auto text = beast::buffers_to_string(buffer.data());
    buffer.consume(buffer.size());
    host->on_message();
    auto message = parse_notification(text);
    if (!message) {
      spdlog::warn("intake: ignored a notification that is not {{topicName, eventBody}} ({} bytes)",
                   text.size());
      continue;
    }
    if (message->kind == Notification::Kind::socket_closing) {
      spdlog::info("intake: the platform is closing the socket; reconnecting now");
      ended = Ended::closing;
      break;
    }
    if (message->kind != Notification::Kind::conversation) continue;
    if (conversation_progress(message->event_body) != Progress::finished) continue;
    std::string id(message->event_body.at("id").as_string());
    co_await host->finished(std::move(id));
  }
  host->remove_socket_closer(closer);
  if (ended == Ended::closing || ended == Ended::renew || ended == Ended::resubscribe) {
    beast::get_lowest_layer(ws).expires_after(cfg.genesys.request_timeout);
    auto [close_ec] = co_await ws.async_close(websocket::close_code::normal, nothrow);
    (void)close_ec;
  }
  if (ended != Ended::stopped) host->on_socket_lost();
  co_return ended;
}

// One channel from creation to the end of its socket.
asio::awaitable<Ended> one_connection(LiveHost* host, std::vector<std::string> topics, std::size_t index,
                                      std::size_t count, bool reconnect) {
  const auto& cfg = host->config();
  auto created = co_await host->api().call("POST", "/api/v2/notifications/channels", "");
  if (!created.ok) {
    trouble(host, spdlog::level::warn, created.error);
    co_return Ended::failed;
  }
  auto channel = parse_channel(created.response.body);
  if (!channel) {
    trouble(host, spdlog::level::warn,
            "intake: POST /api/v2/notifications/channels: no id or connectUri in the answer");
    co_return Ended::failed;
  }
  auto subscribed = co_await host->api().call(
      "PUT", fmt::format("/api/v2/notifications/channels/{}/subscriptions", channel->id),
      subscriptions_body(topics));
  if (!subscribed.ok) {
    trouble(host, spdlog::level::err, subscribed.error);
    co_return Ended::failed;
  }
  auto rejected = rejected_topics(subscribed.response.body, topics);
  if (!rejected) {
    trouble(host, spdlog::level::warn,
            fmt::format("intake: the subscription answer of channel {} lists no topics", channel->id));
    co_return Ended::failed;
  }
  if (!rejected->empty()) {
    trouble(
        host, spdlog::level::err,
        fmt::format("intake: the platform rejected {} of {} topic(s): {}. Fix: give the OAuth client's role "
                    "the permission these topics need (analytics:queueObservation:view for queue "
                    "conversation topics; GET /api/v2/notifications/availabletopics names it per topic) and "
                    "check that the queue IDs exist; reconciliation still covers these queues",
                    rejected->size(), topics.size(), fmt::join(*rejected, ", ")));
    if (rejected->size() == topics.size()) co_return Ended::failed;
  }
  host->set_channel(index, count, channel->id);

  const auto url = socket_url(channel->connect_uri, cfg.genesys.api_base_url);
  auto endpoint = url ? http::parse_endpoint(*url) : result<http::Endpoint>(errc::invalid_url);
  if (!endpoint) {
    trouble(host, spdlog::level::err,
            fmt::format("intake: connectUri {}: {}", channel->connect_uri,
                        url ? std::string("not a WebSocket URL") : url.error().message));
    co_return Ended::failed;
  }
  auto stream =
      co_await http::connect_stream(host->executor(), host->tls(), *endpoint, cfg.genesys.request_timeout);
  if (!stream) {
    trouble(host, spdlog::level::warn,
            fmt::format("intake: cannot connect to {}: {}", endpoint->pool_key(), stream.error().message()));
    co_return Ended::failed;
  }
  if (auto* tls = std::get_if<http::TlsStream>(&*stream)) {
    websocket::stream<http::TlsStream> ws(std::move(*tls));
    auto ended = co_await read_socket(host, ws, *endpoint, reconnect);
    co_return ended;
  }
  websocket::stream<http::TcpStream> ws(std::move(std::get<http::TcpStream>(*stream)));
  auto ended = co_await read_socket(host, ws, *endpoint, reconnect);
  co_return ended;
}

asio::awaitable<void> channel_session(LiveHost* host, std::vector<std::string> topics,
                                      std::uint64_t generation, std::size_t index, std::size_t count) {
  std::mt19937_64 rng{std::random_device{}()};
  int failures = 0;
  bool connected_once = false;
  while (!host->stopping() && host->current_generation() == generation) {
    host->set_socket_state(connected_once ? "reconnecting" : "connecting");
    auto ended = co_await one_connection(host, topics, index, count, connected_once);
    if (ended == Ended::stopped || ended == Ended::resubscribe) break;
    if (ended != Ended::failed) {
      connected_once = true;
      failures = 0;
      continue;  // socket_closing or renewal: a new channel at once
    }
    // A handshake that got as far as a socket counts as connected once: the next one is a reconnect.
    ++failures;
    const auto delay = std::max<std::chrono::milliseconds>(kReconnectBackoff.delay(failures, rng), 250ms);
    spdlog::info("intake: reconnecting in {} ms (attempt {})", delay.count(), failures + 1);
    const bool go_on = co_await host->sleep(delay);
    if (!go_on) break;
    connected_once = connected_once || failures > 0;
  }
}

}  // namespace

result_with_message<std::string> socket_url(std::string_view connect_uri, std::string_view api_base_url) {
  if (connect_uri.starts_with("wss://")) return fmt::format("https://{}", connect_uri.substr(6));
  if (connect_uri.starts_with("ws://")) {
    if (api_base_url.starts_with("http://")) return fmt::format("http://{}", connect_uri.substr(5));
    return ErrorWithMessage{errc::invalid_url,
                            "a plain ws:// socket is refused while genesys.api_base_url is https://"};
  }
  return ErrorWithMessage{errc::invalid_url, "expected a ws:// or wss:// URI"};
}

asio::awaitable<void> live_path(LiveHost& host, const std::vector<std::string>* queues) {
  while (!host.stopping()) {
    const auto generation = host.current_generation();
    auto plan = plan_channels(*queues);
    if (!plan || plan->empty()) {
      if (!plan) trouble(&host, spdlog::level::err, "intake: " + plan.error().message);
      host.set_socket_state("idle");
      while (!host.stopping() && host.current_generation() == generation) co_await host.wait_a_moment();
      continue;
    }
    auto sessions = std::make_shared<std::size_t>(plan->size());
    for (std::size_t i = 0; i < plan->size(); ++i) {
      asio::co_spawn(host.executor(),
                     channel_session(&host, std::move((*plan)[i]), generation, i, plan->size()),
                     [sessions, host_ptr = &host](std::exception_ptr e) {
                       LogExceptions{"intake channel"}(e);
                       --*sessions;
                       host_ptr->notify();
                     });
    }
    while (*sessions > 0) co_await host.wait_a_moment();
  }
}

}  // namespace insightd::intake::detail
