#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) in build-fuzz and runs each
# for a bounded time.  Usage: scripts/fuzz.sh [--seconds N] [target...]
# (default: 60 s for each of fuzz_document, fuzz_extract, fuzz_graph_json, fuzz_lexicon,
# fuzz_syntax).
# Corpora grow in build-fuzz/corpus/<target>, seeded from the strings below;
# a crash, leak, timeout or out-of-memory is saved in build-fuzz/findings and
# makes the script exit 1.  Turn each finding into a regression test (see
# fuzz/regressions/README.md).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=60
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=${2:?--seconds wants a number}; shift 2 ;;
    --seconds=*) seconds=${1#*=}; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
case "$seconds" in ''|*[!0-9]*) echo "fuzz.sh: --seconds wants a whole number" >&2; exit 2 ;; esac
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_document fuzz_extract fuzz_graph_json fuzz_lexicon fuzz_syntax)

GEOKG_SANITIZE=1 scripts/install-deps.sh || exit 2
builddir=${GEOKG_FUZZ_BUILD:-build-fuzz}
if [ ! -f "$builddir/build.ninja" ]; then
  # Static: one instrumented binary per target, nothing to find at run time.
  CC=clang CXX=clang++ meson setup "$builddir" -Dfuzz=true -Dtests=false \
    -Dbuildtype=debugoptimized -Ddefault_library=static \
    -Db_sanitize=address,undefined -Db_lundef=false >/dev/null || exit 2
fi
ninja -C "$builddir" "${targets[@]/#/fuzz/}" >/dev/null || { ninja -C "$builddir" "${targets[@]/#/fuzz/}"; exit 2; }

