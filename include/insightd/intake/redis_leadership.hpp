// SPDX-License-Identifier: Apache-2.0
#pragma once
// Which daemon leads the intake when several share one Redis: the one holding
// the key {<key_prefix>}:intake:leader (redis::LeaderLease), renewed every
// third of queue.lease_timeout. When the leader dies the key expires and
// another daemon takes over within one lease_timeout; it reconciles from the
// stored watermark, so conversations that ended in the gap are found.
// docs/intake.md, "Several daemons".
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <memory>
#include <string>

#include "insightd/config/config.hpp"
#include "insightd/intake/intake.hpp"

namespace insightd::intake {

class RedisLeadership final : public Leadership {
 public:
  // owner names this daemon ("host:pid"); shown by `intake status`.
  RedisLeadership(boost::asio::any_io_executor executor, const QueueConfig& queue, std::string owner);
  ~RedisLeadership() override;

  // Completes once this daemon holds the key (at once when it already does),
  // or when stop() is called.
  boost::asio::awaitable<void> acquire() override;
  bool leading() const noexcept override;
  // While leading, renews the key; completes when the lead is lost (another
  // daemon holds the key, or Redis could not be reached for two thirds of the
  // lease, so another may take it any moment) or when stop() is called.
  boost::asio::awaitable<void> until_lost();
  // Ends acquire()/until_lost(), releases the key if held (the next daemon
  // need not wait out the lease) and closes the connection.
  boost::asio::awaitable<void> stop();

  struct State;

 private:
  std::shared_ptr<State> state_;
};

// "host:pid", naming this daemon to the others.
std::string daemon_identity();

}  // namespace insightd::intake
