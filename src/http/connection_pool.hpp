// SPDX-License-Identifier: Apache-2.0
#pragma once
// Idle keep-alive connections per scheme://host:port. The client runs on one
// io_context thread, so no locking; a request checks a connection out and
// offers it back when the response allowed keep-alive.
#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "client_connection.hpp"

namespace insightd::http {

class ConnectionPool {
 public:
  explicit ConnectionPool(std::size_t max_idle_per_key) : max_idle_(max_idle_per_key) {}

  // The most recently used idle connection, or nullptr.
  std::unique_ptr<ClientConnection> take(const std::string& key);

  // Keeps the connection for reuse; hands it back when the pool for key is full.
  std::unique_ptr<ClientConnection> offer(const std::string& key,
                                          std::unique_ptr<ClientConnection> connection);

 private:
  std::size_t max_idle_;
  std::unordered_map<std::string, std::vector<std::unique_ptr<ClientConnection>>> idle_;
};

}  // namespace insightd::http
