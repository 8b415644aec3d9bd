# The sources of insightd_governance, relative to src/governance; a new .cpp is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(insightd_governance_sources
  checksums.cpp
  freshness.cpp
  governance.cpp
  pii_context.cpp
  pii_dates.cpp
  pii_mask.cpp
  pii_phone.cpp
  pii_rules.cpp
  pii_scanner.cpp
  upstream_text.cpp
)
