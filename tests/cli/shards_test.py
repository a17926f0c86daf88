#!/usr/bin/env python3
"""Scale-out (issue 6): graphs built from shards of a corpus and merged with
`geokg merge` equal the graph built from the whole corpus at once, byte for
byte and whatever the order or grouping of the merges; `geokg extract -j N`
writes exactly what `-j 1` writes; `extract -` on stdin (the map step under
Hadoop Streaming or Spark's RDD.pipe) writes what extract on the file writes.

Usage: shards_test.py GEOKG [--only NAME]
Needs GEOKG_DATA_DIR.  Prints one line per case and "N passed, N failed" last.
"""
import argparse
import itertools
import json
import os
import subprocess
import sys
from case_runner import run_cases

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..", "examples", "sample.jsonl")

# Sentences written for this test, so that it needs no external corpus: each
# document has events between states, persons and organisations, in German
# and English, with dates, so every part of the graph (nodes, edges,
# evidence, documents, affiliations at --level actor) takes part in merges.
OWN = [
    ("own-de-1", "de", "2024-01-10",
     "Die USA haben Nordkorea gewarnt. Frankreich kritisierte Russland scharf."),
    ("own-de-2", "de", "2024-01-11",
     "Deutschland sagte der Ukraine weitere Hilfe zu. Polen verurteilte die Angriffe Russlands."),
    ("own-de-3", "de", "2024-02-01",
     "Bundeskanzler Olaf Scholz traf den französischen Präsidenten Emmanuel Macron in Paris. "
     "Die Nato will ihre Truppen im Baltikum verstärken."),
    ("own-de-4", "de", "2024-02-03",
     "Russland hat die Ukraine in der Nacht erneut angegriffen. China forderte beide Seiten "
     "zu Gesprächen auf."),
    ("own-en-1", "en", "2024-01-15",
     "The European Union imposed new sanctions on Iran. Israel welcomed the decision."),
    ("own-en-2", "en", "2024-01-20",
     "Japan and South Korea agreed to share missile warning data. North Korea condemned the deal."),
    ("own-en-3", "en", "2024-03-02",
     "President Joe Biden met Chinese President Xi Jinping in California. "
     "The United States accused Russia of buying weapons from North Korea."),
    ("own-en-4", "en", "2024-03-05",
     "Turkey threatened to block Sweden's NATO membership. Sweden rejected the demands."),
    # The same text as own-de-1 under another id: the graph keeps one of the two
    # (by content hash) wherever the copy lands.  The copy's id sorts after the
    # original's and comes after it: a build keeps the first it reads, merge the
    # smallest (id, hash), and only then do the two rules agree.
    ("own-de-1-copy", "de", "2024-01-10",
     "Die USA haben Nordkorea gewarnt. Frankreich kritisierte Russland scharf."),
]

GEOKG = ""
CASES = []


def case(fn):
    CASES.append(fn)
    return fn


def documents():
    docs = [{"id": i, "lang": lang, "date": date, "text": text} for i, lang, date, text in OWN]
    if os.path.exists(EXAMPLES):
        with open(EXAMPLES, encoding="utf-8") as f:
            docs += [json.loads(line) for line in f if line.strip()]
    return docs


def write_jsonl(path, docs):
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")


def geokg(*args, stdin=None, ok=(0,)):
    r = subprocess.run([GEOKG, *args], input=stdin, capture_output=True, timeout=300)
    if r.returncode not in ok:
        raise AssertionError(f"geokg {' '.join(args)}: exit {r.returncode}\n"
                             f"{r.stderr.decode('utf-8', 'replace')}")
    return r


def read(path):
    with open(path, "rb") as f:
        return f.read()


def assert_same(a, b, what):
    if read(a) != read(b):
        raise AssertionError(f"{what}: {os.path.basename(a)} and {os.path.basename(b)} differ")


def shards(docs, n):
    """Round-robin, so each shard mixes languages and dates."""
    return [docs[i::n] for i in range(n)]


def build_shards(tmp, docs, n, level="state", tag="s"):
    graphs = []
    for i, part in enumerate(shards(docs, n)):
        src = os.path.join(tmp, f"{tag}{i}.jsonl")
        out = os.path.join(tmp, f"{tag}{i}.json")
        write_jsonl(src, part)
        geokg("build", "-q", "--level", level, src, "-o", out)
        graphs.append(out)
    return graphs


def build_all(tmp, docs, level="state", out_name="all.json"):
    src = os.path.join(tmp, "all.jsonl")
    write_jsonl(src, docs)
    out = os.path.join(tmp, out_name)
    geokg("build", "-q", "--level", level, src, "-o", out)
    return out


@case
def shards_merged_equal_build_all(tmp):
    docs = documents()
    for level in ("state", "actor"):
        for n in (2, 3, len(docs)):
            graphs = build_shards(tmp, docs, n, level, tag=f"{level}{n}-")
            merged = os.path.join(tmp, f"merged-{level}{n}.json")
            geokg("merge", *graphs, "-o", merged)
            assert_same(build_all(tmp, docs, level, f"all-{level}.json"), merged,
                        f"--level {level}, {n} shards")


