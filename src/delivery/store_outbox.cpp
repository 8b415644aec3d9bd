#include "insightd/delivery/outbox.hpp"

namespace insightd::delivery {
namespace {

class StoreOutbox final : public Outbox {
 public:
  explicit StoreOutbox(std::shared_ptr<queue::Store> store) : store_(std::move(store)) {}

  awaitable<std::vector<queue::Delivery>> lease_deliveries(std::size_t max) override {
    return store_->lease_deliveries(max);
  }
  awaitable<std::optional<queue::Finished>> delivered(queue::Delivery delivery, int http_status) override {
    return store_->delivered(std::move(delivery), http_status);
  }
  awaitable<void> retry_delivery(queue::Delivery delivery, std::chrono::system_clock::time_point next_attempt,
                                 int http_status, std::string error) override {
    return store_->retry_delivery(std::move(delivery), next_attempt, http_status, std::move(error));
  }
  awaitable<std::optional<queue::Finished>> dead_letter_delivery(queue::Delivery delivery, int http_status,
                                                                 std::string error) override {
    return store_->dead_letter_delivery(std::move(delivery), http_status, std::move(error));
  }
  awaitable<void> hold_deliveries(std::string reason) override {
    return store_->hold_deliveries(std::move(reason));
  }
  awaitable<void> release_held() override { return store_->release_held(); }
  awaitable<std::optional<std::string>> setting(std::string key) override {
    return store_->setting(std::move(key));
  }
  awaitable<void> set_setting(std::string key, std::string value) override {
    return store_->set_setting(std::move(key), std::move(value));
  }

 private:
  std::shared_ptr<queue::Store> store_;
};

}  // namespace

std::shared_ptr<Outbox> make_outbox(std::shared_ptr<queue::Store> store) {
  return std::make_shared<StoreOutbox>(std::move(store));
}

}  // namespace insightd::delivery
