#!/bin/sh
# Every C++ source file starts with the project's SPDX licence header (the
# package's copyright file and LICENSE rely on it). Lists the files without.
# Usage: check-spdx.sh REPO_ROOT
set -u
root=$1
header='// SPDX-License-Identifier: Apache-2.0'
count=0
missing=0
for f in $(find "$root/src" "$root/include" "$root/tests" "$root/bench" -type f \( -name '*.cpp' -o -name '*.hpp' \)); do
  count=$((count + 1))
  if [ "$(head -n 1 "$f")" != "$header" ]; then
    echo "no SPDX header: ${f#"$root"/}" >&2
    missing=$((missing + 1))
  fi
done
[ "$count" -gt 100 ] || { echo "only $count C++ files found under $root" >&2; exit 1; }
[ "$missing" -eq 0 ] || { echo "$missing of $count files lack: $header" >&2; exit 1; }
echo "$count C++ files, each with the SPDX header"
