#!/usr/bin/env bash
# Proves that a change left geokg's events as they were: runs `geokg extract` of
# a reference revision and of the current tree on the shared corpora (skipped
# when ../shared is absent), on examples/ and on the sentences of the test case
# tables tests/relations/cases/*.tsv (one document per row), each with and
# without --explain, at -j 1 and -j 2, and compares the outputs byte for byte,
# with the exit status.  Only the data path in "rule" is normalised:
# "verb frame (/abs/data/triggers/de.tsv:268)" equals "verb frame (triggers/de.tsv:268)".
# Prints one line per input and mode; exits 1 on any difference.
#
# Usage: scripts/check-identical.sh [-b BASE_REV] [-c REV] [-r REF_BUILD_DIR] [-B BUILD_DIR] [-j N]
#   -b REV  reference revision (default 09516f0), checked out once as a detached
#           worktree in build-ref/<commit>/ and built there (release, no tests);
#           later runs reuse it
#   -c REV  check revision REV (built the same way) instead of the current tree,
#           e.g. the last commit of a refactoring series:
#           scripts/check-identical.sh -b 09516f0 -c 47a0467
#   -r DIR  use this existing reference build instead (DIR/tools/geokg), e.g.
#           /work/wt-base/build; it is run as it is, not rebuilt
#   -B DIR  the current tree's meson build dir (default build; set up if missing)
#   -j N    ninja jobs for the builds (default 2)
# GEOKG_SHARED names the shared folder (default ../shared).  GEOKG_DATA_DIR is
# ignored: each binary reads the data/ of its own source tree.
set -euo pipefail
cd "$(dirname "$0")/.."
base=09516f0 ref_build="" build=build jobs=2 check=""
while getopts b:c:r:B:j:h opt; do
  case $opt in
    b) base=$OPTARG ;;
    c) check=$OPTARG ;;
    r) ref_build=$OPTARG ;;
    B) build=$OPTARG ;;
    j) jobs=$OPTARG ;;
    *) sed -n '2,/^set /{/^set /d;s/^# \{0,1\}//;p}' "$0"; exit 2 ;;
  esac
done
unset GEOKG_DATA_DIR

# Builds revision $1 once in build-ref/<commit>/build; prints that dir.
build_rev() {
  local commit src
  commit=$(git rev-parse --verify "$1^{commit}")
  src=build-ref/$commit
  if [ ! -d "$src" ]; then
    echo "checking out $1 in $src" >&2
    git worktree add --quiet --detach "$src" "$commit"
  fi
  [ -d "$src/build" ] || meson setup "$src/build" "$src" --buildtype=release -Dtests=false >/dev/null
  echo "building $1 in $src/build" >&2
  ninja -C "$src/build" -j "$jobs" tools/geokg >/dev/null
  echo "$src/build"
}
[ -n "$ref_build" ] || ref_build=$(build_rev "$base")
if [ -n "$check" ]; then
  build=$(build_rev "$check")
else
  [ -d "$build" ] || meson setup "$build" >/dev/null
  echo "building the current tree in $build" >&2
  ninja -C "$build" -j "$jobs" tools/geokg >/dev/null
fi
ref_bin=$ref_build/tools/geokg new_bin=$build/tools/geokg
[ -x "$ref_bin" ] || { echo "check-identical: $ref_bin not built" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inputs=()
shared=${GEOKG_SHARED:-../shared}
for name in gnad-test plover-dev-docs seed-docs wikinews-en-docs; do
  if [ -f "$shared/corpus/$name.jsonl" ]; then
    inputs+=("$shared/corpus/$name.jsonl")
  else
    echo "skipped      $shared/corpus/$name.jsonl (not found; the corpora are not in the repository)"
  fi
done
inputs+=(examples/sample.jsonl examples/articles)
# One JSONL document per table row, with the row's language (the `lang` column,
# or the file name); see tests/relations/cases/README.md.
for table in tests/relations/cases/*.tsv; do
  [ -f "$table" ] || continue
  jsonl=$tmp/$table.jsonl
  mkdir -p "$(dirname "$jsonl")"
  awk -F'\t' -v file="$(basename "$table")" '
    function esc(s) { gsub(/[\\"]/, "\\\\&", s); return s }
    /^#/ || /^[ \t]*$/ { next }
    !header { header = 1; has_lang = ($1 == "lang"); next }
    { lang = has_lang ? $1 : file; sub(/\.tsv$/, "", lang)
      printf "{\"id\":\"%s:%d\",\"lang\":\"%s\",\"text\":\"%s\"}\n", file, FNR, lang, esc(has_lang ? $2 : $1) }
  ' "$table" >"$jsonl"
  inputs+=("$jsonl")
done

# The data path in "rule" only: the reference prints the absolute path.
norm='s#("rule":"[^"]*\()(/[^()"]*/)?(triggers/[a-z]+\.tsv:[0-9]+\))#\1\3#g'
run() {  # BINARY ARGS... -> normalised output, then the exit status if not 0
  "$@" || echo "exit status $?"
}
status=0
for input in "${inputs[@]}"; do
  for explain in "" --explain; do
    for j in 1 2; do
      run "$ref_bin" extract -q $explain -j $j "$input" | sed -E "$norm" >"$tmp/ref"
      run "$new_bin" extract -q $explain -j $j "$input" | sed -E "$norm" >"$tmp/new"
      what="${input#"$tmp/"} ${explain:-plain} -j $j"
      if cmp -s "$tmp/ref" "$tmp/new"; then
        echo "identical    $what ($(wc -l <"$tmp/new") lines)"
      else
        echo "DIFFERENT    $what"
        diff "$tmp/ref" "$tmp/new" | head -n 8 || true
        status=1
      fi
    done
  done
done
exit $status
