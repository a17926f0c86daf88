#!/usr/bin/env bash
# Installs the Debian 12 packages geokg needs to build, test and evaluate,
# skipping those already installed.  Uses sudo when not run as root.
set -euo pipefail
packages=(meson ninja-build g++ pkg-config libboost-graph-dev rapidjson-dev libicu-dev
          libfmt-dev doctest-dev libcli11-dev libcld2-dev graphviz python3
          python3-networkx python3-igraph libxml2-utils)
# Timeline plots, and their SVG checked.
packages+=(libplplot-dev librsvg2-bin)
# The .html page's test: headless Chromium, driven over the DevTools protocol.
packages+=(chromium python3-websocket)
# The man page (help2man) and the tests of it (man-db) and of shell completion (zsh).
packages+=(help2man zsh man-db)
# geokg-dask: Dask's scheduler and worker processes.
packages+=(python3-distributed)
# npm for the browser libraries of the .html page; a Node.js from elsewhere brings its own.
command -v npm >/dev/null || packages+=(npm)
if [ "${GEOKG_SANITIZE:-}" = 1 ]; then packages+=(clang libclang-rt-14-dev); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The browser libraries the .html export inlines, at the versions package.json
# pins (npm ls fails when one is missing or another version).
cd "$(dirname "$0")/.."
npm ls >/dev/null 2>&1 || npm ci --ignore-scripts --no-audit --no-fund >/dev/null
