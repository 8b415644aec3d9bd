// SPDX-License-Identifier: Apache-2.0
// The one place that knows which queue backends exist.
#include <stdexcept>

#include "insightd/queue/backend.hpp"
#include "insightd/queue/redis_backend.hpp"
#include "sqlite/sqlite_backend.hpp"

namespace insightd::queue {

awaitable<std::shared_ptr<Backend>> open_backend(boost::asio::any_io_executor io, const QueueConfig& cfg,
                                                 Backend::Clock clock, OpenedBy opened_by, Connect connect) {
  switch (cfg.backend) {
    case QueueBackend::sqlite:
      co_return SqliteBackend::open(std::move(io), cfg, std::move(clock));
    case QueueBackend::redis: {
      auto backend = co_await RedisBackend::open(std::move(io), cfg, std::move(clock), opened_by, connect);
      co_return backend;
    }
  }
  throw std::logic_error("open_backend: unknown queue.backend");
}

}  // namespace insightd::queue