@case
def merge_order_and_grouping_do_not_matter(tmp):
    docs = documents()
    graphs = build_shards(tmp, docs, 3)
    first = None
    for k, perm in enumerate(itertools.permutations(graphs)):
        out = os.path.join(tmp, f"perm{k}.json")
        geokg("merge", *perm, "-o", out)
        if first is None:
            first = out
        else:
            assert_same(first, out, f"merge order {[os.path.basename(p) for p in perm]}")
    # (g0 + g1) + g2 against g0 + (g1 + g2) against g2 + (g0 + g1).
    g0, g1, g2 = graphs
    left, right = os.path.join(tmp, "left.json"), os.path.join(tmp, "right.json")
    geokg("merge", g0, g1, "-o", left)
    geokg("merge", g1, g2, "-o", right)
    for name, args in (("(g0+g1)+g2", (left, g2)), ("g0+(g1+g2)", (g0, right)),
                       ("g2+(g0+g1)", (g2, left))):
        out = os.path.join(tmp, f"group-{name}.json")
        geokg("merge", *args, "-o", out)
        assert_same(first, out, name)


@case
def overlapping_shards_and_self_merge(tmp):
    # A document in two shards, and a graph merged with itself, count once.
    docs = documents()
    half = len(docs) // 2
    a, b = os.path.join(tmp, "a.jsonl"), os.path.join(tmp, "b.jsonl")
    write_jsonl(a, docs[:half + 2])
    write_jsonl(b, docs[half - 2:])
    ga, gb = os.path.join(tmp, "a.json"), os.path.join(tmp, "b.json")
    geokg("build", "-q", a, "-o", ga)
    geokg("build", "-q", b, "-o", gb)
    merged = os.path.join(tmp, "ab.json")
    geokg("merge", ga, gb, gb, ga, "-o", merged)
    assert_same(build_all(tmp, docs), merged, "overlapping shards")


@case
def merge_writes_other_formats_like_build(tmp):
    # The filters build applies to non-JSON outputs apply alike after a merge.
    docs = documents()
    graphs = build_shards(tmp, docs, 3)
    src = os.path.join(tmp, "all.jsonl")
    write_jsonl(src, docs)
    for ext in ("graphml", "dot", "gexf"):
        built, merged = os.path.join(tmp, f"built.{ext}"), os.path.join(tmp, f"merged.{ext}")
        geokg("build", "-q", src, "-o", built)
        geokg("merge", *graphs, "-o", merged)
        assert_same(built, merged, f".{ext}")


@case
def merge_refuses_mixed_levels(tmp):
    docs = documents()
    state = build_shards(tmp, docs, 2, "state", tag="st")[0]
    actor = build_shards(tmp, docs, 2, "actor", tag="ac")[1]
    out = os.path.join(tmp, "mixed.json")
    r = geokg("merge", state, actor, "-o", out, ok=(2,))
    lines = r.stderr.decode("utf-8").strip().splitlines()
    if len(lines) != 1 or "level" not in lines[0] or os.path.basename(actor) not in lines[0]:
        raise AssertionError(f"want one line naming the file and the levels, got {lines}")
    if os.path.exists(out):
        raise AssertionError("a failed merge wrote its output")


@case
def merge_rejects_what_is_not_a_graph(tmp):
    bad = os.path.join(tmp, "bad.json")
    with open(bad, "w") as f:
        f.write('{"not": "a graph"}\n')
    r = geokg("merge", bad, "-o", os.path.join(tmp, "x.json"), ok=(2,))
    if "bad.json" not in r.stderr.decode("utf-8"):
        raise AssertionError(f"the error does not name the file: {r.stderr!r}")


@case
def extract_parallel_output_identical(tmp):
    # Enough documents, of uneven length, that several are in flight at once
    # and finish out of order on the workers.
    base = documents()
    docs = []
    for rep in range(40):
        for k, d in enumerate(base):
            d = dict(d, id=f"{d['id']}-r{rep}")
            if (rep + k) % 5 == 0:
                d["text"] = " ".join([d["text"]] * 6)
            docs.append(d)
    src = os.path.join(tmp, "many.jsonl")
    write_jsonl(src, docs)
    one = geokg("extract", "-q", "-j", "1", src).stdout
    if not one:
        raise AssertionError("no events extracted; the comparison would say nothing")
    for j in ("2", "3", "8"):
        other = geokg("extract", "-q", "-j", j, src).stdout
        if other != one:
            raise AssertionError(f"extract -j {j} output differs from -j 1")
    explained = [geokg("extract", "-q", "--explain", "-j", j, src).stdout for j in ("1", "2")]
    if explained[0] != explained[1]:
        raise AssertionError("extract --explain -j 2 output differs from -j 1")


@case
def extract_stdin_equals_file(tmp):
    # The map step of Hadoop Streaming and RDD.pipe: JSONL in, JSONL out.
    src = os.path.join(tmp, "all.jsonl")
    write_jsonl(src, documents())
    from_file = geokg("extract", "-q", src).stdout
    from_stdin = geokg("extract", "-q", "-", stdin=read(src)).stdout
    if from_file != from_stdin:
        raise AssertionError("extract - on stdin differs from extract on the file")


def main():
    global GEOKG
    ap = argparse.ArgumentParser()
    ap.add_argument("geokg")
    ap.add_argument("--only")
    args = ap.parse_args()
    GEOKG = os.path.abspath(args.geokg)
    if not os.environ.get("GEOKG_DATA_DIR"):
        print("GEOKG_DATA_DIR is not set", file=sys.stderr)
        return 2
    return run_cases(CASES, args.only, "geokg-shards-")


if __name__ == "__main__":
    sys.exit(main())
