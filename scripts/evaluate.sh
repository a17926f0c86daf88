#!/usr/bin/env bash
# Scores geokg extract on the development gold sets in ../shared (the example
# article, two sets of German news, English PLOVER sentences, English
# Wikinews).  Skips cleanly when ../shared is absent.  Usage: scripts/evaluate.sh [--show-errors] [GEOKG_BINARY]
set -uo pipefail
cd "$(dirname "$0")/.."
show=""
[ "${1:-}" = "--show-errors" ] && { show="--show-errors"; shift; }
geokg=${1:-build/tools/geokg}
shared=${GEOKG_SHARED:-../shared}
if [ ! -d "$shared/gold" ] || [ ! -f "$shared/tools/score.py" ]; then
  echo "evaluate: $shared/gold not found; skipping (the gold sets are not part of the repository)"
  exit 0
fi
[ -x "$geokg" ] || { echo "evaluate: $geokg not built (meson setup build && meson compile -C build)" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
for set in seed:seed-docs gnad-dev:gnad-test gnad-dev2:gnad-test plover-dev:plover-dev-docs \
           wikinews-en:wikinews-en-docs; do
  name=${set%%:*} gold=$shared/gold/${set%%:*}-gold.jsonl docs=$shared/corpus/${set#*:}.jsonl
  [ -f "$gold" ] && [ -f "$docs" ] || { echo "$name: missing $gold or $docs; skipped"; continue; }
  # Only the documents the gold file scores.
  python3 - "$gold" "$docs" >"$tmp/docs.jsonl" <<'PY'
import json, sys
ids = {json.loads(l)["doc"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()}
for line in open(sys.argv[2], encoding="utf-8"):
    if line.strip() and json.loads(line)["id"] in ids:
        sys.stdout.write(line)
PY
  if ! "$geokg" extract -q "$tmp/docs.jsonl" -o "$tmp/$name.jsonl"; then
    echo "$name: geokg extract failed"; status=1; continue
  fi
  echo "== $name"
  python3 "$shared/tools/score.py" --gold "$gold" --pred "$tmp/$name.jsonl" $show | grep -v "^  [A-Z]" || status=1
done
exit $status
