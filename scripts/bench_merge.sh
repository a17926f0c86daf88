#!/usr/bin/env bash
# Peak memory of `geokg merge` against the number of its inputs: one corpus
# (copies of the 10kGNAD test split, each copy's ids and texts numbered so
# that nothing collapses) cut into 16 and into 64 shards, each shard built,
# then the shard graphs merged at once.  merge folds its inputs one at a time,
# so the peak should follow the merged graph, not the count of inputs.
#
# usage: scripts/bench_merge.sh [BUILD_DIR]   (default: build)
#        COPIES=N copies of the corpus (default 8); SHARDS="16 64" the counts.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
corpus=../shared/corpus/gnad-test.jsonl
[ -f "$corpus" ] || corpus=examples/sample.jsonl
geokg=$PWD/$build/tools/geokg
[ -x "$geokg" ] || { echo "bench_merge: build $geokg first" >&2; exit 2; }
export GEOKG_DATA_DIR=${GEOKG_DATA_DIR:-$PWD/data}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$corpus" "${COPIES:-8}" > "$work/all.jsonl" <<'EOF'
import json, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
for k in range(int(sys.argv[2])):
    for line in lines:
        d = json.loads(line)
        d["id"] = f"{d['id']}-c{k}"
        d["text"] = f"{d['text']} ({k})"
        print(json.dumps(d, ensure_ascii=False))
EOF
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }
echo "corpus: $(wc -l < "$work/all.jsonl") documents, $(du -h "$work/all.jsonl" | cut -f1)"
echo "one build:        $(peak "$geokg" build -q -j 1 "$work/all.jsonl" -o "$work/one.json") KB peak," \
     "graph $(du -h "$work/one.json" | cut -f1)"
for n in ${SHARDS:-16 64}; do
  mkdir "$work/s$n"
  split -n "l/$n" -d -a 3 --additional-suffix=.jsonl "$work/all.jsonl" "$work/s$n/part-"
  for f in "$work/s$n"/part-*.jsonl; do "$geokg" build -q -j 1 "$f" -o "${f%.jsonl}.json" 2>/dev/null || [ $? -eq 1 ]; done
  largest=$(du -h "$(ls -S "$work/s$n"/part-*.json | head -n 1)" | cut -f1)
  echo "merge $n shards:  $(peak "$geokg" merge "$work/s$n"/part-*.json -o "$work/m$n.json") KB peak," \
       "largest input $largest, identical to one build: $(cmp -s "$work/one.json" "$work/m$n.json" && echo yes || echo NO)"
done
