// SPDX-License-Identifier: Apache-2.0
#pragma once
// The governance step between fetch and outbox (docs/architecture.md): freshness, then PII
// policy, applied to one interaction's insights. Pure: no I/O, no logging.
#include <boost/json/object.hpp>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "insightd/common/insight.hpp"
#include "insightd/config/config.hpp"
#include "insightd/governance/pii.hpp"

namespace insightd::governance {

struct GovernanceResult {
  bool pass = true;         // false: the interaction must not be delivered (see fail_reason)
  bool blocked = false;     // pii: block found PII: dead-letter with reason "pii"
  std::string fail_reason;  // kinds and counts only, never matched text, e.g. "pii: card=1, email=2"
  int stale_count = 0;      // insights older than max_age (whatever the stale policy did with them)
  int dropped = 0;          // insights removed: stale under `drop`, plus every malformed one
  int masked = 0;           // findings replaced by a placeholder
  int redaction_leaks = 0;  // insights marked redacted that still contain PII
  int malformed = 0;        // unparsable createdDate, or more than 5 min in the future
  std::map<std::string, int> pii_findings;  // by kind name ("card" -> 2); only kinds found

  // {"governance_pass", "blocked", "fail_reason", "stale_count", "dropped",
  //  "masked", "redaction_leaks", "malformed", "pii_findings": {every kind: n}}
  // for the audit record and the CRM payload's "governance" object.
  boost::json::object to_json() const;
};

// The scanner options `governance.detect` and `governance.default_region` ask for.
PiiOptions pii_options(const GovernanceConfig& cfg);

// Applies freshness then the PII policy to `insights` in place:
// - malformed insights are always removed (docs/architecture.md: skipped and counted);
// - stale ones: `drop` removes them, `deliver` keeps them, `fail` keeps them
//   but fails the interaction (pass=false, reason "stale: ...");
// - PII: `mask` replaces every finding; `block` also masks in place (so no
//   unmasked text lingers) and sets blocked and pass=false, reason "pii: ...";
//   `flag` leaves the text and only counts.
// Redaction leaks are counted under every policy.
GovernanceResult govern(std::vector<Insight>& insights, const GovernanceConfig& cfg,
                        std::chrono::system_clock::time_point now, const PiiScanner& scanner);

}  // namespace insightd::governance
