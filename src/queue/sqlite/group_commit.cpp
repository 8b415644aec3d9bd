// SPDX-License-Identifier: Apache-2.0
#include "group_commit.hpp"

#include <algorithm>
#include <boost/asio/post.hpp>

#include "queue_db.hpp"

namespace insightd::queue {

void GroupCommit::submit(std::unique_ptr<Op> op) {
  std::lock_guard lock(mutex_);
  queued_.push_back(std::move(op));
  if (draining_) return;
  draining_ = true;
  boost::asio::post(pool_, [this] { drain(); });
}

CommitStats GroupCommit::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

void GroupCommit::drain() {
  std::vector<std::unique_ptr<Op>> batch;
  bool durable = false;
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (queued_.empty()) {
        draining_ = false;
        return;
      }
      batch.swap(queued_);
      durable = std::any_of(batch.begin(), batch.end(), [](const auto& op) { return op->durable(); });
      ++stats_.transactions;
      stats_.operations += batch.size();
      if (durable) ++stats_.synced;
    }
    run_batch(batch, durable);
    batch.clear();
  }
}

void GroupCommit::set_synchronous(bool full) {
  if (full == synchronous_full_) return;
  db_.connection().exec(full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
  synchronous_full_ = full;
}

void GroupCommit::run_batch(std::vector<std::unique_ptr<Op>>& ops, bool durable) {
  if (std::all_of(ops.begin(), ops.end(), [](const auto& op) { return op->read_only(); })) {
    run_reads(ops);
    return;
  }
  auto& db = db_.connection();
  try {
    set_synchronous(durable);  // outside a transaction, where SQLite takes it
  } catch (...) {
    for (auto& op : ops) {
      op->fail(std::current_exception());
      op->finish();
    }
    return;
  }
  std::size_t first = 0;  // the first operation of the open transaction
  auto fail_from_first = [&](std::size_t end, const std::exception_ptr& error) {
    for (std::size_t i = first; i < end; ++i) ops[i]->fail(error);
  };
  auto begin = [&] {
    try {
      db.query("BEGIN IMMEDIATE")->run();  // may wait busy_timeout for a CLI's write
      return true;
    } catch (...) {
      fail_from_first(ops.size(), std::current_exception());
      return false;
    }
  };

  bool open = begin();
  for (std::size_t i = 0; open && i < ops.size(); ++i) {
    try {
      db.query("SAVEPOINT op")->run();
      ops[i]->run(db_);
      db.query("RELEASE op")->run();
    } catch (...) {
      auto error = std::current_exception();
      ops[i]->fail(error);
      try {
        db.exec("ROLLBACK TO op; RELEASE op");
      } catch (...) {
        // The savepoint is gone with the whole transaction: handled below.
      }
      if (!db.in_transaction()) {
        // SQLite rolled the whole transaction back (I/O error, disk full): the
        // operations before this one in it are lost too. Start again after it.
        fail_from_first(i, error);
        first = i + 1;
        open = first == ops.size() || begin();
      }
    }
  }
  if (db.in_transaction()) {
    try {
      db.query("COMMIT")->run();
    } catch (...) {
      fail_from_first(ops.size(), std::current_exception());
      try {
        db.exec("ROLLBACK");
      } catch (...) {
        // Already rolled back by SQLite.
      }
    }
  }
  for (auto& op : ops) op->finish();
}

void GroupCommit::run_reads(std::vector<std::unique_ptr<Op>>& ops) {
  for (auto& op : ops) {
    try {
      op->run(db_);  // each in its own read transaction, as autocommit gives it
    } catch (...) {
      op->fail(std::current_exception());
    }
    op->finish();
  }
}

}  // namespace insightd::queue
