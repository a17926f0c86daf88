#!/usr/bin/env bash
# Builds geokg and the whole test suite with AddressSanitizer and
# UndefinedBehaviorSanitizer (clang) in build-asan, then runs every test.  The
# last line counts test cases: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
GEOKG_SANITIZE=1 scripts/install-deps.sh || exit 2
builddir=${GEOKG_ASAN_BUILD:-build-asan}
if [ ! -f "$builddir/build.ninja" ]; then
  # b_lundef=false: the sanitizer runtimes live in the executables, so the
  # shared library must be allowed to link with their symbols unresolved.
  CC=clang CXX=clang++ meson setup "$builddir" -Dtests=true -Dbuildtype=debugoptimized \
    -Db_sanitize=address,undefined -Db_lundef=false >/dev/null || exit 2
fi
meson compile -C "$builddir" >/dev/null || { meson compile -C "$builddir"; exit 2; }
# Undefined behaviour must fail the test, not just print a line (suppressed
# only in third-party headers, see scripts/ubsan.supp); a leak is a finding
# too.  Tests that start geokg themselves pass these on to it.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1:suppressions=$PWD/scripts/ubsan.supp}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}
# The instrumented code runs about three times slower.
meson test -C "$builddir" --print-errorlogs --timeout-multiplier 3 "$@"
status=$?
/usr/bin/python3 scripts/count_tests.py "$builddir/meson-logs/testlog.json"
exit $status
