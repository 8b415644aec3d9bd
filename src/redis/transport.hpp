// SPDX-License-Identifier: Apache-2.0
#pragma once
// The byte stream under a Redis connection: a TCP socket, or TLS over one.
// Opening resolves, connects and handshakes, each step under the timeout.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <chrono>
#include <memory>
#include <string_view>
#include <utility>
#include <variant>

#include "insightd/redis/address.hpp"
#include "insightd/redis/error.hpp"

namespace insightd::redis {

class Transport {
 public:
  using TlsStream = boost::asio::ssl::stream<boost::asio::ip::tcp::socket>;

  // `tls` is used for rediss:// addresses. The error says which step failed, without the prefix.
  static boost::asio::awaitable<Result<std::unique_ptr<Transport>>> open(
      boost::asio::any_io_executor executor, Address address, boost::asio::ssl::context* tls,
      std::chrono::milliseconds timeout);

  boost::asio::awaitable<boost::system::error_code> write(std::string_view bytes);
  boost::asio::awaitable<std::pair<boost::system::error_code, std::size_t>> read_some(
      boost::asio::mutable_buffer buffer);

  // Abandons the connection (no TLS close_notify: the peer may be gone); pending I/O fails.
  void close() noexcept;

  Transport(boost::asio::any_io_executor executor, boost::asio::ssl::context* tls);

 private:
  boost::asio::ip::tcp::socket& socket();
  std::variant<boost::asio::ip::tcp::socket, TlsStream> stream_;
};

}  // namespace insightd::redis
