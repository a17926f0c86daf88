#!/usr/bin/env python3
"""geokg-dask (issue 16): a corpus built in 8 shards on a Dask LocalCluster of
2 worker processes gives, byte for byte, the JSON and GraphML of one `geokg
build`; so it does when a worker process is killed in the middle of the run;
bad documents in a shard are reported once each, with the user's file and
line, and every good document's events stay; a fatal geokg error fails the
run with geokg's message and writes nothing; extract equals one extract.

The corpus is ../shared/corpus/gnad-test.jsonl when present, else one made
here from examples/ and sentences of the shard test; either way copies of
some documents are appended, so that duplicates fall into other shards.

Usage: dask_test.py GEOKG GEOKG_DASK [--only NAME]
Needs GEOKG_DATA_DIR.  Prints one line per case and "N passed, N failed" last.
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
GNAD = os.path.join(ROOT, "..", "shared", "corpus", "gnad-test.jsonl")
EXAMPLES = os.path.join(ROOT, "examples", "sample.jsonl")
sys.path.insert(0, HERE)
import shards_test  # noqa: E402  its sentences, written for tests of sharding
from case_runner import run_cases  # noqa: E402

GEOKG = GEOKG_DASK = ""
CASES = []


def case(fn):
    CASES.append(fn)
    return fn


def corpus_lines(copies=True):
    if os.path.exists(GNAD):
        with open(GNAD, encoding="utf-8") as f:
            base = [line.rstrip("\n") for line in f if line.strip()]
    else:
        # Each copy numbered in its text too: one text under several ids is
        # the graph-integrity test's subject, and would only add warnings here.
        docs = [d for d in shards_test.documents() if not d["id"].endswith("-copy")]
        base = [json.dumps(dict(d, id=f"{d['id']}-r{rep}", text=f"{d['text']} ({rep})"),
                           ensure_ascii=False)
                for rep in range(12) for d in docs]
    # Copies of every seventh document at the end land in the last shards.
    return base + base[::7] if copies else base


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def run(argv, **kw):
    return subprocess.run(argv, capture_output=True, timeout=600, **kw)


def dask(*args, **kw):
    return run([GEOKG_DASK, *args, "--geokg", kw.pop("geokg", GEOKG)], **kw)


def build_one(src, *outs):
    argv = [GEOKG, "build", src]
    for out in outs:
        argv += ["-o", out]
    return run(argv)


def same_files(pairs):
    for a, b in pairs:
        with open(a, "rb") as fa, open(b, "rb") as fb:
            if fa.read() != fb.read():
                raise AssertionError(f"{os.path.basename(a)} differs from {os.path.basename(b)}")


def stderr_lines(r):
    return r.stderr.decode("utf-8", "replace").splitlines()


def expect_status(r, status, what):
    if r.returncode != status:
        raise AssertionError(f"{what}: exit {r.returncode}, want {status}\n"
                             + r.stderr.decode("utf-8", "replace")[-3000:])


def documents_lines(r):
    """geokg's lines about documents (file:line), without counts and summaries."""
    return sorted(line for line in stderr_lines(r)
                  if line.startswith("geokg: ") and ".jsonl:" in line
                  and "duplicate document id" not in line)


@case
def eight_shards_equal_one_build(tmp):
    src = os.path.join(tmp, "corpus.jsonl")
    write_lines(src, corpus_lines())
    one = build_one(src, f"{tmp}/one.json", f"{tmp}/one.graphml")
    expect_status(one, 1, "geokg build (the copies are skipped)")
    r = dask("build", src, "-o", f"{tmp}/d.json", "-o", f"{tmp}/d.graphml",
             "--workers", "2", "--shards", "8")
    if r.returncode not in (0, 1):
        expect_status(r, 1, "geokg-dask build")
    same_files([(f"{tmp}/one.json", f"{tmp}/d.json"), (f"{tmp}/one.graphml", f"{tmp}/d.graphml")])
    # Warnings geokg gives once per file come once, not once per shard.
    if documents_lines(r) != documents_lines(one):
        raise AssertionError(f"messages differ:\n{documents_lines(r)}\n{documents_lines(one)}")


def slow_geokg(tmp):
    """geokg after a pause, so that a kill lands while shards are running."""
    path = os.path.join(tmp, "slow-geokg")
    with open(path, "w") as f:
        f.write(f"#!/bin/sh\nsleep 1\nexec '{GEOKG}' \"$@\"\n")
    os.chmod(path, 0o755)
    return path


