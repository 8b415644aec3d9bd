// SPDX-License-Identifier: Apache-2.0
#include "connection_pool.hpp"

namespace insightd::http {

std::unique_ptr<ClientConnection> ConnectionPool::take(const std::string& key) {
  auto it = idle_.find(key);
  if (it == idle_.end() || it->second.empty()) return nullptr;
  auto connection = std::move(it->second.back());
  it->second.pop_back();
  return connection;
}

std::unique_ptr<ClientConnection> ConnectionPool::offer(const std::string& key,
                                                        std::unique_ptr<ClientConnection> connection) {
  auto& idle = idle_[key];
  if (idle.size() >= max_idle_) return connection;
  idle.push_back(std::move(connection));
  return nullptr;
}

}  // namespace insightd::http
