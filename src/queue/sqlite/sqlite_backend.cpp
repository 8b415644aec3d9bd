// SPDX-License-Identifier: Apache-2.0
#include "sqlite_backend.hpp"

#include <boost/asio/async_result.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>
#include <type_traits>
#include <variant>

#include "group_commit.hpp"
#include "queue_db.hpp"

namespace insightd::queue {

namespace asio = boost::asio;

struct SqliteBackend::Impl {
  Impl(asio::any_io_executor io_executor, const QueueConfig& cfg, Clock clock)
      : io(std::move(io_executor)), db(cfg, std::move(clock)) {}
  ~Impl() { pool.join(); }

  asio::any_io_executor io;
  QueueDb db;                 // touched only on the pool's thread once open() returned
  asio::thread_pool pool{1};  // the database thread
  GroupCommit group{db, pool};
};

namespace {

template <class R>
struct CompletionSignature {
  using type = void(std::exception_ptr, R);
};
template <>
struct CompletionSignature<void> {
  using type = void(std::exception_ptr);
};

// A read takes no write lock when it runs alone: `insightd status` next to a
// busy daemon would otherwise queue for it (SQLite's busy handler is not fair).
// A durable write is on disk when it returns, across a power cut too (the
// batch commits with an fsync); a plain write survives kill -9 and reaches the
// disk by the next durable commit or checkpoint (see sqlite_backend.hpp).
enum class DbAccess { read, write, durable };

// One awaited backend call: f(db) runs on the database thread in a group
// commit; the handler resumes the awaiting coroutine on its executor once the
// batch is durable. The Impl reference travels with the completion, so the
// last one is never dropped on the database thread (whose destructor joins
// that thread).
template <class F, class R, class Handler>
class SqliteOp final : public GroupCommit::Op {
 public:
  SqliteOp(std::shared_ptr<SqliteBackend::Impl> impl, DbAccess access, F f, Handler handler)
      : impl_(std::move(impl)),
        access_(access),
        f_(std::move(f)),
        handler_(std::move(handler)),
        work_(asio::make_work_guard(asio::get_associated_executor(handler_, impl_->io))) {}

  bool read_only() const override { return access_ == DbAccess::read; }
  bool durable() const override { return access_ == DbAccess::durable; }
  void run(QueueDb& db) override {
    if constexpr (std::is_void_v<R>)
      f_(db);
    else
      value_ = f_(db);
  }
  void fail(std::exception_ptr error) override {
    if (!error_) error_ = std::move(error);
  }
  void finish() override {
    asio::post(work_.get_executor(), [impl = std::move(impl_), handler = std::move(handler_), error = error_,
                                      value = std::move(value_)]() mutable {
      if constexpr (std::is_void_v<R>)
        std::move(handler)(error);
      else
        std::move(handler)(error, std::move(value));
    });
    work_.reset();
  }

