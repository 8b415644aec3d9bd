// SPDX-License-Identifier: Apache-2.0
#pragma once
// The RedisBackend's Lua scripts, one per state transition or view. Each runs
// with KEYS[1] = the deployment's hash tag "{prefix}" (every key it touches
// starts with it, so all of them share one Cluster slot) and ARGV[1] = now in
// ms, or "" to read the server's TIME. docs/redis.md describes the keys.
#include <string>
#include <vector>

namespace insightd::queue::redis_scripts {

struct Script {
  std::string name;
  std::string source;  // complete: the shared helpers, then the script's body
};

std::vector<Script> all();

// The bodies, by area (without the shared helpers).
std::vector<Script> queue_scripts();      // enqueue, lease, complete, fail, ... renew, return_all
std::vector<Script> outbox_scripts();     // lease_deliveries, delivered, ... replay
std::vector<Script> view_scripts();       // read-only views and the daemons' announcements
std::vector<Script> migration_scripts();  // import (insightd migrate)

}  // namespace insightd::queue::redis_scripts
