// SPDX-License-Identifier: Apache-2.0
#include "insightd/redis/leader_lease.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace insightd::redis {
namespace asio = boost::asio;

namespace {

// KEYS[1] the lease key; ARGV[1] the owner, ARGV[2] the ttl in ms.
constexpr const char* kAcquire = "leader_lease_acquire";
constexpr const char* kAcquireLua = R"lua(
local current = redis.call('GET', KEYS[1])
if not current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if current == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
)lua";

constexpr const char* kRenew = "leader_lease_renew";
constexpr const char* kRenewLua = R"lua(
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
)lua";

constexpr const char* kRelease = "leader_lease_release";
constexpr const char* kReleaseLua = R"lua(
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
)lua";

}  // namespace

LeaderLease::LeaderLease(Connection& connection, std::string key, std::string owner,
                         std::chrono::milliseconds ttl)
    : connection_(connection), key_(std::move(key)), owner_(std::move(owner)), ttl_(ttl) {
  connection_.register_script(kAcquire, kAcquireLua);
  connection_.register_script(kRenew, kRenewLua);
  connection_.register_script(kRelease, kReleaseLua);
}

asio::awaitable<Result<bool>> LeaderLease::try_acquire() {
  return run(kAcquire);
}
asio::awaitable<Result<bool>> LeaderLease::renew() {
  return run(kRenew);
}
asio::awaitable<Result<bool>> LeaderLease::release() {
  return run(kRelease);
}

asio::awaitable<Result<bool>> LeaderLease::run(const char* script) {
  std::vector<std::string> keys{key_};
  std::vector<std::string> args{owner_, std::to_string(ttl_.count())};
  auto reply = co_await connection_.eval(script, std::move(keys), std::move(args));
  if (!reply) co_return reply.error();
  if (reply->is_error())  // not a transport failure: a wrong key type, or a script bug
    throw std::runtime_error(fmt::format("Redis script {} on {} failed: {}", script, key_, reply->text()));
  co_return reply->as_integer() == 1;
}

asio::awaitable<Result<std::optional<std::string>>> LeaderLease::holder() {
  std::vector<std::string> get{"GET", key_};
  auto reply = co_await connection_.command(std::move(get));
  if (!reply) co_return reply.error();
  if (reply->is_nil()) co_return std::optional<std::string>{};
  if (reply->is_error())
    throw std::runtime_error(fmt::format("Redis GET {} failed: {}", key_, reply->text()));
  co_return std::optional<std::string>{reply->text()};
}

}  // namespace insightd::redis