 private:
  using Value = std::conditional_t<std::is_void_v<R>, std::monostate, R>;
  std::shared_ptr<SqliteBackend::Impl> impl_;
  DbAccess access_;
  F f_;
  Handler handler_;
  asio::executor_work_guard<asio::associated_executor_t<Handler, asio::any_io_executor>> work_;
  std::exception_ptr error_;
  Value value_{};
};

template <class F, class R = std::invoke_result_t<F&, QueueDb&>>
awaitable<R> on_db(std::shared_ptr<SqliteBackend::Impl> impl, DbAccess access, F f) {
  auto initiation = [](auto handler, std::shared_ptr<SqliteBackend::Impl> impl, DbAccess access, F f) {
    auto& group = impl->group;
    group.submit(std::make_unique<SqliteOp<F, R, decltype(handler)>>(std::move(impl), access, std::move(f),
                                                                     std::move(handler)));
  };
  return asio::async_initiate<const asio::use_awaitable_t<>&, typename CompletionSignature<R>::type>(
      initiation, asio::use_awaitable, std::move(impl), access, std::move(f));
}

}  // namespace

std::shared_ptr<SqliteBackend> SqliteBackend::open(asio::any_io_executor io, const QueueConfig& cfg,
                                                   Clock clock) {
  return std::shared_ptr<SqliteBackend>(
      new SqliteBackend(std::make_shared<Impl>(std::move(io), cfg, std::move(clock))));
}

SqliteBackend::SqliteBackend(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteBackend::~SqliteBackend() = default;

const std::string& SqliteBackend::path() const noexcept {
  return impl_->db.path();
}

CommitStats SqliteBackend::commit_stats() const {
  return impl_->group.stats();
}

std::string SqliteBackend::describe() const {
  return "sqlite " + path();
}

awaitable<EnqueueResult> SqliteBackend::enqueue(std::vector<std::string> ids, EnqueueOptions options) {
  return on_db(impl_, DbAccess::durable,
               [ids = std::move(ids), options](QueueDb& db) { return db.enqueue(ids, options); });
}

awaitable<std::vector<Lease>> SqliteBackend::lease(std::size_t max) {
  return on_db(impl_, DbAccess::write, [max](QueueDb& db) { return db.lease(max); });
}

awaitable<bool> SqliteBackend::complete(Lease lease, std::vector<OutboxMessage> messages,
                                        std::string audit_context) {
  return on_db(impl_, DbAccess::write,
               [lease = std::move(lease), messages = std::move(messages), audit = std::move(audit_context)](
                   QueueDb& db) { return db.complete(lease, messages, audit); });
}

awaitable<std::optional<Delivery>> SqliteBackend::complete_attempted(Lease lease,
                                                                     std::vector<OutboxMessage> messages,
                                                                     std::string audit_context) {
  return on_db(impl_, DbAccess::write,
               [lease = std::move(lease), messages = std::move(messages), audit = std::move(audit_context)](
                   QueueDb& db) { return db.complete_attempted(lease, messages, audit); });
}

awaitable<bool> SqliteBackend::fail(Lease lease, std::string reason) {
  return on_db(impl_, DbAccess::write, [lease = std::move(lease), reason = std::move(reason)](QueueDb& db) {
    return db.fail(lease, reason);
  });
}

awaitable<bool> SqliteBackend::dead_letter(Lease lease, std::string kind, std::string reason) {
  return on_db(impl_, DbAccess::write,
               [lease = std::move(lease), kind = std::move(kind), reason = std::move(reason)](QueueDb& db) {
                 return db.dead_letter(lease, kind, reason);
               });
}

awaitable<bool> SqliteBackend::release(Lease lease, std::chrono::milliseconds not_before_delay,
                                       std::string reason) {
  return on_db(impl_, DbAccess::write,
               [lease = std::move(lease), not_before_delay, reason = std::move(reason)](QueueDb& db) {
                 return db.release(lease, not_before_delay, reason);
               });
}

awaitable<std::size_t> SqliteBackend::renew_leases() {
  return on_db(impl_, DbAccess::write, [](QueueDb& db) { return db.renew_leases(); });
}

awaitable<std::vector<Delivery>> SqliteBackend::lease_deliveries(std::size_t max) {
  return on_db(impl_, DbAccess::write, [max](QueueDb& db) { return db.lease_deliveries(max); });
}

awaitable<std::optional<Finished>> SqliteBackend::delivered(Delivery delivery, int http_status) {
  return on_db(impl_, DbAccess::write, [delivery = std::move(delivery), http_status](QueueDb& db) {
    return db.delivered(delivery, http_status);
  });
}

awaitable<void> SqliteBackend::retry_delivery(Delivery delivery,
                                              std::chrono::system_clock::time_point next_attempt,
                                              int http_status, std::string error) {
  return on_db(impl_, DbAccess::write,
               [delivery = std::move(delivery), next_attempt, http_status, error = std::move(error)](
                   QueueDb& db) { db.retry_delivery(delivery, next_attempt, http_status, error); });
}

awaitable<std::optional<Finished>> SqliteBackend::dead_letter_delivery(Delivery delivery, int http_status,
                                                                       std::string error) {
  return on_db(impl_, DbAccess::write,
               [delivery = std::move(delivery), http_status, error = std::move(error)](QueueDb& db) {
                 return db.dead_letter_delivery(delivery, http_status, error);
               });
}

awaitable<void> SqliteBackend::hold_deliveries(std::string reason) {
  return on_db(impl_, DbAccess::durable, [reason = std::move(reason)](QueueDb& db) {
    db.set_setting(std::string(kDeliveriesHeldKey), reason);
  });
}

awaitable<void> SqliteBackend::release_held() {
  return on_db(impl_, DbAccess::durable,
               [](QueueDb& db) { db.erase_setting(std::string(kDeliveriesHeldKey)); });
}

awaitable<std::optional<std::string>> SqliteBackend::held_reason() {
  return on_db(impl_, DbAccess::read,
               [](QueueDb& db) { return db.setting(std::string(kDeliveriesHeldKey)); });
}

awaitable<std::optional<std::string>> SqliteBackend::setting(std::string key) {
  return on_db(impl_, DbAccess::read, [key = std::move(key)](QueueDb& db) { return db.setting(key); });
}

awaitable<void> SqliteBackend::set_setting(std::string key, std::string value) {
  return on_db(impl_, DbAccess::durable,
               [key = std::move(key), value = std::move(value)](QueueDb& db) { db.set_setting(key, value); });
}

awaitable<Counts> SqliteBackend::counts() {
  return on_db(impl_, DbAccess::read, [](QueueDb& db) { return db.counts(); });
}

awaitable<std::int64_t> SqliteBackend::outbox_depth() {
  return on_db(impl_, DbAccess::read, [](QueueDb& db) { return db.outbox_depth(); });
}

awaitable<std::int64_t> SqliteBackend::count_parked(std::chrono::milliseconds horizon) {
  return on_db(impl_, DbAccess::read, [horizon](QueueDb& db) { return db.count_parked(horizon); });
}

awaitable<std::vector<DeadLetter>> SqliteBackend::dead_letters() {
  return on_db(impl_, DbAccess::read, [](QueueDb& db) { return db.dead_letters(); });
}

awaitable<std::vector<Failure>> SqliteBackend::recent_failures(std::size_t limit) {
  return on_db(impl_, DbAccess::read, [limit](QueueDb& db) { return db.recent_failures(limit); });
}

awaitable<std::vector<MinuteCounts>> SqliteBackend::settled_per_minute(int minutes) {
  return on_db(impl_, DbAccess::read, [minutes](QueueDb& db) { return db.settled_per_minute(minutes); });
}

awaitable<std::size_t> SqliteBackend::replay(std::vector<std::string> ids, bool all) {
  return on_db(impl_, DbAccess::durable,
               [ids = std::move(ids), all](QueueDb& db) { return db.replay(ids, all); });
}

awaitable<std::optional<InteractionInfo>> SqliteBackend::interaction(std::string id) {
  return on_db(impl_, DbAccess::read, [id = std::move(id)](QueueDb& db) { return db.interaction(id); });
}

awaitable<std::size_t> SqliteBackend::return_all_leases() {
  return on_db(impl_, DbAccess::durable, [](QueueDb& db) { return db.return_all_leases(); });
}

awaitable<std::vector<DaemonInfo>> SqliteBackend::live_daemons() {
  co_return std::vector<DaemonInfo>{};  // one file, one daemon, which does not announce itself
}

awaitable<LeasesHeld> SqliteBackend::leases_held() {
  return on_db(impl_, DbAccess::read, [](QueueDb& db) { return db.leases_held(); });
}

awaitable<ExportPage> SqliteBackend::export_interactions(ExportCursor after, std::size_t max) {
  return on_db(impl_, DbAccess::read,
               [after = std::move(after), max](QueueDb& db) { return db.export_interactions(after, max); });
}

}  // namespace insightd::queue
