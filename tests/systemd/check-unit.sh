#!/usr/bin/env bash
# Checks the systemd unit offline: `systemd-analyze verify` accepts it and
# `systemd-analyze security` rates its exposure at MAX or lower.
# Usage: check-unit.sh UNIT_FILE [MAX]   (exit 77 = skipped, for ctest)
set -euo pipefail
unit=$1
max=${2:-2.0}

if ! command -v systemd-analyze >/dev/null; then
  echo "SKIP: systemd-analyze is not installed"
  exit 77
fi
if ! systemd-analyze security --help 2>/dev/null | grep -q -- '--offline'; then
  echo "SKIP: this systemd-analyze has no security --offline (systemd < 250)"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# verify insists that ExecStart= binaries exist; insightd is not installed at
# test time, so check the unit with a stand-in for it.
sed -e 's|/usr/bin/insightd|/bin/true|g' "$unit" >"$tmp/insightd.service"

echo "==> systemd-analyze verify"
# verify exits 0 on most mistakes (unknown keys, bad values) and only prints
# them, so any complaint about our unit fails the test.
verify=$(systemd-analyze verify "$tmp/insightd.service" 2>&1) || {
  echo "$verify"
  echo "FAIL: systemd-analyze verify failed"
  exit 1
}
if grep -q 'insightd\.service' <<<"$verify"; then
  echo "$verify"
  echo "FAIL: systemd-analyze verify complained about the unit"
  exit 1
fi

echo "==> systemd-analyze security --offline=true"
report=$(systemd-analyze security --offline=true "$tmp/insightd.service" 2>&1)
score=$(sed -n 's/.*Overall exposure level for insightd\.service: \([0-9.]*\).*/\1/p' <<<"$report")
if [ -z "$score" ]; then
  echo "$report"
  echo "FAIL: no exposure level in the report"
  exit 1
fi
echo "exposure level $score (must be <= $max)"
if ! awk -v s="$score" -v m="$max" 'BEGIN { exit !(s + 0 <= m + 0) }'; then
  grep '✗' <<<"$report" || true
  echo "FAIL: exposure level $score is above $max"
  exit 1
fi
