// SPDX-License-Identifier: Apache-2.0
#pragma once
// One key held by one owner for a time-to-live, renewed while the owner lives:
// how several daemons on one Redis agree which of them leads the intake. The
// key expires on its own when the owner dies, so another can take it within
// one ttl. Every step is one Lua script (compare-and-set on the owner), so a
// renewal never extends a hold that has already passed to someone else.
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <optional>
#include <string>

#include "insightd/redis/connection.hpp"

namespace insightd::redis {

class LeaderLease {
 public:
  // The Result fails when Redis gave no answer (unreachable, timeout); a
  // server error (the key holds another type) throws std::runtime_error.
  // Registers the scripts on `connection` (which must outlive this object).
  LeaderLease(Connection& connection, std::string key, std::string owner, std::chrono::milliseconds ttl);

  const std::string& owner() const noexcept { return owner_; }
  std::chrono::milliseconds ttl() const noexcept { return ttl_; }

  // Takes the key when nobody holds it, or renews it when we already do.
  // false: another owner holds it.
  boost::asio::awaitable<Result<bool>> try_acquire();
  // A full ttl again; false when the key is no longer ours (it expired, and
  // perhaps another owner took it).
  boost::asio::awaitable<Result<bool>> renew();
  // Gives the key up if it is ours, so the next owner need not wait for the
  // ttl (a clean shutdown). false when it was not ours.
  boost::asio::awaitable<Result<bool>> release();
  // The current owner, if any.
  boost::asio::awaitable<Result<std::optional<std::string>>> holder();

 private:
  boost::asio::awaitable<Result<bool>> run(const char* script);

  Connection& connection_;
  std::string key_;
  std::string owner_;
  std::chrono::milliseconds ttl_;
};

}  // namespace insightd::redis
