// SPDX-License-Identifier: Apache-2.0
#pragma once
// How queue state is shown to people and programs: `insightd status`,
// `insightd dead-letters list`, the admin API's interaction lookup.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "insightd/queue/types.hpp"

namespace insightd::queue {

// {"pending","in_flight" (leased + delivering),"leased","delivering","done","failed","dead","outbox_depth"}
boost::json::object to_json(const Counts& counts);
// `insightd status --json` (and the console): to_json(counts) plus
// "deliveries_held", the held reason or null, and "daemons" (to_json below).
boost::json::object status_json(const Counts& counts, const std::optional<std::string>& deliveries_held,
                                const std::vector<DaemonInfo>& daemons = {});
// [{"owner","host","pid","version","started_at","last_seen_at","expires_at"
// (RFC 3339 UTC),"fetch_leases","delivery_leases"}]: the live daemons.
boost::json::array to_json(const std::vector<DaemonInfo>& daemons);
// {"id","state","kind","attempts","last_status","reason","correlation_id","updated_at"} for the
// console. A failure without an audit context (a failed fetch) takes the
// correlation id its reason names, "(correlation id X)", if any.
boost::json::object to_json(const Failure& failure);
// to_json(const InteractionInfo&) is declared in types.hpp.

std::string format_counts(const Counts& counts);  // one "name  value" line per state
// A table: time (UTC), interaction, attempts, last status, last error, kind;
// "no dead letters" when empty.
std::string format_dead_letters(const std::vector<DeadLetter>& letters);
// "daemons  N" and a table: host, pid, version, since, last seen, fetch and
// delivery leases held; "" when there are none (SQLite).
std::string format_daemons(const std::vector<DaemonInfo>& daemons, std::int64_t now_ms);

}  // namespace insightd::queue
