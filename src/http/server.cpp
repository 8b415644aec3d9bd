// SPDX-License-Identifier: Apache-2.0
#include "insightd/http/server.hpp"

#include <fmt/format.h>
#include <openssl/ssl.h>
#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <system_error>
#include <vector>

#include "insightd/common/log_exceptions.hpp"
#include "insightd/common/nothrow.hpp"
#include "insightd/http/stream_connect.hpp"
#include "server_state.hpp"

namespace insightd::http {
namespace {

namespace asio = boost::asio;
using boost::system::error_code;
using tcp = asio::ip::tcp;

void throw_if(const error_code& ec, const std::string& what) {
  if (ec) throw std::system_error(ec, what);
}

void bind_and_listen(tcp::acceptor& acceptor, const ServerOptions& options) {
  const std::string where = fmt::format("{}:{}", options.host, options.port);
  error_code ec;
  const auto address = asio::ip::make_address(options.host, ec);
  throw_if(ec, "http server: bad listen address " + options.host);
  const tcp::endpoint endpoint(address, options.port);
  acceptor.open(endpoint.protocol(), ec);
  throw_if(ec, "http server: cannot open a socket for " + where);
  acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  throw_if(ec, "http server: cannot set SO_REUSEADDR for " + where);
  acceptor.bind(endpoint, ec);
  throw_if(ec, "http server: cannot bind " + where);
  acceptor.listen(asio::socket_base::max_listen_connections, ec);
  throw_if(ec, "http server: cannot listen on " + where);
}

void start_connection(const std::shared_ptr<ServerState>& state, tcp::socket socket) {
  const auto id = state->next_connection_id++;
  auto cancel = std::make_shared<asio::cancellation_signal>();
  // Counted from here (not from when the coroutine first runs) so max_connections holds
  // even when many connections are accepted before any of them is scheduled.
  state->live.emplace(id, ServerState::LiveConnection{nullptr, cancel});
  asio::co_spawn(state->executor, run_connection(state, std::move(socket), id),
                 asio::bind_cancellation_slot(cancel->slot(), [cancel](std::exception_ptr error) {
                   LogExceptions{"http server: connection"}(error);
                 }));
}

void reject_connection(ServerState& state, tcp::socket& socket) {
  error_code ignored;
  socket.close(ignored);
  // Logged at 1, 2, 4, 8, ... rejections so a connection flood cannot flood the log too.
  const auto rejected = ++state.rejected_connections;
  if ((rejected & (rejected - 1)) == 0) {
    spdlog::warn("http server on port {}: max_connections ({}) reached; {} connection(s) refused so far",
                 state.acceptor.local_endpoint(ignored).port(), state.options.max_connections, rejected);
  }
}

// Ends the connection that has waited longest for a request header, so that a
// new one (a health probe, a scrape) is served; false when every one is busy.
bool evict_longest_waiting(ServerState& state) {
  ServerState::LiveConnection* oldest = nullptr;
  for (auto& [id, connection] : state.live) {
    if (!connection.waiting || connection.evicted || connection.socket == nullptr) continue;
    if (oldest == nullptr || connection.waiting_since < oldest->waiting_since) oldest = &connection;
  }
  if (oldest == nullptr) return false;
  oldest->evicted = true;
  ++state.evicted_connections;
  // As in stop(): cancel first, then close (only queues completions).
  oldest->cancel->emit(asio::cancellation_type::terminal);
  error_code ignored;
  oldest->socket->close(ignored);
  return true;
}

asio::awaitable<void> accept_loop(std::shared_ptr<ServerState> state) {
  for (;;) {
    auto [ec, socket] = co_await state->acceptor.async_accept(nothrow);
    if (state->stopped) co_return;
    if (ec) {
      // E.g. out of file descriptors: pause briefly instead of spinning.
      spdlog::warn("http server: accept failed: {}", ec.message());
      asio::steady_timer pause(state->executor, std::chrono::milliseconds(100));
      co_await pause.async_wait(nothrow);
      continue;
    }
    if (state->counted_connections() >= state->options.max_connections && !evict_longest_waiting(*state)) {
      reject_connection(*state, socket);
      continue;
    }
    start_connection(state, std::move(socket));
  }
}

class BeastServer final : public Server {
 public:
  BeastServer(asio::any_io_executor executor, ServerOptions options, Handler handler)
      : state_(std::make_shared<ServerState>(executor, std::move(options), std::move(handler))) {
    const auto& opts = state_->options;
    if (!opts.tls_cert_file.empty() || !opts.tls_key_file.empty())
      state_->tls.emplace(make_server_tls_context(opts.tls_cert_file, opts.tls_key_file));
    bind_and_listen(state_->acceptor, opts);
    port_ = state_->acceptor.local_endpoint().port();
    asio::co_spawn(executor, accept_loop(state_), LogExceptions{"http server: accept loop"});
  }

  ~BeastServer() override { stop(); }

  std::uint16_t port() const noexcept override { return port_; }

  std::size_t connection_count() const noexcept override { return state_->live.size(); }

  void stop() override {
    if (state_->stopped) return;
    state_->stopped = true;
    error_code ignored;
    state_->acceptor.close(ignored);
    // Cancellation reaches whatever a connection awaits (also a handler's own timers);
    // closing the socket stops it from reading more. Cancel first: a socket
    // operation's cancellation handler uses reactor state that close() frees.
    // Both only queue completions; a copy keeps the loop independent of the map anyway.
    std::vector<ServerState::LiveConnection> live;
    for (const auto& [id, connection] : state_->live) live.push_back(connection);
    for (auto& connection : live) {
      connection.cancel->emit(asio::cancellation_type::terminal);
      if (connection.socket) connection.socket->close(ignored);
    }
  }

 private:
  std::shared_ptr<ServerState> state_;
  std::uint16_t port_ = 0;
};

}  // namespace

std::unique_ptr<Server> make_server(asio::any_io_executor executor, ServerOptions options, Handler handler) {
  return std::make_unique<BeastServer>(std::move(executor), std::move(options), std::move(handler));
}

}  // namespace insightd::http
