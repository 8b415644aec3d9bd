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
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

build() {
  # ccache keyed on paths relative to the checkout: a fresh clone on the same
  # machine (CI) reuses the objects of an earlier build.
  export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=true
  local werror=OFF
  [ "${CI:-}" = "true" ] && werror=ON
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DINSIGHTD_WERROR=$werror
  fi
  cmake --build "$BUILD_DIR" -j2
}
