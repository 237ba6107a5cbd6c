#!/usr/bin/env bash
# Installs what newsgraph needs from Debian's packages (only when something is missing),
# then configures and builds it in ./build (Release). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"

packages=(
  cmake g++ make pkg-config
  libboost-graph-dev rapidjson-dev libspdlog-dev libfmt-dev libcli11-dev libutf8proc-dev
  libsqlite3-dev zlib1g-dev libxml2-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  sqlite3 libxml2-utils graphviz python3 python3-networkx python3-igraph
  libjs-d3
  clang libclang-rt-dev time
)
# More packages on request: .ci/run adds chromium, for the test that renders `newsgraph view`'s
# page (skipped where Chromium is absent); building and using newsgraph need no browser.
read -r -a extra <<<"${NEWSGRAPH_EXTRA_PACKAGES:-}"
packages+=("${extra[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup.sh: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release ${NEWSGRAPH_CMAKE_ARGS:-} >/dev/null
cmake --build build -j "$(nproc)"
