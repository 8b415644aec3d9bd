// SPDX-License-Identifier: Apache-2.0
#pragma once
// The demo's sample workload and what it prints: a live progress line and
// the closing summary table.
#include <chrono>
#include <string>
#include <vector>

#include "insightd/observability/audit.hpp"
#include "insightd/queue/types.hpp"
#include "insightd/sim/stats.hpp"

namespace insightd::app {

// ~100 interaction IDs: plain ones of several sizes and one or more of every
// fault the simulator injects (the fault is named in the ID).
std::vector<std::string> demo_interaction_ids();
std::size_t demo_fault_count(const std::vector<std::string>& ids);

// On a TTY one line rewritten in place; otherwise a plain line whenever the counts change.
class ProgressPrinter {
 public:
  explicit ProgressPrinter(bool tty) : tty_(tty) {}
  void update(const queue::Counts& counts);
  void finish();

 private:
  bool tty_;
  std::string last_;
};

struct DemoSummary {
  const std::vector<observability::AuditRecord>& records;
  queue::Counts counts;
  sim::SimStats sim;
  std::chrono::steady_clock::duration elapsed;
};

void print_demo_summary(const DemoSummary& summary, const std::string& audit_path,
                        const std::string& config_path);

}  // namespace insightd::app
