// SPDX-License-Identifier: Apache-2.0
#include "insightd/sim/notifications_server.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <deque>
#include <list>
#include <optional>
#include <random>
#include <set>

#include "insightd/common/log_exceptions.hpp"
#include "insightd/common/nothrow.hpp"
#include "insightd/http/stream_connect.hpp"
#include "insightd/sim/sim_service.hpp"
#include "sim_state.hpp"

namespace insightd::sim {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using boost::system::error_code;

}  // namespace

namespace notifications_detail {

// One client socket; named (not anonymous) because State holds them.
struct Session {
  virtual ~Session() = default;
  virtual void send(std::string message) = 0;
  virtual void close_after_sending() = 0;  // a normal close frame once the queue is written
  virtual void cut() = 0;                  // TCP gone, no close frame
  std::string channel_id;
  bool open = true;
};

}  // namespace notifications_detail

using notifications_detail::Session;

struct NotificationsServer::State {
  asio::any_io_executor executor;
  std::shared_ptr<SimService> service;
  SimOptions options;
  std::optional<asio::ssl::context> tls;
  tcp::acceptor acceptor;
  asio::steady_timer heartbeat_timer, tick_timer;
  std::list<std::shared_ptr<Session>> sessions;
  bool stalled = false, stopped = false;
  std::mt19937_64 rng;

  State(asio::any_io_executor ex, std::shared_ptr<SimService> svc, const SimOptions& o)
      : executor(ex),
        service(std::move(svc)),
        options(o),
        acceptor(ex),
        heartbeat_timer(ex),
        tick_timer(ex),
        rng(o.seed ? o.seed : std::random_device{}()) {}

  void forget_closed() {
    sessions.remove_if([](const auto& s) { return !s->open; });
  }
};

namespace {

template <class Ws>
class WsSession : public Session, public std::enable_shared_from_this<WsSession<Ws>> {
 public:
  template <class... Args>
  explicit WsSession(Args&&... args) : ws(std::forward<Args>(args)...) {}

  void send(std::string message) override { enqueue(std::move(message)); }
  void close_after_sending() override { enqueue(std::nullopt); }
  void cut() override {
    open = false;
    error_code ignored;
    beast::get_lowest_layer(ws).socket().shutdown(tcp::socket::shutdown_both, ignored);
    beast::get_lowest_layer(ws).socket().close(ignored);
  }

  static asio::awaitable<void> read_loop(std::shared_ptr<WsSession> self,
                                         std::shared_ptr<NotificationsServer::State> server) {
    beast::flat_buffer buffer;
    for (;;) {
      auto [ec, n] = co_await self->ws.async_read(buffer, nothrow);
      if (ec) break;
      const auto text = beast::buffers_to_string(buffer.data());
      buffer.consume(buffer.size());
      if (text.find("\"ping\"") != std::string::npos) self->send(pong_message());
    }
    self->open = false;
    server->forget_closed();
  }

  Ws ws;

 private:
  void enqueue(std::optional<std::string> message) {
    if (!open) return;
    outbox_.push_back(std::move(message));
    if (writing_) return;
    writing_ = true;
    asio::co_spawn(ws.get_executor(), write_loop(this->shared_from_this()),
                   LogExceptions{"sim websocket write"});
  }

  static asio::awaitable<void> write_loop(std::shared_ptr<WsSession> self) {
    while (!self->outbox_.empty() && self->open) {
      auto next = std::move(self->outbox_.front());
      self->outbox_.pop_front();
      if (!next) {
        auto [close_ec] = co_await self->ws.async_close(websocket::close_code::normal, nothrow);
        (void)close_ec;  // closing either way
        self->open = false;
        break;
      }
      self->ws.text(true);
      auto [ec, n] = co_await self->ws.async_write(asio::buffer(*next), nothrow);
      if (ec) self->open = false;
    }
    self->writing_ = false;
  }