def kill_a_busy_worker(client, run_proc):
    """Waits for a worker running a shard task and kills its process; returns its pid."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and run_proc.poll() is None:
        busy = [w for w, keys in client.processing().items()
                if any(str(k).startswith("geokg-shard-") for k in keys)]
        if busy:
            pids = client.run(os.getpid, workers=busy[:1])
            pid = pids[busy[0]]
            os.kill(pid, signal.SIGKILL)
            return pid
        time.sleep(0.05)
    raise AssertionError("no worker was seen running a shard")


@case
def worker_killed_mid_run(tmp):
    from distributed import Client, LocalCluster
    import logging
    src = os.path.join(tmp, "corpus.jsonl")
    write_lines(src, corpus_lines())
    expect_status(build_one(src, f"{tmp}/one.json", f"{tmp}/one.graphml"), 1, "geokg build")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.CRITICAL) as cluster, \
            Client(cluster) as client:
        before = set(client.run(os.getpid).values())
        proc = subprocess.Popen(
            [GEOKG_DASK, "build", src, "-o", f"{tmp}/d.json", "-o", f"{tmp}/d.graphml",
             "--shards", "8", "--scheduler", cluster.scheduler_address,
             "--geokg", slow_geokg(tmp)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        killed = kill_a_busy_worker(client, proc)
        _, err = proc.communicate(timeout=600)
        if killed not in before:
            raise AssertionError("the killed process was not one of the workers")
        if killed in set(client.run(os.getpid).values()):
            raise AssertionError("the killed worker is still there")
    if proc.returncode not in (0, 1):
        raise AssertionError(f"exit {proc.returncode}: {err.decode('utf-8', 'replace')[-3000:]}")
    same_files([(f"{tmp}/one.json", f"{tmp}/d.json"), (f"{tmp}/one.graphml", f"{tmp}/d.graphml")])


BAD = ['{"id": "bad-json", "text": "Die USA haben',          # malformed JSON
       '{"id": "no-text", "title": "Ohne Text"}',            # missing text
       '{"id": "empty", "text": "   "}',                     # empty text
       '["not", "an", "object"]']


@case
def bad_documents_reported_once(tmp):
    lines = corpus_lines(copies=False)[:200]
    # Bad lines in the middle, inside one shard, and one in the last shard.
    at = [90, 91, 92, len(lines) + 3]
    for k, bad in sorted(zip(at, BAD)):
        lines.insert(k, bad)
    src = os.path.join(tmp, "dirty.jsonl")
    write_lines(src, lines)
    clean = os.path.join(tmp, "clean.jsonl")
    write_lines(clean, [line for line in lines if line not in BAD])
    expect_status(build_one(clean, f"{tmp}/clean.json"), 0, "geokg build of the good lines")
    r = dask("build", src, "-o", f"{tmp}/d.json", "--workers", "2", "--shards", "8")
    expect_status(r, 1, "geokg-dask build with bad documents")
    same_files([(f"{tmp}/clean.json", f"{tmp}/d.json")])
    skipped = [line for line in stderr_lines(r) if ": skipped:" in line
               and "duplicate document id" not in line]
    want = sorted(f"geokg: {src}:{k + 1}:" for k in at)
    got = sorted(line.split(" skipped:")[0] for line in skipped)
    if got != want:
        raise AssertionError(f"skipped documents reported as {skipped}, want one line each "
                             f"starting {want}")


@case
def fatal_error_fails_the_run(tmp):
    src = os.path.join(tmp, "corpus.jsonl")
    write_lines(src, corpus_lines()[:40])
    out = os.path.join(tmp, "keep.json")
    with open(out, "w") as f:
        f.write("an earlier graph\n")
    env = dict(os.environ, GEOKG_DATA_DIR=os.path.join(tmp, "no-data"))
    r = dask("build", src, "-o", out, "--workers", "2", "--shards", "4", env=env)
    expect_status(r, 2, "geokg-dask with a bad GEOKG_DATA_DIR")
    if not any("no-data" in line and "geokg's data" in line for line in stderr_lines(r)):
        raise AssertionError(f"geokg's message is not shown: {stderr_lines(r)}")
    with open(out) as f:
        if f.read() != "an earlier graph\n":
            raise AssertionError("a failed run replaced the existing output")


@case
def extract_equals_one_extract(tmp):
    src = os.path.join(tmp, "corpus.jsonl")
    write_lines(src, corpus_lines())
    one = run([GEOKG, "extract", src, "-o", f"{tmp}/one.jsonl"])
    expect_status(one, 1, "geokg extract (the copies are skipped)")
    r = dask("extract", src, "-o", f"{tmp}/d.jsonl", "--workers", "2", "--shards", "8")
    expect_status(r, 1, "geokg-dask extract")
    same_files([(f"{tmp}/one.jsonl", f"{tmp}/d.jsonl")])


def main():
    global GEOKG, GEOKG_DASK
    ap = argparse.ArgumentParser()
    ap.add_argument("geokg")
    ap.add_argument("geokg_dask")
    ap.add_argument("--only")
    args = ap.parse_args()
    GEOKG, GEOKG_DASK = os.path.abspath(args.geokg), os.path.abspath(args.geokg_dask)
    if not os.environ.get("GEOKG_DATA_DIR"):
        print("GEOKG_DATA_DIR is not set", file=sys.stderr)
        return 2
    print(f"corpus: {'gnad-test' if os.path.exists(GNAD) else 'made for the test'}")
    return run_cases(CASES, args.only, "geokg-dask-test-", timed=True)


if __name__ == "__main__":
    sys.exit(main())
