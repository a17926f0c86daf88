#!/usr/bin/env bash
# Installs what is missing, builds geokg, and builds the example graphs in
# graphs/ from the articles in examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
[ -f build/build.ninja ] || meson setup build >/dev/null
meson compile -C build >/dev/null
build/tools/geokg build examples/articles examples/sample.jsonl \
  -o graphs/example.graphml -o graphs/example.dot -o graphs/example.gexf \
  -o graphs/example.json -o graphs/example.neo4j -o graphs/example.csv \
  -o graphs/example.html
dot -Tsvg graphs/example.dot -o graphs/example.svg
dot -Tpng graphs/example.dot -o graphs/example.png
# The page as headless Chromium draws it, for the README.
/usr/bin/python3 tests/export/html_page_test.py build/tools/geokg --screenshot graphs/example-html.png
build/tools/geokg query graphs/example.json timeline --per quad \
  --plot graphs/example-timeline.svg >/dev/null
echo "graphs/example.{graphml,dot,gexf,json,neo4j,csv,html,svg,png}, graphs/example-html.png and graphs/example-timeline.svg written"