  std::deque<std::optional<std::string>> outbox_;
  bool writing_ = false;
};

using PlainWs = websocket::stream<beast::tcp_stream>;
using TlsWs = websocket::stream<beast::ssl_stream<beast::tcp_stream>>;

// "/channels/{id}" of a channel the platform created, or "".
std::string known_channel(NotificationsServer::State& server, std::string_view target) {
  constexpr std::string_view kPrefix = "/channels/";
  if (!target.starts_with(kPrefix)) return {};
  std::string id(target.substr(kPrefix.size()));
  auto& state = server.service->state();
  std::lock_guard lock(state.mutex);
  return state.platform.channel(id) ? id : std::string{};
}

template <class Ws>
asio::awaitable<void> upgrade(std::shared_ptr<WsSession<Ws>> session,
                              std::shared_ptr<NotificationsServer::State> server) {
  beast::flat_buffer buffer;
  beast::http::request<beast::http::string_body> request;
  beast::get_lowest_layer(session->ws).expires_after(std::chrono::seconds(10));
  auto [read_ec, n] = co_await beast::http::async_read(session->ws.next_layer(), buffer, request, nothrow);
  if (read_ec || !websocket::is_upgrade(request)) co_return;
  session->channel_id = known_channel(*server, request.target());
  if (session->channel_id.empty()) co_return;  // dropped: an unknown channel gets no socket
  beast::get_lowest_layer(session->ws).expires_never();
  auto [accept_ec] = co_await session->ws.async_accept(request, nothrow);
  if (accept_ec) co_return;
  {
    auto& state = server->service->state();
    std::lock_guard lock(state.mutex);
    ++state.stats.sockets_accepted;
  }
  server->sessions.push_back(session);
  co_await WsSession<Ws>::read_loop(session, server);
}

asio::awaitable<void> serve(tcp::socket socket, std::shared_ptr<NotificationsServer::State> server) {
  if (server->tls) {
    auto session = std::make_shared<WsSession<TlsWs>>(std::move(socket), *server->tls);
    beast::get_lowest_layer(session->ws).expires_after(std::chrono::seconds(10));
    auto [ec] = co_await session->ws.next_layer().async_handshake(asio::ssl::stream_base::server, nothrow);
    if (ec) co_return;
    co_await upgrade(session, server);
  } else {
    co_await upgrade(std::make_shared<WsSession<PlainWs>>(std::move(socket)), server);
  }
}

asio::awaitable<void> accept_loop(std::shared_ptr<NotificationsServer::State> server) {
  while (!server->stopped) {
    auto [ec, socket] = co_await server->acceptor.async_accept(nothrow);
    if (ec) break;
    asio::co_spawn(server->executor, serve(std::move(socket), server),
                   LogExceptions{"sim websocket session"});
  }
}

asio::awaitable<void> heartbeat_loop(std::shared_ptr<NotificationsServer::State> server) {
  while (!server->stopped) {
    server->heartbeat_timer.expires_after(server->options.heartbeat_interval);
    auto [ec] = co_await server->heartbeat_timer.async_wait(nothrow);
    if (ec || server->stopped) break;
    if (server->stalled) continue;
    for (auto& s : server->sessions) s->send(heartbeat_message());
  }
}

// One tick of the platform: changed conversations become events for every
// socket whose channel subscribed their queue, unless dropped.
void publish_tick(NotificationsServer::State& server) {
  auto& state = server.service->state();
  std::vector<std::pair<std::string, std::string>> events;  // topic, message
  std::map<std::string, std::set<std::string>> topics_of;   // channel -> topics
  {
    std::lock_guard lock(state.mutex);
    std::set<std::string> heard;  // topics some open socket is subscribed to
    for (const auto& s : server.sessions) {
      auto* channel = state.platform.channel(s->channel_id);
      if (!channel) continue;
      topics_of[s->channel_id] = channel->topics;
      if (s->open) heard.insert(channel->topics.begin(), channel->topics.end());
    }
    auto changed = state.platform.tick(server.options.queues, server.options.conversations_total,
                                       server.options.conversation_ids, state.clock.wall());
    std::bernoulli_distribution drop(std::clamp(server.options.drop_events, 0.0, 1.0));
    for (const auto* c : changed) {
      auto topic = fmt::format("v2.routing.queues.{}.conversations", c->queue_id);
      if (c->stage == 0) ++state.stats.conversations_started;
      if (c->stage == 2) {
        state.stats.conversations_finished.push_back(c->id);
        state.stats.conversation_finished_ms[c->id] = state.now_ms();
        if (!heard.contains(topic)) state.stats.conversations_finished_unheard.push_back(c->id);
      }
      if (drop(server.rng)) {
        ++state.stats.events_dropped;
        continue;
      }
      ++state.stats.events_sent;
      events.emplace_back(std::move(topic), conversation_event_message(*c));
    }
  }
  for (const auto& [topic, message] : events)
    for (auto& s : server.sessions)
      if (topics_of[s->channel_id].contains(topic)) s->send(message);
}

asio::awaitable<void> tick_loop(std::shared_ptr<NotificationsServer::State> server) {
  const auto period = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::duration<double, std::milli>(60000.0 / server->options.conversations_per_minute));
  while (!server->stopped) {
    server->tick_timer.expires_after(period);
    auto [ec] = co_await server->tick_timer.async_wait(nothrow);
    if (ec || server->stopped) break;
    publish_tick(*server);
    auto& state = server->service->state();
    std::lock_guard lock(state.mutex);
    if (state.platform.all_finished(server->options.conversations_total)) break;
  }
}

