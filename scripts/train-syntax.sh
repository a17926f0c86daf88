#!/usr/bin/env bash
# Trains the shipped syntax models from the Universal Dependencies treebanks in
# ../shared/ud (README.md there names their sources and licences):
#   data/models/de.syntax  de_gsd-ud-dev.conllu + de_pud-ud-test.conllu
#   data/models/en.syntax  en_ewt-ud-dev.conllu + en_gum-cc-by.conllu
# never the held-out test sets de_gsd-ud-test.conllu and en_ewt-ud-test.conllu,
# which scripts/evaluate-syntax.sh scores.  Builds geokg first (a release build),
# trains both languages at once (one core each) with seed 1 and the default
# epochs, and prints the time taken.  The same files give the same bytes on
# every machine, which --check shows: it trains into a temporary folder and
# compares with the committed models (cmp), exit 1 on a difference.
# Skips cleanly (exit 0) when ../shared/ud is absent.
#
# Usage: scripts/train-syntax.sh [--check] [-b BUILD_DIR]
#   --check  train into a temporary folder and compare with data/models/
#   -b       release build directory (default build, the project's release default;
#            set up if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

check=0
build_dir=build
while [ $# -gt 0 ]; do
  case $1 in
    --check) check=1 ;;
    -b) [ $# -ge 2 ] || { echo "train-syntax: -b wants a directory" >&2; exit 2; }
        build_dir=$2; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "train-syntax: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

ud=${GEOKG_SHARED:-../shared}/ud
de_files=("$ud/de_gsd-ud-dev.conllu" "$ud/de_pud-ud-test.conllu")
en_files=("$ud/en_ewt-ud-dev.conllu" "$ud/en_gum-cc-by.conllu")
if [ ! -d "$ud" ]; then
  echo "train-syntax: $ud not found; skipping (the treebanks are not part of the repository)"
  exit 0
fi
for f in "${de_files[@]}" "${en_files[@]}"; do
  [ -f "$f" ] || { echo "train-syntax: $f missing" >&2; exit 2; }
done

# Training is long; a debug build would make it much longer, and the models
# must not depend on how geokg was built.
if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir" --buildtype=release >/dev/null
fi
buildtype=$(meson introspect --buildoptions "$build_dir" |
  /usr/bin/python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"]=="buildtype"))')
if [ "$buildtype" != release ]; then
  echo "train-syntax: $build_dir is a $buildtype build; use a release build (-b DIR)" >&2
  exit 2
fi
ninja -C "$build_dir" tools/geokg >/dev/null
geokg=$root/$build_dir/tools/geokg
export GEOKG_DATA_DIR=${GEOKG_DATA_DIR:-$root/data}

if [ "$check" = 1 ]; then
  out=$(mktemp -d "${TMPDIR:-/tmp}/geokg-train-syntax.XXXXXX")
  trap 'rm -rf "$out"' EXIT
else
  out=$root/data/models
  mkdir -p "$out"
fi

# train LANG FILE...: one model, its progress lines prefixed with the language.
train() {
  local lang=$1 start=$SECONDS
  shift
  "$geokg" train-syntax --lang "$lang" --seed 1 -o "$out/$lang.syntax" "$@" 2>&1 |
    sed -u "s/^/$lang: /"
  echo "$lang: trained in $((SECONDS - start)) s"
}

start=$SECONDS
echo "train-syntax: training de and en in parallel into $out"
train de "${de_files[@]}" & de_pid=$!
train en "${en_files[@]}" & en_pid=$!
status=0
wait "$de_pid" || { echo "train-syntax: German training failed" >&2; status=2; }
wait "$en_pid" || { echo "train-syntax: English training failed" >&2; status=2; }
elapsed=$((SECONDS - start))
echo "train-syntax: took $((elapsed / 60)) min $((elapsed % 60)) s"
[ "$status" = 0 ] || exit "$status"

if [ "$check" = 1 ]; then
  for lang in de en; do
    shipped=$root/data/models/$lang.syntax
    if [ ! -f "$shipped" ]; then
      echo "train-syntax: $shipped is not there to compare with"
      status=1
    elif cmp "$shipped" "$out/$lang.syntax"; then
      echo "train-syntax: $shipped is reproduced byte for byte"
    else
      echo "train-syntax: $shipped differs from the model trained now"
      status=1
    fi
  done
  exit "$status"
fi
ls -l "$out/de.syntax" "$out/en.syntax"
