#!/usr/bin/env bash
# Times each `geokg query` command on a graph of the whole 10kGNAD test split
# (../shared/corpus/gnad-test.jsonl).  The graph is built once into the build
# directory and reused while it is newer than the corpus and the binary.
#
# usage: scripts/bench_query.sh [BUILD_DIR]   (default: build)
#        RUNS=N sets the repetitions per command (default 5; the best is shown).
#        GRAPH=FILE times the commands on that graph instead, e.g. a large one from
#        scripts/bench/make_graph.py 5000 200000 /tmp/big.json (80 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
corpus=../shared/corpus/gnad-test.jsonl
runs=${RUNS:-5}
if [ -z "${GRAPH:-}" ] && [ ! -f "$corpus" ]; then
  echo "bench_query: $corpus is not here (../shared is absent); nothing to measure"
  exit 0
fi
geokg=$build/tools/geokg
if [ ! -x "$geokg" ]; then
  [ -f "$build/build.ninja" ] || meson setup "$build" >/dev/null
  ninja -C "$build" >/dev/null
fi
export GEOKG_DATA_DIR=${GEOKG_DATA_DIR:-$PWD/data}
graph=${GRAPH:-$build/bench-gnad-test.json}
if [ -z "${GRAPH:-}" ] && { [ ! -f "$graph" ] || [ "$corpus" -nt "$graph" ] || [ "$geokg" -nt "$graph" ]; }; then
  echo "building $graph from $corpus ..."
  start=$(date +%s.%N)
  "$geokg" build "$corpus" -o "$graph" --quiet || [ $? -eq 1 ]  # 1: some documents skipped
  echo "built in $(echo "$(date +%s.%N) - $start" | bc) s"
fi

# Actors for the pairwise commands: the two strongest relations' ends, so the
# questions have answers whatever the extractor finds.
read -r src rel dst < <("$geokg" query "$graph" relations --top 1 --format tsv | sed -n 2p |
                         cut -f1-3 | tr '\t' ' ')
far=$("$geokg" query "$graph" actors --top 0 --format tsv | tail -n 1 | cut -f2)
echo "graph: $(stat -c %s "$graph") bytes; strongest relation $src $rel $dst; weakest actor $far"

time_cmd() {
  local best="" rc=0
  for _ in $(seq "$runs"); do
    local t0 t1 ms
    t0=$(date +%s%N)
    "$geokg" query "$graph" "$@" --format tsv >/dev/null 2>&1 || rc=$?
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  printf '%6d ms  query %s%s\n' "$best" "$*" "$([ "$rc" -eq 0 ] || echo " (exit $rc)")"
}

echo "best of $runs runs per command:"
time_cmd stats
time_cmd actors --top 20
time_cmd actors --top 20 --by pagerank
time_cmd actors --top 20 --by betweenness
time_cmd relations --top 50
time_cmd relations --type THREATEN,SANCTION --since 2015 --until 2016-06
time_cmd between "$src" "$dst"
time_cmd neighbors "$src" --depth 2
time_cmd path "$far" "$src"
time_cmd evidence "$src" "$rel" "$dst"
# Names that are no node label: the dictionary is loaded to resolve them.
time_cmd between Österreich Deutschland
time_cmd neighbors Wien
