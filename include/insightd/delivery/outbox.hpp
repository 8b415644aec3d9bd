#pragma once
// The part of the durable store the delivery workers use, as an interface so
// the workers can be tested against a recording fake. make_outbox() adapts the
// real queue::Store (SQLite); the semantics are those documented there.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "insightd/queue/store.hpp"

namespace insightd::delivery {

template <class T>
using awaitable = boost::asio::awaitable<T>;

class Outbox {
 public:
  virtual ~Outbox() = default;
  virtual awaitable<std::vector<queue::Delivery>> lease_deliveries(std::size_t max) = 0;
  virtual awaitable<std::optional<queue::Finished>> delivered(queue::Delivery delivery, int http_status) = 0;
  virtual awaitable<void> retry_delivery(queue::Delivery delivery,
                                         std::chrono::system_clock::time_point next_attempt, int http_status,
                                         std::string error) = 0;
  virtual awaitable<std::optional<queue::Finished>> dead_letter_delivery(queue::Delivery delivery,
                                                                         int http_status,
                                                                         std::string error) = 0;
  virtual awaitable<void> hold_deliveries(std::string reason) = 0;
  virtual awaitable<void> release_held() = 0;
  virtual awaitable<std::optional<std::string>> setting(std::string key) = 0;
  virtual awaitable<void> set_setting(std::string key, std::string value) = 0;
};

std::shared_ptr<Outbox> make_outbox(std::shared_ptr<queue::Store> store);

}  // namespace insightd::delivery