# Seeds: a few small inputs of the shapes each target reads.
seed() {  # seed TARGET NAME CONTENT (printf format, so \xNN escapes work)
  mkdir -p "$builddir/corpus/$1"
  printf "$3" > "$builddir/corpus/$1/seed-$2"
}
seed fuzz_document jsonl '{"id":"a","text":"Die USA haben Nordkorea gewarnt.","date":"2024-03-01","lang":"de"}\n{"id":"b","text":"x"}\n'
seed fuzz_document bad '{"id":"a","text":\n[1]\n{"id":"c"}\n{"text":5}\n{"id":"a","text":"dup","extra":{"k":[1,2]}}\n'
seed fuzz_document bom '\xef\xbb\xbf{"id":"a","text":"caf\xc3\xa9\r\nok\r"}\r\n'
seed fuzz_document utf16 '\xff\xfeD\x00i\x00e\x00 \x00U\x00S\x00A\x00'
seed fuzz_document broken 'Die \xc3(USA\x00 haben \xed\xa0\x80 Nordkorea \xf0\x9f\x98 gewarnt.'
seed fuzz_document array '[{"id":1,"text":"a"},{"id":1.5,"text":"b","title":null},"x",{"text":"\\u0000\\udc00"}]'
seed fuzz_extract de '\x01Die USA haben Nordkorea gewarnt. Merkel kritisierte Russland am 3. Oktober.'
seed fuzz_extract en '\x02The United States warned North Korea, said Mr. Biden. France did not condemn Russia.'
seed fuzz_extract list '\x01Frankreich, Deutschland, Italien und Polen kritisierten Russland, sagte er.'
seed fuzz_extract quote '\x00\xe2\x80\x9eWir werden sanktionieren\xe2\x80\x9c, drohte die EU China \xe2\x80\x93 z. B. heute.'
seed fuzz_graph_json graph '{"format":"geokg-graph","version":1,"level":"actor","documents":{"g1":{"hash":"30a208c188c07bc2","date":""}},"nodes":[{"id":"PRK","label":"North Korea","name_de":"Nordkorea","name_en":"North Korea","code":"PRK","type":"state"},{"id":"USA","label":"United States","name_de":"Vereinigte Staaten","name_en":"United States","code":"USA","type":"state"},{"id":"merkel","label":"Angela Merkel","name_de":"Angela Merkel","name_en":"Angela Merkel","code":"DEU","type":"person"}],"edges":[{"source":"USA","target":"PRK","kind":"event","relation":"THREATEN","status":"fact","quad":"verbal-conflict","weight":1,"documents":1,"first_seen":"2024-01-01","last_seen":"2024-01-02","evidence":[{"doc":"g1","sentence":0,"date":"2024-01-01","text":"Die USA haben Nordkorea gewarnt.","trigger":"gewarnt","attributed_to":""}]},{"source":"merkel","target":"USA","kind":"affiliation","weight":1,"documents":0,"first_seen":"","last_seen":"","evidence":[]}]}'
seed fuzz_graph_json state '{"format":"geokg-graph","version":1,"level":"state","documents":{},"nodes":[],"edges":[]}'
seed fuzz_graph_json foreign '{"nodes":[{"id":1}],"links":[]}'
seed fuzz_lexicon full '{"actors":[{"id":"kallas","code":"EU","type":"person","forms":["Kaja Kallas"],"gender":"f"},{"id":"kallas","code":"EU","type":"person","kind":"surname","lang":"de","forms":["Kallas"]},{"id":"ZOR","type":"state","kind":"label","form":"Zorbia"}],"triggers":[{"lang":"de","lemma":"an|prangern","pos":"verb","relation":"ACCUSE","source":["subj"],"target":["obj"],"flags":["mutual"],"forms":[]},{"lang":"en","lemma":"rebuke","relation":"ACCUSE","flags":["mit:AID"]},{"lang":"de","lemma":"Zurechtweisung","pos":"noun","relation":"ACCUSE","source":"gen","target":["gegen"],"forms":["Zurechtweisungen"]}]}'
seed fuzz_lexicon bad '{"actors":[{"id":"","forms":["X"]},{"id":"a","code":" ","forms":[]}],"triggers":[{"lang":"fr","lemma":"a\tb"}]}'
seed fuzz_syntax conllu '\x00# text = Er kam.\n1-2\tzum\t_\t_\t_\t_\t_\t_\t_\t_\n1\tzu\tzu\tADP\tAPPR\t_\t2\tcase\t_\t_\n2\tdem\tder\tDET\tART\t_\t0\troot\t_\t_\n2.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n\n'
seed fuzz_syntax words '\x02Am Montag hat Russland die Ukraine  angegriffen , sagte er .'
seed fuzz_syntax model '\x01GEOKG-SYNTAX\n\x01\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x01\x00\x00\x00x'
seed fuzz_lexicon deep '[[[[[[[[{"actors":[[[[["x"]]]]]}]]]]]]]]'

# Undefined behaviour is a finding, not a line in the log (third-party
# exceptions in scripts/ubsan.supp).
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1:suppressions=$PWD/scripts/ubsan.supp}

# Known-good inputs from earlier findings run first, so a regression fails fast.
status=0
mkdir -p "$builddir/findings"
for t in "${targets[@]}"; do
  regressions=()
  for f in fuzz/regressions/"$t"-*; do [ -f "$f" ] && regressions+=("$f"); done
  if [ ${#regressions[@]} -gt 0 ]; then
    "$builddir/fuzz/$t" "${regressions[@]}" >"$builddir/findings/$t-regressions.log" 2>&1 || {
      echo "$t: a regression input fails again, see $builddir/findings/$t-regressions.log"; status=1; }
  fi
  log="$builddir/findings/$t.log"
  # -timeout: an input taking 30 s is a linearity bug; -rss_limit_mb bounds
  # memory per input; -max_len lets the text targets build long sentences.
  "$builddir/fuzz/$t" "$builddir/corpus/$t" -max_total_time="$seconds" -timeout=30 \
    -rss_limit_mb=2560 -max_len=16384 -print_final_stats=1 \
    -artifact_prefix="$builddir/findings/$t-" >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1)
  if [ $rc -eq 0 ]; then
    echo "$t: ${runs:-finished}, no finding"
  else
    status=1
    echo "$t: FINDING (exit $rc), see $log:"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|artifact_prefix|Test unit written)' "$log" | head -5
  fi
done
exit $status
