#!/usr/bin/env bash
# Throughput and memory benchmark for geokg extract and build (issue 6).
#
# Builds a corpus of the requested size by repeating the source articles under
# new ids, then times, on that one corpus in one run:
#   floor      scripts/bench/icu_floor: RapidJSON + ICU sentence and word
#              boundaries only, the least any extractor has to do; timed both
#              ways ICU walks a text (a UText over the UTF-8, and a UTF-16 copy),
#              and the faster is the floor, so the ratio to it is honest
#   extract    geokg extract -j 1, and -j N (N = cores unless -j is given)
#   build      geokg build -j N -o graph.json
# and prints MB/s, sentences/s, peak RSS and the ratios the issue asks for.
# With -l it shows instead whether build stays linear (issue 11): extract and
# build -j N on 1x, 2x and 4x the corpus and on one document of 10,000
# sentences, each build time against extract's (goal: at most 1.5x).
# Not a test: it takes minutes and its numbers depend on the machine.
#
# Usage: scripts/bench.sh [-s SOURCE.jsonl] [-n SIZE] [-j N] [-r ROUNDS] [-b BUILD_DIR] [-k] [-l]
#   -s  source articles, JSONL (default ../shared/corpus/gnad-test.jsonl)
#   -n  corpus size: bytes, or with suffix K, M, G (default 100M; 1G for the RSS check)
#   -j  worker threads for the parallel runs (default: the number of cores)
#   -r  rounds (default 5): every run is repeated, the rounds interleaved, and
#       each run's fastest round is reported (peak RSS: the largest), so that a
#       burst of other work on a shared machine skews no single ratio
#   -b  release build directory (default build-bench; set up and built if needed)
#   -k  keep the temporary directory (corpus and outputs) and print its path
#   -l  linearity of build instead: SIZE is the 1x corpus (4x is written too)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

source_corpus=../shared/corpus/gnad-test.jsonl
size=100M
jobs=$(nproc)
rounds=5
build_dir=build-bench
keep=0
linear=0
while getopts "s:n:j:r:b:klh" opt; do
  case $opt in
    s) source_corpus=$OPTARG ;;
    n) size=$OPTARG ;;
    j) jobs=$OPTARG ;;
    r) rounds=$OPTARG ;;
    b) build_dir=$OPTARG ;;
    k) keep=1 ;;
    l) linear=1 ;;
    h) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) exit 2 ;;
  esac
done

if [ ! -f "$source_corpus" ]; then
  echo "bench: source corpus $source_corpus not found; nothing to measure (give one with -s)" >&2
  exit 0
fi

case $size in
  *[kK]) target=$(( ${size%[kK]} * 1000 )) ;;
  *[mM]) target=$(( ${size%[mM]} * 1000000 )) ;;
  *[gG]) target=$(( ${size%[gG]} * 1000000000 )) ;;
  *[!0-9]*|'') echo "bench: -n wants a size such as 100M or 1G, not '$size'" >&2; exit 2 ;;
  *) target=$size ;;
esac

