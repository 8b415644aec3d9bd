// SPDX-License-Identifier: Apache-2.0
#pragma once
// The queue's operations as plain blocking calls on one SQLite connection.
// SqliteBackend runs them on its database thread; nothing else should call them.
#include <cstdint>
#include <string>
#include <vector>

#include "insightd/queue/backend.hpp"
#include "sqlite.hpp"

namespace insightd::queue {

class QueueDb {
 public:
  QueueDb(const QueueConfig& cfg, Backend::Clock clock);

  const std::string& path() const { return db_.path(); }
  sqlite::Connection& connection() { return db_; }  // for the group commit's transactions

  EnqueueResult enqueue(const std::vector<std::string>& ids, EnqueueOptions options);
  std::vector<Lease> lease(std::size_t max);
  bool complete(const Lease& lease, const std::vector<OutboxMessage>& messages,
                const std::string& audit_context);
  std::optional<Delivery> complete_attempted(const Lease& lease, const std::vector<OutboxMessage>& messages,
                                             const std::string& audit_context);
  bool fail(const Lease& lease, const std::string& reason);
  bool dead_letter(const Lease& lease, const std::string& kind, const std::string& reason);
  bool release(const Lease& lease, std::chrono::milliseconds not_before_delay, const std::string& reason);
  std::size_t renew_leases();

  std::vector<Delivery> lease_deliveries(std::size_t max);
  std::optional<Finished> delivered(const Delivery& delivery, int http_status);
  void retry_delivery(const Delivery& delivery, std::chrono::system_clock::time_point next_attempt,
                      int http_status, const std::string& error);
  std::optional<Finished> dead_letter_delivery(const Delivery& delivery, int http_status,
                                               const std::string& error);

  std::optional<std::string> setting(const std::string& key);
  void set_setting(const std::string& key, const std::string& value);
  void erase_setting(const std::string& key);

  Counts counts();
  std::int64_t outbox_depth();
  std::int64_t count_parked(std::chrono::milliseconds horizon);
  std::vector<DeadLetter> dead_letters();
  std::vector<Failure> recent_failures(std::size_t limit);
  std::vector<MinuteCounts> settled_per_minute(int minutes);
  std::size_t replay(const std::vector<std::string>& ids, bool all);
  std::optional<InteractionInfo> interaction(const std::string& id);
  std::size_t return_all_leases();
  LeasesHeld leases_held();
  ExportPage export_interactions(const ExportCursor& after, std::size_t max);

 private:
  std::int64_t now_ms() const;
  std::string next_lease_token();
  bool replay_one(const std::string& id, std::int64_t now);
  std::optional<Finished> finished(const std::string& id);
  std::vector<ExportedPart> exported_parts(const std::string& id);

  sqlite::Connection db_;
  Backend::Clock clock_;
  std::int64_t lease_timeout_ms_;
  std::string token_prefix_;  // unique per backend object: return_all_leases only touches its own leases
  std::uint64_t token_counter_ = 0;
};

}  // namespace insightd::queue
