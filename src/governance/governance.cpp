// SPDX-License-Identifier: Apache-2.0
#include "insightd/governance/governance.hpp"

#include <algorithm>

#include "insightd/governance/freshness.hpp"

namespace insightd::governance {

namespace {

void append_reason(std::string& reason, std::string_view part) {
  if (!reason.empty()) reason += "; ";
  reason += part;
}

// Removes malformed and (under `drop`) stale insights; counts all of them.
void apply_freshness(std::vector<Insight>& insights, const GovernanceConfig& cfg,
                     std::chrono::system_clock::time_point now, GovernanceResult& result) {
  std::erase_if(insights, [&](const Insight& insight) {
    switch (classify_freshness(insight.created_date, now, cfg.max_age)) {
      case Freshness::malformed:
        ++result.malformed;
        ++result.dropped;
        return true;
      case Freshness::stale:
        ++result.stale_count;
        if (cfg.stale == StalePolicy::drop) {
          ++result.dropped;
          return true;
        }
        return false;
      case Freshness::fresh:
        return false;
    }
    return false;
  });
  if (cfg.stale == StalePolicy::fail && result.stale_count > 0) {
    result.pass = false;
    append_reason(result.fail_reason, "stale: " + std::to_string(result.stale_count) +
                                          " insight(s) older than governance.max_age");
  }
}

void apply_pii(std::vector<Insight>& insights, PiiPolicy policy, const PiiScanner& scanner,
               GovernanceResult& result) {
  int total = 0;
  for (auto& insight : insights) {
    const auto findings = scanner.scan(insight.text);
    if (findings.empty()) continue;
    total += static_cast<int>(findings.size());
    for (const auto& f : findings) ++result.pii_findings[std::string(to_string(f.kind))];
    if (insight.redacted) ++result.redaction_leaks;
    if (policy != PiiPolicy::flag) {
      insight.text = mask(insight.text, findings);
      result.masked += static_cast<int>(findings.size());
    }
  }
  if (policy == PiiPolicy::block && total > 0) {
    result.blocked = true;
    result.pass = false;
    std::string reason = "pii:";
    for (const auto& [kind, count] : result.pii_findings) {
      reason += (reason.back() == ':' ? " " : ", ") + kind + "=" + std::to_string(count);
    }
    if (result.redaction_leaks > 0) reason += ", redaction_leaks=" + std::to_string(result.redaction_leaks);
    append_reason(result.fail_reason, reason);
  }
}

}  // namespace

PiiOptions pii_options(const GovernanceConfig& cfg) {
  return PiiOptions{.kinds = cfg.detect, .default_region = cfg.default_region};
}

GovernanceResult govern(std::vector<Insight>& insights, const GovernanceConfig& cfg,
                        std::chrono::system_clock::time_point now, const PiiScanner& scanner) {
  GovernanceResult result;
  apply_freshness(insights, cfg, now, result);
  apply_pii(insights, cfg.pii, scanner, result);
  return result;
}

boost::json::object GovernanceResult::to_json() const {
  boost::json::object findings;
  for (PiiKind kind : kAllPiiKinds) {
    const auto it = pii_findings.find(std::string(to_string(kind)));
    findings[to_string(kind)] = it == pii_findings.end() ? 0 : it->second;
  }
  boost::json::object o;
  o["governance_pass"] = pass;
  o["blocked"] = blocked;
  o["fail_reason"] = fail_reason;
  o["stale_count"] = stale_count;
  o["dropped"] = dropped;
  o["masked"] = masked;
  o["redaction_leaks"] = redaction_leaks;
  o["malformed"] = malformed;
  o["pii_findings"] = std::move(findings);
  return o;
}

}  // namespace insightd::governance
