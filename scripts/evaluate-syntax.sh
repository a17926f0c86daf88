#!/usr/bin/env bash
# Scores geokg's syntax models on the held-out Universal Dependencies test sets
# in ../shared/ud, which no shipped model was trained on (scripts/train-syntax.sh):
#   en_ewt-ud-test.conllu with data/models/en.syntax
#   de_gsd-ud-test.conllu with data/models/de.syntax
# Each is parsed with `geokg parse --input-format conllu` (the gold words kept,
# everything else predicted) and scored by scripts/conllu_score.py: UPOS,
# lemma, UAS, LAS (universal relation, as CoNLL 2018) and full-label LAS,
# German Case, Number and Gender, and attachment P/R/F1 per relation.
# Punctuation counts, as in UD's evaluation.
#
# Then a 5-fold cross-validation by document over every German file
# (de_gsd-ud-dev, de_gsd-ud-test, de_pud-ud-test): documents in file order
# (from "# newdoc id"; a GSD sentence, which has none, is a document of its
# own) go round-robin into five folds; each fold is parsed by a model trained
# with `geokg train-syntax` on the other four, two folds at a time.  Prints
# UPOS, UAS and LAS per fold and pooled over all folds.  It trains five
# models, so it takes a while; --no-cv skips it.
#
# Skips cleanly (exit 0) when ../shared/ud is absent.
#
# Usage: scripts/evaluate-syntax.sh [--no-cv] [--thresholds] [-b BUILD_DIR]
#   --no-cv       only the test sets
#   --thresholds  exit 1 if English UPOS < 0.94, UAS < 0.83 or LAS < 0.79, or
#                 German UPOS < 0.92, UAS < 0.78 or LAS < 0.71 on the test sets
#   -b            build directory (default build; set up as release if needed)
# Exit status: 0 good, 1 a score below its threshold, 2 a failure.
# GEOKG_CV_TRAIN_ARGS adds options to the folds' train-syntax, e.g.
# "--tagger-epochs 1 --parser-epochs 1" for a quick check of this script.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

cv=1
thresholds=0
build_dir=build
while [ $# -gt 0 ]; do
  case $1 in
    --no-cv) cv=0 ;;
    --thresholds) thresholds=1 ;;
    -b) [ $# -ge 2 ] || { echo "evaluate-syntax: -b wants a directory" >&2; exit 2; }
        build_dir=$2; shift ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "evaluate-syntax: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

ud=${GEOKG_SHARED:-../shared}/ud
if [ ! -d "$ud" ]; then
  echo "evaluate-syntax: $ud not found; skipping (the treebanks are not part of the repository)"
  exit 0
fi

if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir" --buildtype=release >/dev/null || exit 2
fi
ninja -C "$build_dir" tools/geokg >/dev/null || { ninja -C "$build_dir" tools/geokg; exit 2; }
geokg=$root/$build_dir/tools/geokg
data=$(cd "${GEOKG_DATA_DIR:-$root/data}" && pwd) || exit 2
export GEOKG_DATA_DIR=$data
score=(/usr/bin/python3 "$root/scripts/conllu_score.py" score)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/geokg-evaluate-syntax.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
status=0

# test LANG GOLD FEATS MIN_UPOS MIN_UAS MIN_LAS
test_set() {
  local lang=$1 gold=$ud/$2 feats=$3 limits=()
  [ "$thresholds" = 1 ] && limits=(--min-upos "$4" --min-uas "$5" --min-las "$6")
  if [ ! -f "$data/models/$lang.syntax" ]; then
    echo "evaluate-syntax: $data/models/$lang.syntax missing (scripts/train-syntax.sh makes it)" >&2
    status=2
    return
  fi
  [ -f "$gold" ] || { echo "evaluate-syntax: $gold missing" >&2; status=2; return; }
  if ! "$geokg" parse -q --lang "$lang" --input-format conllu "$gold" -o "$tmp/$lang.conllu"; then
    echo "evaluate-syntax: geokg parse failed on $gold" >&2
    status=2
    return
  fi
  "${score[@]}" --name "${2%.conllu}" --feats "$feats" "${limits[@]}" "$gold" "$tmp/$lang.conllu"
  local rc=$?
  [ "$rc" -gt "$status" ] && status=$rc
}

test_set en en_ewt-ud-test.conllu "" 0.94 0.83 0.79
test_set de de_gsd-ud-test.conllu Case,Number,Gender 0.92 0.78 0.71

[ "$cv" = 1 ] || exit "$status"

german=("$ud/de_gsd-ud-dev.conllu" "$ud/de_gsd-ud-test.conllu" "$ud/de_pud-ud-test.conllu")
echo
echo "== German 5-fold cross-validation by document over ${german[*]##*/}"
/usr/bin/python3 scripts/conllu_score.py folds --folds 5 --out "$tmp/cv" "${german[@]}" || exit 2

# fold K: train on the other folds, parse fold K with that model (through a
# data folder of its own, since geokg parse reads models/de.syntax there).
fold() {
  local k=$1 dir=$tmp/cv/data-$1 start=$SECONDS
  mkdir -p "$dir/models"
  ln -s "$data/actors" "$dir/actors"
  ln -s "$data/triggers" "$dir/triggers"
  # shellcheck disable=SC2086  # GEOKG_CV_TRAIN_ARGS holds several options
  "$geokg" train-syntax -q --lang de --seed 1 ${GEOKG_CV_TRAIN_ARGS:-} -o "$dir/models/de.syntax" \
    "$tmp/cv/fold-$k-train.conllu" || return 1
  GEOKG_DATA_DIR=$dir "$geokg" parse -q --lang de --input-format conllu \
    "$tmp/cv/fold-$k-test.conllu" -o "$tmp/cv/fold-$k-pred.conllu" || return 1
  echo "fold $k: trained and parsed in $((SECONDS - start)) s"
}

# Two folds at a time: one per core.
start=$SECONDS
for pair in "1 2" "3 4" "5"; do
  pids=()
  for k in $pair; do
    fold "$k" & pids+=($!)
  done
  for pid in "${pids[@]}"; do
    wait "$pid" || { echo "evaluate-syntax: a fold failed" >&2; exit 2; }
  done
done
echo "cross-validation took $(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s"
for k in 1 2 3 4 5; do
  "${score[@]}" --brief --name "fold $k" "$tmp/cv/fold-$k-test.conllu" \
    "$tmp/cv/fold-$k-pred.conllu" || exit 2
done
cat "$tmp"/cv/fold-{1,2,3,4,5}-test.conllu >"$tmp/cv/gold.conllu"
cat "$tmp"/cv/fold-{1,2,3,4,5}-pred.conllu >"$tmp/cv/pred.conllu"
"${score[@]}" --brief --name "pooled" "$tmp/cv/gold.conllu" "$tmp/cv/pred.conllu" || exit 2
exit "$status"
