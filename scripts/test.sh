#!/usr/bin/env bash
# Installs what is missing, builds geokg and runs the whole test suite; the
# last line counts test cases: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh || exit 2
builddir=${GEOKG_BUILD:-build}
[ -f "$builddir/build.ninja" ] || meson setup "$builddir" -Dtests=true >/dev/null || exit 2
meson configure "$builddir" -Dtests=true >/dev/null
meson compile -C "$builddir" >/dev/null || { meson compile -C "$builddir"; exit 2; }
meson test -C "$builddir" --print-errorlogs "$@"
status=$?
/usr/bin/python3 scripts/count_tests.py "$builddir/meson-logs/testlog.json"
exit $status