std::size_t apply_control(NotificationsServer::State& server, std::string_view action) {
  server.forget_closed();
  const std::size_t affected = server.sessions.size();
  auto& state = server.service->state();
  if (action == "closing") {
    for (auto& s : server.sessions) {
      s->send(socket_closing_message());
      s->close_after_sending();
    }
    std::lock_guard lock(state.mutex);
    state.stats.socket_closing_sent += affected;
  } else if (action == "cut") {
    for (auto& s : server.sessions) s->cut();
    server.sessions.clear();
    std::lock_guard lock(state.mutex);
    state.stats.sockets_cut += affected;
  } else if (action == "stall") {
    server.stalled = true;
  } else if (action == "resume") {
    server.stalled = false;
  } else {
    return 0;
  }
  return affected;
}

}  // namespace

NotificationsServer::NotificationsServer(asio::any_io_executor executor, std::shared_ptr<SimService> service,
                                         const SimOptions& options)
    : state_(std::make_shared<State>(executor, std::move(service), options)) {
  if (!options.tls_cert_file.empty() && !options.tls_key_file.empty())
    state_->tls.emplace(http::make_server_tls_context(options.tls_cert_file, options.tls_key_file));
  const tcp::endpoint endpoint(asio::ip::make_address(options.host), 0);
  state_->acceptor.open(endpoint.protocol());
  state_->acceptor.set_option(tcp::acceptor::reuse_address(true));
  state_->acceptor.bind(endpoint);
  state_->acceptor.listen();
  asio::co_spawn(executor, accept_loop(state_), LogExceptions{"sim websocket accept"});
  asio::co_spawn(executor, heartbeat_loop(state_), LogExceptions{"sim websocket heartbeats"});
  if (options.conversations_per_minute > 0 && !options.queues.empty())
    asio::co_spawn(executor, tick_loop(state_), LogExceptions{"sim conversations"});
}

NotificationsServer::~NotificationsServer() {
  stop();
}

std::uint16_t NotificationsServer::port() const noexcept {
  error_code ec;
  return state_->acceptor.local_endpoint(ec).port();
}

std::string NotificationsServer::base_uri() const {
  return fmt::format("{}://{}:{}", state_->tls ? "wss" : "ws", state_->options.host, port());
}

std::size_t NotificationsServer::control(std::string_view action) {
  return apply_control(*state_, action);
}

std::function<void(std::string_view)> NotificationsServer::controller() const {
  return [weak = std::weak_ptr<State>(state_), executor = state_->executor](std::string_view action) {
    asio::post(executor, [weak, action = std::string(action)] {
      if (auto state = weak.lock()) apply_control(*state, action);
    });
  };
}

void NotificationsServer::stop() {
  if (state_->stopped) return;
  state_->stopped = true;
  error_code ignored;
  state_->acceptor.close(ignored);
  state_->heartbeat_timer.cancel();
  state_->tick_timer.cancel();
  for (auto& s : state_->sessions) s->cut();
  state_->sessions.clear();
}

}  // namespace insightd::sim
