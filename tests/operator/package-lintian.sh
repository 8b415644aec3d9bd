#!/bin/sh
# Builds the Debian package from a build tree with CPack (into a scratch
# directory, the tree's own package untouched) and runs lintian on it: any
# error or warning fails. Tags kept on purpose are overridden, with the
# reason, in packaging/deb/lintian-overrides (shipped in the package).
# Usage: package-lintian.sh BUILD_DIR
set -eu
build=$(realpath "$1")
command -v lintian >/dev/null || { echo "lintian not found: install the Debian package lintian" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if ! (cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1); then
  cat "$out/cpack.log" >&2
  exit 1
fi
deb=$(ls "$out"/insightd_*.deb)
echo "lintian $(basename "$deb"):"
# --display-info also lists the informational tags; errors and warnings fail,
# and so does any hardening tag (info level: the binaries were built without
# the flags of CMakeLists.txt's insightd_hardening).
status=0
lintian --display-info --show-overrides --fail-on error,warning "$deb" >"$out/lintian.txt" 2>&1 || status=$?
cat "$out/lintian.txt"
[ "$status" -eq 0 ] || exit "$status"
if grep -E '^[EWI]: [^ ]+: hardening-' "$out/lintian.txt" >&2; then
  echo "lintian: hardening tags above: build the package from an optimised build (Release)" >&2
  exit 1
fi
echo "lintian: no errors, no warnings, no hardening tags"