# GNU time reports peak RSS; the shell's time keyword does not.
if [ ! -x /usr/bin/time ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "bench: installing GNU time" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends time >/dev/null
fi

# Numbers from a debug build would say nothing, so the build must be release.
if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir" --buildtype=release >/dev/null
fi
buildtype=$(meson introspect --buildoptions "$build_dir" |
  /usr/bin/python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"]=="buildtype"))')
if [ "$buildtype" != release ]; then
  echo "bench: $build_dir is a $buildtype build; use a release build (-b DIR)" >&2
  exit 2
fi
ninja -C "$build_dir" tools/geokg scripts/bench/icu_floor >/dev/null
geokg=$root/$build_dir/tools/geokg
floor=$root/$build_dir/scripts/bench/icu_floor
export GEOKG_DATA_DIR=${GEOKG_DATA_DIR:-$root/data}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/geokg-bench.XXXXXX")
if [ "$keep" = 1 ]; then echo "bench: keeping $tmp" >&2; else trap 'rm -rf "$tmp"' EXIT; fi
corpus=$tmp/corpus.jsonl

# make_corpus BYTES FILE: the source articles repeated to BYTES.
# Each repetition gives every article a new id (ID-rN), so nothing downstream
# can treat a copy as the same document by id; the texts repeat unchanged.
make_corpus() {
/usr/bin/python3 - "$source_corpus" "$2" "$1" <<'EOF'
import json, sys
src, dst, target = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = []
with open(src, encoding="utf-8") as f:
    for n, line in enumerate(f):
        if not line.strip():
            continue
        d = json.loads(line)
        base = str(d.pop("id", n))
        # The rest of the object is serialised once; each copy only prepends its id.
        rest = json.dumps(d, ensure_ascii=False)[1:]
        docs.append((base, (", " + rest) if rest != "}" else "}"))
if not docs:
    sys.exit(f"bench: no articles in {src}")
written, rep = 0, 0
with open(dst, "w", encoding="utf-8") as out:
    while written < target:
        rep += 1
        for base, rest in docs:
            line = '{"id": ' + json.dumps(f"{base}-r{rep}", ensure_ascii=False) + rest + "\n"
            written += len(line.encode("utf-8"))
            out.write(line)
            if written >= target:
                break
EOF
}

# run NAME CMD...: wall seconds, peak RSS (KB) and CPU seconds (user + system)
# into $tmp/NAME.time; stdout
# to $tmp/NAME.out, stderr to $tmp/NAME.err.  geokg's exit 1 (some documents
# skipped) is not a failure of the benchmark.
run() {
  local name=$1; shift
  echo "bench: $name: $*" >&2
  local rc=0
  /usr/bin/time -f "%e %M %U %S" -o "$tmp/$name.time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "bench: $name failed (exit $rc):" >&2
    tail -5 "$tmp/$name.err" >&2
    exit 1
  fi
}

# fastest NAME: the wall seconds of NAME's fastest round.
fastest() {
  for round in $(seq "$rounds"); do cut -d' ' -f1 "$tmp/$1.$round.time"; done | sort -n | head -1
}

case $rounds in ''|*[!0-9]*|0) echo "bench: -r wants a positive number of rounds, not '$rounds'" >&2; exit 2 ;; esac

# Linearity (-l): build must cost about what extract costs at every size; a
# quadratic step shows as a ratio growing with the size, or on one document
# whose many sentences all support one relation.
if [ "$linear" = 1 ]; then
  for x in 1 2 4; do make_corpus $((target * x)) "$tmp/corpus${x}x.jsonl"; done
  /usr/bin/python3 - "$tmp/one10k.jsonl" <<'EOF'
import json, sys
text = " ".join(["Russland hat die Ukraine angegriffen."] * 10000)
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write(json.dumps({"id": "one", "date": "2024-01-01", "text": text}) + "\n")
EOF
  inputs="corpus1x corpus2x corpus4x one10k"
  for round in $(seq "$rounds"); do
    for input in $inputs; do
      run "extract_$input.$round" "$geokg" extract -q -j "$jobs" "$tmp/$input.jsonl"
      run "build_$input.$round" "$geokg" build -q -j "$jobs" "$tmp/$input.jsonl" -o "$tmp/graph.json"
    done
  done
  echo
  echo "build linearity: extract and build -j $jobs, fastest of $rounds rounds, $(nproc) cores"
  printf "%-34s %10s %10s %14s\n" input "extract s" "build s" "build/extract"
  for input in $inputs; do
    what="one document of 10,000 sentences"
    [ "$input" = one10k ] ||
      what="${input#corpus} corpus, $(awk -v b="$(stat -c %s "$tmp/$input.jsonl")" 'BEGIN{printf "%.1f MB", b/1e6}')"
    awk -v w="$what" -v e="$(fastest "extract_$input")" -v b="$(fastest "build_$input")" \
      'BEGIN { printf "%-34s %10.2f %10.2f %14.2f\n", w, e, b, b / (e > 0 ? e : 0.01) }'
  done
  echo "(goal: build/extract <= 1.5 at every size)"
  exit 0
fi

make_corpus "$target" "$corpus"
bytes=$(stat -c %s "$corpus")
docs=$(wc -l < "$corpus")
echo "bench: corpus $(awk -v b="$bytes" 'BEGIN{printf "%.1f MB", b/1e6}'), $docs documents from $source_corpus" >&2

load_before=$(cut -d' ' -f1 /proc/loadavg)
# The page cache is warmed once so that no run pays for the first read alone.
cat "$corpus" >/dev/null
for round in $(seq "$rounds"); do
  run "floor_utext.$round" "$floor" --utext "$corpus"
  run "floor_utf16.$round" "$floor" --utf16 "$corpus"
  run "extract_j1.$round" "$geokg" extract -q -j 1 "$corpus"
  run "extract_jN.$round" "$geokg" extract -q -j "$jobs" "$corpus"
  run "build_jN.$round" "$geokg" build -q -j "$jobs" "$corpus" -o "$tmp/graph.json"
done
# Each run's fastest round stands for it; its peak RSS is the largest seen.
for name in floor_utext floor_utf16 extract_j1 extract_jN build_jN; do
  best=$(for round in $(seq "$rounds"); do echo "$(cut -d' ' -f1 "$tmp/$name.$round.time") $round"; done |
         sort -n | head -1 | cut -d' ' -f2)
  peak=$(for round in $(seq "$rounds"); do cut -d' ' -f2 "$tmp/$name.$round.time"; done | sort -n | tail -1)
  awk -v p="$peak" '{ $2 = p; print }' "$tmp/$name.$best.time" >"$tmp/$name.time"
  cp "$tmp/$name.$best.out" "$tmp/$name.out"
done

identical=yes
for round in $(seq "$rounds"); do
  cmp -s "$tmp/extract_j1.1.out" "$tmp/extract_j1.$round.out" || identical=NO
  cmp -s "$tmp/extract_j1.1.out" "$tmp/extract_jN.$round.out" || identical=NO
done
t() { cut -d' ' -f1 "$tmp/$1.time"; }
# The floor is the faster of the two ICU passes.
floor_mode=utf16
awk -v a="$(t floor_utext)" -v b="$(t floor_utf16)" 'BEGIN { exit !(a < b) }' && floor_mode=utext
cp "$tmp/floor_$floor_mode.time" "$tmp/floor.time"
sentences=$(sed -n 's/.*sentences=\([0-9]*\).*/\1/p' "$tmp/floor_$floor_mode.out")
events=$(wc -l < "$tmp/extract_j1.out")

rss() { cut -d' ' -f2 "$tmp/$1.time"; }
cpu() { awk '{ print $3 + $4 }' "$tmp/$1.time"; }
row() {
  awk -v name="$1" -v s="$(t "$2")" -v c="$(cpu "$2")" -v k="$(rss "$2")" -v b="$bytes" \
    -v n="$sentences" \
    'BEGIN { if (s <= 0) s = 0.01;
             printf "%-16s %8.2f %8.2f %8.1f %12.0f %8.1f\n", name, s, c, b/1e6/s, n/s, k/1024 }'
}
echo
echo "corpus: $(awk -v b="$bytes" 'BEGIN{printf "%.1f MB", b/1e6}'), $docs documents, $sentences sentences (ICU count), $events events; $(nproc) cores; fastest of $rounds rounds"
printf "%-16s %8s %8s %8s %12s %8s\n" run "wall s" "cpu s" "MB/s" sentences/s "peak MB"
row "ICU UTF-16" floor_utf16
row "ICU UText UTF-8" floor_utext
row "extract -j 1" extract_j1
row "extract -j $jobs" extract_jN
row "build -j $jobs" build_jN
echo
awk -v f="$(t floor)" -v e1="$(t extract_j1)" -v en="$(t extract_jN)" -v b="$(t build_jN)" -v j="$jobs" \
  -v fc="$(cpu floor)" -v e1c="$(cpu extract_j1)" \
  -v m="$floor_mode" \
  'BEGIN { printf "floor: the faster ICU pass, %s\n", m == "utf16" ? "UTF-16" : "UText over UTF-8";
           printf "extract -j 1 speed / floor speed:    %.2f   (goal >= 0.33; by CPU time %.2f)\n", f/e1, fc/e1c;
           printf "extract -j %s speedup over -j 1:     %.2f   (goal >= 1.7 on 2 cores)\n", j, e1/en;
           printf "build -j %s time / extract -j %s time: %.2f   (goal <= 1.5)\n", j, j, b/en }'
echo "extract -j $jobs output identical to -j 1: $identical"
# Other work on the machine skews wall times, and with them every ratio above;
# the load before the runs is the others' (the runs add up to -j themselves).
echo "load average before the runs: $load_before on $(nproc) cores"
awk -v l="$load_before" -v c="$(nproc)" 'BEGIN { if (l > c * 0.5)
  print "warning: the machine was busy; wall times and ratios are not reliable" }'
[ "$identical" = yes ]
