// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to src/intake: the live path. One session per planned channel:
// create the channel, subscribe, open the WebSocket (TLS verified; plain ws://
// only when the API itself is http://), read with a heartbeat watchdog,
// reconnect at once on socket_closing and with backoff on errors, renew
// before the channel's 24 h end. Finished conversations go to the host.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "insightd/common/result_with_message.hpp"
#include "insightd/config/config.hpp"

namespace insightd::intake::detail {

struct Upstream;

// What the live path needs from the intake around it.
class LiveHost {
 public:
  virtual ~LiveHost() = default;
  virtual const Config& config() const = 0;
  virtual boost::asio::any_io_executor executor() = 0;
  virtual boost::asio::ssl::context& tls() = 0;
  virtual Upstream& api() = 0;
  virtual bool stopping() const = 0;
  virtual std::uint64_t current_generation() const = 0;  // changes when the queue list does
  virtual boost::asio::awaitable<bool> sleep(std::chrono::milliseconds delay) = 0;  // false: stopping
  virtual boost::asio::awaitable<void> wait_a_moment() = 0;  // until something happens, at most 1 s
  virtual void notify() = 0;
  virtual void set_socket_state(std::string state) = 0;
  virtual void set_channel(std::size_t index, std::size_t count, std::string id) = 0;
  virtual void on_message() = 0;
  virtual void on_connected(bool reconnect) = 0;  // the socket is up; a reconnect after a loss or not
  virtual void on_socket_lost() = 0;
  virtual void problem(std::string message) = 0;  // for the status's recent errors; already logged
  // Closers let cancel() and a re-subscription end a blocked read.
  virtual std::size_t add_socket_closer(std::function<void()> close) = 0;
  virtual void remove_socket_closer(std::size_t index) = 0;
  virtual boost::asio::awaitable<void> finished(std::string conversation_id) = 0;
};

// Runs until the host stops; re-plans the channels when the generation changes.
boost::asio::awaitable<void> live_path(LiveHost& host, const std::vector<std::string>* queues);

// The WebSocket URL as an http(s) URL for the endpoint parser; errc::invalid_url
// with the reason when the scheme is neither ws nor wss or plain ws:// is not allowed.
result_with_message<std::string> socket_url(std::string_view connect_uri, std::string_view api_base_url);

}  // namespace insightd::intake::detail
