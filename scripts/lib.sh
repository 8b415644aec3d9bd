# Shared by scripts/test and scripts/demo: install what is missing, then build.
# Idempotent: apt runs only when a package is missing; the build is incremental.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${INSIGHTD_BUILD_DIR:-$ROOT/build}"

PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache git openssl ca-certificates
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-system1.81-dev
  libssl-dev libspdlog-dev libfmt-dev libyaml-cpp-dev libsqlite3-dev sqlite3
  libsystemd-dev libre2-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
  libhiredis-dev redis-server wrk
  clang libclang-rt-14-dev
  prometheus groff-base man-db lintian
  libboost-thread1.81-dev libprotobuf-dev libphonenumber-dev
  chromium chromium-driver python3-selenium
)

install_missing_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "==> installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    satisfy_boost_thread_dev $sudo
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# Debian 12's libphonenumber-dev depends on libboost-thread-dev, which is the
# Boost 1.74 default and conflicts with the Boost 1.81 we build with. Its
# headers do not need Boost (they fall back to pthreads), so a local package
# named libboost-thread-dev that depends on libboost-thread1.81-dev satisfies
# apt without mixing Boost versions.
satisfy_boost_thread_dev() {
  local sudo="${1:-}"
  dpkg-query -W -f='${Status}' libboost-thread-dev 2>/dev/null | grep -q "install ok installed" && return 0
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libboost-thread1.81-dev
  local dir
  dir="$(mktemp -d)"
  mkdir -p "$dir/pkg/DEBIAN"
  cat >"$dir/pkg/DEBIAN/control" <<'CONTROL'
Package: libboost-thread-dev
Version: 1.81.0.0+insightd
Architecture: all
Maintainer: insightd developers <insightd@localhost>
Depends: libboost-thread1.81-dev
Description: Boost.Thread 1.81 as libboost-thread-dev (for libphonenumber-dev)
CONTROL
  dpkg-deb --build "$dir/pkg" "$dir/libboost-thread-dev.deb" >/dev/null
  $sudo dpkg -i "$dir/libboost-thread-dev.deb"
  rm -rf "$dir"
}

# CI builds every tree cold, so there a unity build (CMake batches a target's
# sources into a few generated files) saves most of the compile time: the same
# Asio, Beast and JSON templates are generated once per batch instead of once
# per file (docs/testing.md "Time"). Developers keep one object per file, for
# fast incremental builds, unless they set INSIGHTD_UNITY=1. The fuzz tree
# (clang, a third of the sources) is not yet verified in unity mode: never.
unity_flag() {
  local preset=${1:-release} unity=OFF
  if [ "$preset" != fuzz ] && { [ "${CI:-}" = "true" ] || [ "${INSIGHTD_UNITY:-0}" = 1 ]; }; then unity=ON; fi
  echo "-DCMAKE_UNITY_BUILD=$unity"
}

build() {
  # ccache keyed on paths relative to the checkout: a fresh clone on the same
  # machine (CI) reuses the objects of an earlier build.
  export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=true
  local werror=OFF
  [ "${CI:-}" = "true" ] && werror=ON
  # CI configures every time, so -Werror holds on a reused build directory too.
  if [ ! -f "$BUILD_DIR/build.ninja" ] || [ "$werror" = ON ]; then
    (cd "$ROOT" && cmake --preset release -B "$BUILD_DIR" -DINSIGHTD_WERROR=$werror "$(unity_flag)")
  fi
  local start=$SECONDS
  cmake --build "$BUILD_DIR" -j2
  echo "==> built $BUILD_DIR in $((SECONDS - start)) s"
}

# Configure and build one of CMakePresets.json's other presets (dev, fuzz) in
# its own build directory; extra arguments go to `cmake --build`.
build_preset() {
  local preset=$1
  shift
  export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=true
  local start=$SECONDS
  (cd "$ROOT" && cmake --preset "$preset" "$(unity_flag "$preset")" >/dev/null && cmake --build --preset "$preset" "$@")
  echo "==> built the $preset preset in $((SECONDS - start)) s"
}
