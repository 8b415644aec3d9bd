// SPDX-License-Identifier: Apache-2.0
#include "insightd/queue/redis_backend.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/ip/host_name.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <random>
#include <set>
#include <stdexcept>
#include <tuple>

#include "../epoch_ms.hpp"
#include "insightd/common/backoff.hpp"
#include "insightd/common/crypto.hpp"
#include "insightd/redis/connection.hpp"
#include "replies.hpp"
#include "scripts.hpp"

namespace insightd::queue {

namespace asio = boost::asio;
using redis::Reply;
using std::chrono::milliseconds;

namespace {

// Delays are capped at about 35,000 years: every time the scripts compute
// stays below 2^53, exact in Lua's doubles (Retry-After may ask for 2^63 ms).
std::string delay_arg(milliseconds delay) {
  constexpr std::int64_t kCap = std::int64_t{1} << 50;
  return std::to_string(std::clamp<std::int64_t>(delay.count(), -kCap, kCap));
}

// A batch size or limit as a script argument: Lua reads it as a double and
// passes it on to ZRANGE/LIMIT, which want an integer.
std::string count_arg(std::size_t n) {
  return std::to_string(std::min<std::size_t>(n, 1'000'000'000));
}

redis::ConnectionOptions options_for(const QueueConfig& cfg) {
  auto options = redis::connection_options(cfg);
  options.name = "queue redis";
  return options;
}

}  // namespace

struct RedisBackend::Impl {
  Impl(asio::any_io_executor io, const QueueConfig& cfg, Clock clock_function)
      : connection(std::move(io), options_for(cfg)),
        hash_tag("{" + cfg.redis_key_prefix + "}"),
        url(cfg.redis_url),
        clock(std::move(clock_function)),
        lease_timeout_ms(std::chrono::duration_cast<milliseconds>(cfg.lease_timeout).count()),
        host(asio::ip::host_name()),
        pid(std::to_string(::getpid())),
        owner(fmt::format("{}:{}:{}", host, pid, crypto::random_hex(4))) {}

  redis::Connection connection;
  const std::string hash_tag;  // "{prefix}": every key starts with it
  const std::string url;
  const Clock clock;  // empty: the scripts read the server's TIME
  const std::int64_t lease_timeout_ms;
  const std::string host, pid, owner;
  std::uint64_t token_calls = 0;
  bool announced = false;                 // listed by live_daemons(); before this object's first lease
  OpenedBy opened_by = OpenedBy::daemon;  // a command never announces itself
  // The leases this object handed to its caller and that have not ended: only
  // these are renewed (a lease granted by a script whose reply was lost must expire).
  std::set<std::string> held_fetch, held_deliveries;
  std::mt19937_64 rng{std::random_device{}()};  // backoff jitter
  std::atomic<std::uint64_t> writes{0};

  // ARGV[1] of every script.
  std::string now_arg() const { return clock ? std::to_string(to_ms(clock())) : std::string(); }
  // Lease tokens of one call: "<owner>-<call>.<n>", unique across objects and calls.
  std::string token_base() { return fmt::format("{}-{}", owner, ++token_calls); }
  std::string timeout_arg() const { return std::to_string(lease_timeout_ms); }
  // The delay from now until `t`, by the clock the scripts add it to.
  milliseconds until(std::chrono::system_clock::time_point t) const {
    const auto now = clock ? clock() : std::chrono::system_clock::now();
    return std::chrono::duration_cast<milliseconds>(t - now);
  }
};

namespace {

using Impl = RedisBackend::Impl;
enum class Access { read, write };

// Runs script `name`; a Redis failure or an error reply is thrown, naming both.
asio::awaitable<Reply> run_script(std::shared_ptr<Impl> impl, std::string name, std::vector<std::string> args,
                                  Access access = Access::write) {
  args.insert(args.begin(), impl->now_arg());
  std::vector<std::string> keys{impl->hash_tag};
  auto reply = co_await impl->connection.eval(name, std::move(keys), std::move(args));
  if (!reply)
    throw std::runtime_error(fmt::format("queue: Redis script '{}' failed: {}", name, reply.error().message));
  if (reply->is_error())
    throw std::runtime_error(fmt::format("queue: Redis script '{}' failed: {}", name, reply->text()));
  if (access == Access::write) ++impl->writes;
  Reply value = std::move(*reply);
  co_return value;
}

bool transient(const redis::Error& error) {
  return error.code == redis::errc::unreachable || error.code == redis::errc::timeout ||
         error.code == redis::errc::connection_lost;
}

// run_script for the calls that end a lease (a fetch's outcome, a delivery's):
// the work is done and must not be lost to a Redis restart or failover, so a
// Redis that cannot be reached is tried again with backoff for up to
// lease_timeout, after which the lease would have passed to another daemon
// anyway. A script that ran but whose reply was lost finds its lease token
// gone on the second run and says so (false / nothing), as for an expired lease.
asio::awaitable<Reply> run_ending_script(std::shared_ptr<Impl> impl, std::string name,
                                         std::vector<std::string> args) {
  args.insert(args.begin(), impl->now_arg());
  const auto deadline = std::chrono::steady_clock::now() + milliseconds(impl->lease_timeout_ms);
  const BackoffPolicy backoff{milliseconds(100), milliseconds(2000)};
  asio::steady_timer pause(co_await asio::this_coro::executor);
  for (int attempt = 1;; ++attempt) {
    std::vector<std::string> keys{impl->hash_tag};
    auto reply = co_await impl->connection.eval(name, std::move(keys), args);
    if (reply && reply->is_error())
      throw std::runtime_error(fmt::format("queue: Redis script '{}' failed: {}", name, reply->text()));
    if (reply) {
      if (attempt > 1) spdlog::info("queue: Redis script '{}' went through at attempt {}", name, attempt);
      ++impl->writes;
      Reply value = std::move(*reply);
      co_return value;
    }
    const auto delay = backoff.delay(attempt, impl->rng);
    if (!transient(reply.error()) || std::chrono::steady_clock::now() + delay >= deadline)
      throw std::runtime_error(
          fmt::format("queue: Redis script '{}' failed: {}", name, reply.error().message));
    if (attempt == 1)
      spdlog::warn("queue: Redis script '{}' failed, trying again: {}", name, reply.error().message);
    pause.expires_after(delay);
    co_await pause.async_wait(asio::use_awaitable);
  }
}

// One plain command (a single command is atomic on its own).
asio::awaitable<Reply> run_command(std::shared_ptr<Impl> impl, std::vector<std::string> args, Access access) {
  const std::string what = args.front();
  auto reply = co_await impl->connection.command(std::move(args));
  if (!reply)
    throw std::runtime_error(fmt::format("queue: Redis {} failed: {}", what, reply.error().message));
  if (reply->is_error())
    throw std::runtime_error(fmt::format("queue: Redis {} failed: {}", what, reply->text()));
  if (access == Access::write) ++impl->writes;
  Reply value = std::move(*reply);
  co_return value;
}

std::string settings_key(const Impl& impl) {
  return impl.hash_tag + ":settings";
}

std::vector<std::string> announce_args(const Impl& impl) {
  return {impl.owner, impl.timeout_arg(), impl.host, impl.pid, INSIGHTD_VERSION};
}

std::optional<Finished> finished_from(const Reply& reply, const char* script) {
  if (reply.is_nil()) return std::nullopt;
  replies::Row row(reply, script);
  auto state = parse_state(row.text(1));
  if (!state)
    throw std::runtime_error(
        fmt::format("queue: Redis script '{}' returned state '{}'", script, row.text(1)));
  return Finished{row.text(0), *state, row.text(2)};
}

asio::awaitable<void> announce(std::shared_ptr<Impl> impl) {
  co_await run_script(impl, "announce", announce_args(*impl));
  impl->announced = true;
}

// Before a lease: a daemon that opened while Redis was down announces itself
// once it reaches Redis, so `status` never sees leases of an unlisted daemon.
// A command (status, migrate...) is not a daemon and never announces.
asio::awaitable<void> announce_once(std::shared_ptr<Impl> impl) {
  if (!impl->announced && impl->opened_by == OpenedBy::daemon) co_await announce(impl);
}

// The first call proves Redis answers (and loads the scripts) before anything
// relies on it.
asio::awaitable<std::shared_ptr<RedisBackend>> announced(std::shared_ptr<RedisBackend> backend,
                                                         std::shared_ptr<Impl> impl) {
  if (impl->opened_by == OpenedBy::daemon) {
    co_await announce(impl);
  } else {
    std::vector<std::string> ping{"PING"};
    co_await run_command(impl, std::move(ping), Access::read);
  }
  co_return backend;
}

asio::awaitable<std::shared_ptr<RedisBackend>> unannounced(std::shared_ptr<RedisBackend> backend) {
  co_return backend;
}

asio::awaitable<EnqueueResult> do_enqueue(std::shared_ptr<Impl> impl, std::vector<std::string> ids,
                                          EnqueueOptions options) {
  std::vector<std::string> args{delay_arg(options.not_before_delay), options.requeue_finished ? "1" : "0"};
  args.reserve(2 + 2 * ids.size());
  for (auto& id : ids) {
    args.push_back(std::move(id));
    args.push_back(crypto::random_hex(16));  // the cycle key, kept only if the ID is queued
  }
  auto reply = co_await run_script(impl, "enqueue", std::move(args));
  replies::Row row(reply, "enqueue");
  co_return EnqueueResult{row.size_at(0), row.size_at(1)};
}

asio::awaitable<std::vector<Lease>> do_lease(std::shared_ptr<Impl> impl, std::size_t max) {
  co_await announce_once(impl);
  std::vector<std::string> args{impl->owner, impl->token_base(), count_arg(max), impl->timeout_arg()};
  auto reply = co_await run_script(impl, "lease", std::move(args));
  std::vector<Lease> leases;
  for (const auto& element : replies::rows(reply, "lease")) {
    replies::Row row(element, "lease");
    leases.push_back(Lease{row.text(0), row.text(1), row.int32(2), row.text(3), row.integer(4)});
    impl->held_fetch.insert(leases.back().interaction_id);
  }
  co_return leases;
}

asio::awaitable<bool> do_complete(std::shared_ptr<Impl> impl, Lease lease,
                                  std::vector<OutboxMessage> messages, std::string audit_context,
                                  std::string attempted_token) {
  for (const auto& m : messages) {
    if (m.interaction_id != lease.interaction_id)
      throw std::invalid_argument(fmt::format("outbox message {} is for interaction {}, not {}", m.webhook_id,
                                              m.interaction_id, lease.interaction_id));
  }
  std::vector<std::string> args{lease.interaction_id, lease.lease_token,          std::move(audit_context),
                                impl->owner,          std::move(attempted_token), impl->timeout_arg()};
  for (auto& m : messages) {
    args.push_back(std::move(m.webhook_id));
    args.push_back(std::to_string(m.part));
    args.push_back(std::to_string(m.parts));
    args.push_back(std::move(m.body));
  }
  auto reply = co_await run_ending_script(impl, "complete", std::move(args));
  co_return reply.as_integer() == 1;
}

asio::awaitable<std::optional<Delivery>> do_complete_attempted(std::shared_ptr<Impl> impl, Lease lease,
                                                               std::vector<OutboxMessage> messages,
                                                               std::string audit_context) {
  if (messages.empty()) throw std::invalid_argument("complete_attempted: no message was attempted");
  Delivery first{messages.front(), 0, impl->token_base() + ".1"};
  const bool completed = co_await do_complete(impl, std::move(lease), std::move(messages),
                                              std::move(audit_context), first.lease_token);
  if (!completed) co_return std::nullopt;
  impl->held_deliveries.insert(first.message.webhook_id);
  co_return first;
}

// fail, dead_letter, release: the lease's interaction and token, then `extra`.
asio::awaitable<bool> end_fetch_lease(std::shared_ptr<Impl> impl, std::string script, Lease lease,
                                      std::vector<std::string> extra) {
  std::vector<std::string> args{std::move(lease.interaction_id), std::move(lease.lease_token)};
  args.insert(args.end(), std::make_move_iterator(extra.begin()), std::make_move_iterator(extra.end()));
  auto reply = co_await run_ending_script(impl, std::move(script), std::move(args));
  co_return reply.as_integer() == 1;
}

asio::awaitable<std::size_t> do_renew(std::shared_ptr<Impl> impl) {
  auto args = announce_args(*impl);
  args.push_back(std::to_string(impl->held_fetch.size()));
  args.insert(args.end(), impl->held_fetch.begin(), impl->held_fetch.end());
  args.insert(args.end(), impl->held_deliveries.begin(), impl->held_deliveries.end());
  auto reply = co_await run_script(impl, "renew", std::move(args));
  impl->announced = true;  // the script announces too
  co_return static_cast<std::size_t>(reply.as_integer());
}

asio::awaitable<std::size_t> do_return_all(std::shared_ptr<Impl> impl) {
  std::vector<std::string> args{impl->owner};
  auto reply = co_await run_script(impl, "return_all", std::move(args));
  co_return static_cast<std::size_t>(reply.as_integer());
}

asio::awaitable<Counts> do_counts(std::shared_ptr<Impl> impl) {
  std::vector<std::string> args{"HGETALL", impl->hash_tag + ":counts"};
  auto reply = co_await run_command(impl, std::move(args), Access::read);
  Counts counts;
  const auto& fields = reply.elements();
  for (std::size_t i = 0; i + 1 < fields.size(); i += 2) {
    if (!set_count(counts, fields[i].text(), replies::parse_int64(fields[i + 1].text(), "counts")))
      throw std::runtime_error(
          fmt::format("queue: Redis counts hold an unknown name '{}'", fields[i].text()));
  }
  co_return counts;
}

asio::awaitable<std::int64_t> do_count_parked(std::shared_ptr<Impl> impl, milliseconds horizon) {
  std::vector<std::string> args{delay_arg(horizon)};
  auto reply = co_await run_script(impl, "count_parked", std::move(args), Access::read);
  co_return reply.as_integer();
}

asio::awaitable<std::vector<DeadLetter>> do_dead_letters(std::shared_ptr<Impl> impl) {
  std::vector<std::string> no_args;
  auto reply = co_await run_script(impl, "dead_letters", std::move(no_args), Access::read);
  std::vector<DeadLetter> list;
  for (const auto& element : replies::rows(reply, "dead_letters")) {
    replies::Row row(element, "dead_letters");
    list.push_back(
        DeadLetter{row.text(0), row.integer(1), row.int32(2), row.int32(3), row.text(4), row.text(5)});
  }
  co_return list;
}

asio::awaitable<std::vector<Failure>> do_recent_failures(std::shared_ptr<Impl> impl, std::size_t limit) {
  std::vector<std::string> args{count_arg(limit)};
  auto reply = co_await run_script(impl, "recent_failures", std::move(args), Access::read);
  std::vector<Failure> list;
  for (const auto& element : replies::rows(reply, "recent_failures")) {
    replies::Row row(element, "recent_failures");
    auto state = parse_state(row.text(1)).value_or(State::failed);
    list.push_back(Failure{row.text(0), state, row.text(2), row.int32(3), row.int32(4), row.text(5),
                           replies::correlation_id(row.text(7)), row.integer(6)});
  }
  co_return list;
}

asio::awaitable<std::vector<MinuteCounts>> do_settled_per_minute(std::shared_ptr<Impl> impl, int minutes) {
  std::vector<MinuteCounts> per_minute(static_cast<std::size_t>(std::max(minutes, 0)));
  if (per_minute.empty()) co_return per_minute;
  std::vector<std::string> args{std::to_string(minutes)};
  auto reply = co_await run_script(impl, "settled_per_minute", std::move(args), Access::read);
  replies::Row row(reply, "settled_per_minute");
  for (std::size_t i = 0; i < per_minute.size(); ++i)
    per_minute[i] = MinuteCounts{row.integer(2 * i), row.integer(2 * i + 1)};
  co_return per_minute;
}

asio::awaitable<std::size_t> do_replay(std::shared_ptr<Impl> impl, std::vector<std::string> ids, bool all) {
  std::vector<std::string> args{all ? "1" : "0"};
  args.insert(args.end(), std::make_move_iterator(ids.begin()), std::make_move_iterator(ids.end()));
  auto reply = co_await run_script(impl, "replay", std::move(args));
  co_return static_cast<std::size_t>(reply.as_integer());
}

asio::awaitable<std::optional<InteractionInfo>> do_interaction(std::shared_ptr<Impl> impl, std::string id) {
  std::vector<std::string> args{id};
  auto reply = co_await run_script(impl, "interaction", std::move(args), Access::read);
  if (reply.is_nil()) co_return std::nullopt;
  replies::Row row(reply, "interaction");
  auto state = parse_state(row.text(0));
  if (!state)
    throw std::runtime_error(
        fmt::format("queue: interaction {} has an unknown state '{}' in Redis", id, row.text(0)));
  co_return InteractionInfo{std::move(id), *state, row.int32(1), row.text(2), row.integer(3), row.int32(4)};
}

asio::awaitable<std::vector<Delivery>> do_lease_deliveries(std::shared_ptr<Impl> impl, std::size_t max) {
  co_await announce_once(impl);
  std::vector<std::string> args{impl->owner, impl->token_base(), count_arg(max), impl->timeout_arg(),
                                std::string(kDeliveriesHeldKey)};
  auto reply = co_await run_script(impl, "lease_deliveries", std::move(args));
  std::vector<Delivery> deliveries;
  for (const auto& element : replies::rows(reply, "lease_deliveries")) {
    replies::Row row(element, "lease_deliveries");
    deliveries.push_back(
        Delivery{OutboxMessage{row.text(0), row.text(1), row.int32(2), row.int32(3), row.text(4)},
                 row.int32(5), row.text(6)});
    impl->held_deliveries.insert(deliveries.back().message.webhook_id);
  }
  co_return deliveries;
}

asio::awaitable<std::optional<Finished>> do_delivered(std::shared_ptr<Impl> impl, Delivery delivery,
                                                      int http_status) {
  std::vector<std::string> args{std::move(delivery.message.webhook_id), std::to_string(http_status)};
  auto reply = co_await run_ending_script(impl, "delivered", std::move(args));
  co_return finished_from(reply, "delivered");
}

asio::awaitable<void> do_retry_delivery(std::shared_ptr<Impl> impl, Delivery delivery,
                                        std::chrono::system_clock::time_point next_attempt, int http_status,
                                        std::string error) {
  std::vector<std::string> args{std::move(delivery.message.webhook_id), std::move(delivery.lease_token),
                                delay_arg(impl->until(next_attempt)), std::to_string(http_status),
                                std::move(error)};
  co_await run_ending_script(impl, "retry_delivery", std::move(args));
}

asio::awaitable<std::optional<Finished>> do_dead_letter_delivery(std::shared_ptr<Impl> impl,
                                                                 Delivery delivery, int http_status,
                                                                 std::string error) {
  std::vector<std::string> args{std::move(delivery.message.webhook_id), std::move(delivery.lease_token),
                                std::to_string(http_status), std::move(error)};
  auto reply = co_await run_ending_script(impl, "dead_letter_delivery", std::move(args));
  co_return finished_from(reply, "dead_letter_delivery");
}

asio::awaitable<std::optional<std::string>> do_setting(std::shared_ptr<Impl> impl, std::string key) {
  std::vector<std::string> args{"HGET", settings_key(*impl), std::move(key)};
  auto reply = co_await run_command(impl, std::move(args), Access::read);
  if (reply.is_nil()) co_return std::nullopt;
  co_return reply.text();
}

asio::awaitable<void> do_set_setting(std::shared_ptr<Impl> impl, std::string key, std::string value) {
  std::vector<std::string> args{"HSET", settings_key(*impl), std::move(key), std::move(value)};
  co_await run_command(impl, std::move(args), Access::write);
}

asio::awaitable<void> do_erase_setting(std::shared_ptr<Impl> impl, std::string key) {
  std::vector<std::string> args{"HDEL", settings_key(*impl), std::move(key)};
  co_await run_command(impl, std::move(args), Access::write);
}

asio::awaitable<std::int64_t> do_outbox_depth(std::shared_ptr<Impl> impl) {
  std::vector<std::string> args{"HGET", impl->hash_tag + ":counts", "outbox_pending"};
  auto reply = co_await run_command(impl, std::move(args), Access::read);
  co_return reply.is_nil() ? 0 : replies::parse_int64(reply.text(), "counts");
}

asio::awaitable<std::vector<DaemonInfo>> do_live_daemons(std::shared_ptr<Impl> impl) {
  std::vector<std::string> no_args;
  auto reply = co_await run_script(impl, "live_daemons", std::move(no_args), Access::read);
  std::vector<DaemonInfo> daemons;
  for (const auto& element : replies::rows(reply, "live_daemons")) {
    replies::Row row(element, "live_daemons");
    daemons.push_back(DaemonInfo{row.text(0), row.text(1), row.integer(2), row.text(3), row.integer(4),
                                 row.integer(5), row.integer(6), row.integer(7), row.integer(8)});
  }
  std::sort(daemons.begin(), daemons.end(), [](const DaemonInfo& a, const DaemonInfo& b) {
    return std::tie(a.started_ms, a.owner) < std::tie(b.started_ms, b.owner);
  });
  co_return daemons;
}

asio::awaitable<LeasesHeld> do_leases_held(std::shared_ptr<Impl> impl) {
  std::vector<std::string> no_args;
  auto reply = co_await run_script(impl, "leases_held", std::move(no_args), Access::read);
  replies::Row row(reply, "leases_held");
  co_return LeasesHeld{row.integer(0), row.integer(1)};
}

asio::awaitable<bool> do_import(std::shared_ptr<Impl> impl, ExportedInteraction i) {
  if (i.state == State::in_flight)
    throw std::invalid_argument(
        fmt::format("import: interaction {} is in flight: export it as pending", i.id));
  std::vector<std::string> args{i.id,
                                std::string(to_string(i.state)),
                                std::to_string(i.attempts),
                                std::to_string(i.not_before_ms),
                                std::move(i.last_error),
                                std::to_string(i.last_status),
                                std::move(i.dead_kind),
                                std::move(i.audit_context),
                                std::move(i.cycle_key),
                                std::to_string(i.retrying_since_ms),
                                std::to_string(i.created_at_ms),
                                std::to_string(i.updated_at_ms)};
  for (auto& p : i.parts) {
    if (p.message.webhook_id.empty() || (p.state != "pending" && p.state != "done" && p.state != "dead"))
      throw std::invalid_argument(fmt::format("import: interaction {} has an outbox row '{}' in state '{}'",
                                              i.id, p.message.webhook_id, p.state));
    args.insert(args.end(),
                {std::move(p.message.webhook_id), std::to_string(p.message.part),
                 std::to_string(p.message.parts), std::move(p.state), std::to_string(p.attempts),
                 std::to_string(p.next_attempt_ms), std::to_string(p.last_status), std::move(p.last_error),
                 std::to_string(p.updated_at_ms), std::move(p.message.body)});
  }
  auto reply = co_await run_script(impl, "import", std::move(args));
  co_return reply.as_integer() == 1;
}

}  // namespace

awaitable<std::shared_ptr<RedisBackend>> RedisBackend::open(asio::any_io_executor io, const QueueConfig& cfg,
                                                            Clock clock, OpenedBy opened_by,
                                                            Connect connect) {
  auto impl = std::make_shared<Impl>(std::move(io), cfg, std::move(clock));
  for (auto& script : redis_scripts::all())
    impl->connection.register_script(std::move(script.name), std::move(script.source));
  std::shared_ptr<RedisBackend> backend(new RedisBackend(impl));
  impl->opened_by = opened_by;
  if (connect == Connect::in_background) return unannounced(std::move(backend));
  return announced(std::move(backend), std::move(impl));
}

RedisBackend::RedisBackend(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
RedisBackend::~RedisBackend() = default;

const std::string& RedisBackend::owner() const noexcept {
  return impl_->owner;
}

std::string RedisBackend::describe() const {
  return fmt::format("redis {} {}", impl_->url, impl_->hash_tag);
}

CommitStats RedisBackend::commit_stats() const {
  const auto writes = impl_->writes.load();
  return CommitStats{writes, writes, 0};
}

awaitable<std::vector<DaemonInfo>> RedisBackend::live_daemons() {
  return do_live_daemons(impl_);
}

awaitable<LeasesHeld> RedisBackend::leases_held() {
  return do_leases_held(impl_);
}

awaitable<bool> RedisBackend::import_interaction(ExportedInteraction interaction) {
  return do_import(impl_, std::move(interaction));
}

awaitable<EnqueueResult> RedisBackend::enqueue(std::vector<std::string> ids, EnqueueOptions options) {
  return do_enqueue(impl_, std::move(ids), options);
}

awaitable<std::vector<Lease>> RedisBackend::lease(std::size_t max) {
  return do_lease(impl_, max);
}

awaitable<bool> RedisBackend::complete(Lease lease, std::vector<OutboxMessage> messages,
                                       std::string audit_context) {
  impl_->held_fetch.erase(lease.interaction_id);
  return do_complete(impl_, std::move(lease), std::move(messages), std::move(audit_context), {});
}

awaitable<std::optional<Delivery>> RedisBackend::complete_attempted(Lease lease,
                                                                    std::vector<OutboxMessage> messages,
                                                                    std::string audit_context) {
  impl_->held_fetch.erase(lease.interaction_id);
  return do_complete_attempted(impl_, std::move(lease), std::move(messages), std::move(audit_context));
}

awaitable<bool> RedisBackend::fail(Lease lease, std::string reason) {
  impl_->held_fetch.erase(lease.interaction_id);
  return end_fetch_lease(impl_, "fail", std::move(lease), {std::move(reason)});
}

awaitable<bool> RedisBackend::dead_letter(Lease lease, std::string kind, std::string reason) {
  impl_->held_fetch.erase(lease.interaction_id);
  return end_fetch_lease(impl_, "dead_letter", std::move(lease), {std::move(kind), std::move(reason)});
}

awaitable<bool> RedisBackend::release(Lease lease, milliseconds not_before_delay, std::string reason) {
  impl_->held_fetch.erase(lease.interaction_id);
  return end_fetch_lease(impl_, "release", std::move(lease),
                         {delay_arg(not_before_delay), std::move(reason)});
}

awaitable<std::size_t> RedisBackend::renew_leases() {
  return do_renew(impl_);
}

awaitable<std::size_t> RedisBackend::return_all_leases() {
  impl_->held_fetch.clear();
  impl_->held_deliveries.clear();
  return do_return_all(impl_);
}

awaitable<Counts> RedisBackend::counts() {
  return do_counts(impl_);
}

awaitable<std::int64_t> RedisBackend::count_parked(milliseconds horizon) {
  return do_count_parked(impl_, horizon);
}

awaitable<std::vector<DeadLetter>> RedisBackend::dead_letters() {
  return do_dead_letters(impl_);
}

awaitable<std::vector<Failure>> RedisBackend::recent_failures(std::size_t limit) {
  return do_recent_failures(impl_, limit);
}

awaitable<std::vector<MinuteCounts>> RedisBackend::settled_per_minute(int minutes) {
  return do_settled_per_minute(impl_, minutes);
}

awaitable<std::size_t> RedisBackend::replay(std::vector<std::string> ids, bool all) {
  return do_replay(impl_, std::move(ids), all);
}

awaitable<std::optional<InteractionInfo>> RedisBackend::interaction(std::string id) {
  return do_interaction(impl_, std::move(id));
}

awaitable<std::vector<Delivery>> RedisBackend::lease_deliveries(std::size_t max) {
  return do_lease_deliveries(impl_, max);
}

awaitable<std::optional<Finished>> RedisBackend::delivered(Delivery delivery, int http_status) {
  impl_->held_deliveries.erase(delivery.message.webhook_id);
  return do_delivered(impl_, std::move(delivery), http_status);
}

awaitable<void> RedisBackend::retry_delivery(Delivery delivery,
                                             std::chrono::system_clock::time_point next_attempt,
                                             int http_status, std::string error) {
  impl_->held_deliveries.erase(delivery.message.webhook_id);
  return do_retry_delivery(impl_, std::move(delivery), next_attempt, http_status, std::move(error));
}

awaitable<std::optional<Finished>> RedisBackend::dead_letter_delivery(Delivery delivery, int http_status,
                                                                      std::string error) {
  impl_->held_deliveries.erase(delivery.message.webhook_id);
  return do_dead_letter_delivery(impl_, std::move(delivery), http_status, std::move(error));
}

awaitable<void> RedisBackend::hold_deliveries(std::string reason) {
  return do_set_setting(impl_, std::string(kDeliveriesHeldKey), std::move(reason));
}

awaitable<void> RedisBackend::release_held() {
  return do_erase_setting(impl_, std::string(kDeliveriesHeldKey));
}

awaitable<std::optional<std::string>> RedisBackend::held_reason() {
  return do_setting(impl_, std::string(kDeliveriesHeldKey));
}

awaitable<std::int64_t> RedisBackend::outbox_depth() {
  return do_outbox_depth(impl_);
}

awaitable<std::optional<std::string>> RedisBackend::setting(std::string key) {
  return do_setting(impl_, std::move(key));
}

awaitable<void> RedisBackend::set_setting(std::string key, std::string value) {
  return do_set_setting(impl_, std::move(key), std::move(value));
}

}  // namespace insightd::queue
