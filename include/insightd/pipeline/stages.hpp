// SPDX-License-Identifier: Apache-2.0
#pragma once
// The small interfaces the pipeline runs on, so that a test can stand in for
// the Genesys side (fetch, access token) and the CRM side (the first delivery
// attempt). The daemon's implementations wrap genesys::Fetcher,
// genesys::TokenManager and delivery::Deliverer (insightd/pipeline/adapters.hpp).
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "insightd/common/error.hpp"
#include "insightd/common/result_with_message.hpp"
#include "insightd/delivery/deliverer.hpp"
#include "insightd/genesys/fetcher.hpp"
#include "insightd/queue/types.hpp"

namespace insightd::pipeline {

// Reads the wall clock (deadlines that count from a time stored in the queue,
// timestamps); tests pass a manual one.
using WallClock = std::function<std::chrono::system_clock::time_point()>;
// Reads the steady clock (how long to wait before asking for a token again).
using SteadyClock = std::function<std::chrono::steady_clock::time_point()>;

// The upstream half of a cycle: every page of one interaction.
class InsightFetch {
 public:
  virtual ~InsightFetch() = default;
  // Upstream problems are the outcome, never thrown.
  virtual boost::asio::awaitable<genesys::FetchResult> fetch(std::string interaction_id) = 0;
};

// The first CRM attempt at a new interaction's messages, before they are
// written (what the CRM accepts never touches the outbox).
class FirstAttempt {
 public:
  using NewDelivery = delivery::Deliverer::NewDelivery;
  using Attempt = delivery::Deliverer::Attempt;

  virtual ~FirstAttempt() = default;
  // The messages in order while they are accepted; see Deliverer::deliver_new.
  virtual boost::asio::awaitable<NewDelivery> deliver_new(
      const std::vector<queue::OutboxMessage>& messages) = 0;
  // Records a refused first attempt on its outbox row, leased to the caller.
  virtual boost::asio::awaitable<void> record(queue::Delivery delivery, Attempt attempt) = 0;
};

// An access token for the upstream API: leasing waits while none can be had.
class AccessTokens {
 public:
  virtual ~AccessTokens() = default;
  // A failure carries a loggable reason (never the secret).
  virtual boost::asio::awaitable<result_with_message<std::string>> token() = 0;
};

}  // namespace insightd::pipeline
