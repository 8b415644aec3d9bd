#!/bin/sh
# CMake lists sources explicitly (src/<area>/sources.cmake,
# tests/<area>/sources.cmake, bench/CMakeLists.txt): a .cpp that is in the
# tree but in no list would silently never build or run. Lists such files.
# Usage: check-sources-listed.sh REPO_ROOT
set -u
root=$1
count=0
missing=0
# listed FILE LIST_FILE: is FILE's path (relative to LIST_FILE's folder) a whole word in it?
check() {
  count=$((count + 1))
  if ! grep -qE "(^|[[:space:]/])$2([[:space:])]|\$)" "$1"; then
    echo "not listed in ${1#"$root"/}: $2" >&2
    missing=$((missing + 1))
  fi
}
for list in "$root"/src/*/sources.cmake; do
  dir=$(dirname "$list")
  for f in $(cd "$dir" && find . -name '*.cpp' | sed 's|^\./||'); do check "$list" "$f"; done
done
for dir in "$root"/tests/*/; do
  dir=${dir%/}
  [ "$(basename "$dir")" = fuzz ] && continue
  ls "$dir"/*.cpp >/dev/null 2>&1 || continue
  for f in $(cd "$dir" && ls *.cpp); do check "$dir/sources.cmake" "$f"; done
done
for f in $(cd "$root/bench" && ls bench_*.cpp); do check "$root/bench/CMakeLists.txt" "$f"; done
[ "$count" -gt 100 ] || { echo "only $count .cpp files found under $root" >&2; exit 1; }
[ "$missing" -eq 0 ] || { echo "$missing of $count .cpp files are in no source list" >&2; exit 1; }
echo "$count .cpp files, each listed"
