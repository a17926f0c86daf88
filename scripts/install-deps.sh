#!/usr/bin/env bash
# Installs the Debian 12 packages geokg needs to build, test and evaluate,
# skipping those already installed.  Uses sudo when not run as root.
set -euo pipefail
packages=(meson ninja-build g++ pkg-config libboost-graph-dev rapidjson-dev libicu-dev
          libfmt-dev doctest-dev libcli11-dev libcld2-dev graphviz python3
          python3-networkx python3-igraph libxml2-utils
          libplplot-dev librsvg2-bin)  # timeline plots, and their SVG checked
# The man page (help2man) and the tests of it (man-db) and of shell completion (zsh).
packages+=(help2man zsh man-db)
if [ "${GEOKG_SANITIZE:-}" = 1 ]; then packages+=(clang libclang-rt-14-dev); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
