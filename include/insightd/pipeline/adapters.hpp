// SPDX-License-Identifier: Apache-2.0
#pragma once
// The pipeline's stages (insightd/pipeline/stages.hpp) served by the daemon's
// real components. Each holds a reference that must outlive it.
#include "insightd/delivery/deliverer.hpp"
#include "insightd/genesys/fetcher.hpp"
#include "insightd/genesys/token_manager.hpp"
#include "insightd/pipeline/stages.hpp"

namespace insightd::pipeline {

class GenesysFetch final : public InsightFetch {
 public:
  explicit GenesysFetch(genesys::Fetcher& fetcher) : fetcher_(fetcher) {}
  boost::asio::awaitable<genesys::FetchResult> fetch(std::string interaction_id) override {
    return fetcher_.fetch(std::move(interaction_id));
  }

 private:
  genesys::Fetcher& fetcher_;
};

class DelivererFirstAttempt final : public FirstAttempt {
 public:
  explicit DelivererFirstAttempt(delivery::Deliverer& deliverer) : deliverer_(deliverer) {}
  boost::asio::awaitable<NewDelivery> deliver_new(
      const std::vector<queue::OutboxMessage>& messages) override {
    return deliverer_.deliver_new(messages);
  }
  boost::asio::awaitable<void> record(queue::Delivery delivery, Attempt attempt) override {
    return deliverer_.record(std::move(delivery), std::move(attempt));
  }

 private:
  delivery::Deliverer& deliverer_;
};

class GenesysTokens final : public AccessTokens {
 public:
  explicit GenesysTokens(genesys::TokenManager& tokens) : tokens_(tokens) {}
  boost::asio::awaitable<result_with_message<std::string>> token() override { return tokens_.token(); }

 private:
  genesys::TokenManager& tokens_;
};

}  // namespace insightd::pipeline
