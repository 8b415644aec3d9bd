// SPDX-License-Identifier: Apache-2.0
#pragma once
// Group commit for the database thread. The daemon's fetch and delivery
// workers each make small writes; run one at a time they queue behind each
// other's commits (bench/RESULTS.md). Operations submitted while a batch runs
// wait for the next batch, which runs them all in one transaction.
//
// A batch holding a durable operation commits with synchronous=FULL (an fsync
// of the WAL, which also covers every earlier commit); the others with NORMAL,
// which survives kill -9 and leaves the fsync to the next durable commit or
// checkpoint.
//
// Each operation runs in its own SAVEPOINT, so one that throws (a bug, a
// constraint) is rolled back alone and the others still commit. Nobody sees a
// result before the COMMIT that makes it durable has returned.
#include <boost/asio/thread_pool.hpp>
#include <exception>
#include <memory>
#include <mutex>
#include <vector>

#include "insightd/queue/backend.hpp"

namespace insightd::queue {

class QueueDb;

class GroupCommit {
 public:
  class Op {
   public:
    virtual ~Op() = default;
    virtual bool read_only() const = 0;  // a batch of reads only runs without the write lock
    virtual bool durable() const = 0;    // its batch commits with an fsync
    virtual void run(QueueDb& db) = 0;   // on the database thread; a throw becomes the op's error
    // Its writes are not durable: complete with error (the first one given wins).
    virtual void fail(std::exception_ptr error) = 0;
    virtual void finish() = 0;  // after the batch: hand the result or error to the awaiter
  };

  GroupCommit(QueueDb& db, boost::asio::thread_pool& pool) : db_(db), pool_(pool) {}
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  void submit(std::unique_ptr<Op> op);  // from any thread
  CommitStats stats() const;            // transactions committed or attempted, operations run

 private:
  void drain();  // database thread: batches until nothing is queued
  void run_batch(std::vector<std::unique_ptr<Op>>& ops, bool durable);
  void set_synchronous(bool full);
  void run_reads(std::vector<std::unique_ptr<Op>>& ops);

  QueueDb& db_;
  boost::asio::thread_pool& pool_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Op>> queued_;  // guarded by mutex_
  bool draining_ = false;                    // guarded by mutex_: a drain() is posted or running
  CommitStats stats_;                        // guarded by mutex_
  bool synchronous_full_ = true;             // database thread: as QueueDb opens the file
};

}  // namespace insightd::queue
