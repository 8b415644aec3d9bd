// SPDX-License-Identifier: Apache-2.0
// The shared budget's script: GCRA on the Redis server's clock, one or many
// admissions per call, and the 429 hold that pushes the theoretical arrival time.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "insightd/redis/budget.hpp"

namespace insightd::redis {
namespace {

namespace asio = boost::asio;

constexpr const char* kScriptName = "budget";
// Admissions a reserve leaves in the bucket: one, so the reserve fills only
// while the deployment's callers are not using the whole budget.
constexpr int kReserveSpare = 1;

// Times are microseconds on the server's clock (TIME), stored with
// string.format: tostring would print 1.7e+15 and lose the digits.
// The key expires when the TAT is reached: an absent key is a full bucket.
constexpr const char* kScript = R"lua(
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local interval = tonumber(ARGV[2])
local tolerance = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then tat = now end
local function store(value)
  local ttl_ms = math.ceil((value - now) / 1000) + 1
  redis.call('SET', KEYS[1], string.format('%.0f', value), 'PX', string.format('%.0f', ttl_ms))
end
if ARGV[1] == 'hold' then
  local held = now + tonumber(ARGV[4]) + tolerance
  if held > tat then store(held) end
  return 0
end
-- take: up to ARGV[4] admissions in one call, each as GCRA admits one, then
-- up to ARGV[5] for a reserve, each only while ARGV[6] more would still be
-- admitted after it (a bucket that callers keep empty fills no reserve, whose
-- admissions could expire unused); then how long until the next one may be.
local want = tonumber(ARGV[4])
local granted = 0
while granted < want and now >= tat - tolerance do
  tat = tat + interval
  granted = granted + 1
end
local extra, spare = tonumber(ARGV[5] or '0'), tonumber(ARGV[6] or '0') * interval
local reserved = 0
while reserved < extra and now >= tat + spare - tolerance do
  tat = tat + interval
  reserved = reserved + 1
end
granted = granted + reserved
if granted > 0 then store(tat) end
return {granted, math.max(0, math.ceil((tat - tolerance - now) / 1000))}
)lua";

// The emission interval T (one request per T), in microseconds.
long long interval_us(const BudgetOptions& options) {
  const double per_minute = std::max(1, options.requests_per_minute);
  return std::max(1LL, std::llround(60e6 / per_minute));
}

// The interval T and the burst tolerance (burst - 1 - the reserve's held
// intervals) * T, in microseconds.
struct Cell {
  long long interval_us;
  long long tolerance_us;
};

Cell cell_of(const BudgetOptions& options) {
  const auto interval = interval_us(options);
  const auto burst = static_cast<long long>(std::max(1, options.burst));
  return {interval, interval * (burst - 1 - reserve_plan(options).held_intervals)};
}

Result<std::chrono::milliseconds> wait_of(const Result<Reply>& reply) {
  if (!reply) return reply.error();
  if (reply->type() != Reply::Type::integer) {
    const auto what = reply->is_error() ? reply->text() : "a " + std::string(type_name(reply->type()));
    return Error{make_error_code(errc::protocol), fmt::format("the budget script answered {}", what)};
  }
  return std::chrono::milliseconds(std::max<std::int64_t>(0, reply->as_integer()));
}

asio::awaitable<Result<std::chrono::milliseconds>> call(Connection& connection, std::string key,
                                                        std::vector<std::string> args) {
  std::vector<std::string> keys{std::move(key)};
  auto reply = co_await connection.eval(kScriptName, std::move(keys), std::move(args));
  co_return wait_of(reply);
}

}  // namespace

ReservePlan reserve_plan(const BudgetOptions& options) {
  const auto burst = static_cast<std::size_t>(std::max(1, options.burst));
  ReservePlan plan;
  plan.size = std::min(options.reserve, burst / 2);
  if (plan.size == 0) return plan;
  const auto interval = interval_us(options);
  const auto wanted = std::chrono::duration_cast<std::chrono::microseconds>(options.reserve_hold).count();
  const auto most = static_cast<long long>(burst - plan.size);
  plan.held_intervals = std::clamp((wanted + interval - 1) / interval, 1LL, most);
  plan.hold = std::chrono::microseconds(plan.held_intervals * interval);
  return plan;
}

std::string budget_key(std::string_view key_prefix) {
  return fmt::format("{{{}}}:budget", key_prefix);
}

void register_budget_script(Connection& connection) {
  connection.register_script(kScriptName, kScript);
}

asio::awaitable<Result<std::chrono::milliseconds>> budget_take(Connection& connection,
                                                               BudgetOptions options) {
  auto taken = co_await budget_take_many(connection, std::move(options), 1, 0);
  if (!taken) co_return taken.error();
  co_return taken->granted > 0 ? std::chrono::milliseconds(0) : taken->next_in;
}

asio::awaitable<Result<Admitted>> budget_take_many(Connection& connection, BudgetOptions options,
                                                   std::size_t want, std::size_t reserve) {
  const auto cell = cell_of(options);
  std::vector<std::string> args{"take",
                                std::to_string(cell.interval_us),
                                std::to_string(cell.tolerance_us),
                                std::to_string(want),
                                std::to_string(reserve),
                                std::to_string(kReserveSpare)};
  std::vector<std::string> keys{budget_key(options.key_prefix)};
  auto reply = co_await connection.eval(kScriptName, std::move(keys), std::move(args));
  if (!reply) co_return reply.error();
  if (reply->type() != Reply::Type::array || reply->elements().size() != 2 ||
      reply->elements()[0].type() != Reply::Type::integer ||
      reply->elements()[1].type() != Reply::Type::integer) {
    const auto what = reply->is_error() ? reply->text() : "a " + std::string(type_name(reply->type()));
    co_return Error{make_error_code(errc::protocol), fmt::format("the budget script answered {}", what)};
  }
  co_return Admitted{static_cast<std::size_t>(std::max<std::int64_t>(0, reply->elements()[0].as_integer())),
                     std::chrono::milliseconds(std::max<std::int64_t>(0, reply->elements()[1].as_integer()))};
}

asio::awaitable<Result<std::chrono::milliseconds>> budget_hold(Connection& connection, BudgetOptions options,
                                                               std::chrono::milliseconds hold) {
  const auto cell = cell_of(options);
  const auto hold_us = std::chrono::duration_cast<std::chrono::microseconds>(hold).count();
  std::vector<std::string> args{"hold", std::to_string(cell.interval_us), std::to_string(cell.tolerance_us),
                                std::to_string(std::max<long long>(0, hold_us))};
  auto wait = co_await call(connection, budget_key(options.key_prefix), std::move(args));
  co_return wait;
}

}  // namespace insightd::redis
