#!/usr/bin/env python3
"""Nothing a user has is lost, overwritten or exposed (issue 11, items 1, 3, 4,
8, 9, 16 and the output messages of 18): a run that reads nothing replaces
nothing; a failing stderr costs no output; an output that is also an input is
refused; planted links at temporary names are never followed, also when
geokg runs as an unprivileged user in a shared folder; modes and links of
outputs are kept; signals and stale runs leave no temporaries; write errors
say why.

Usage: outputs_safety_test.py GEOKG [--only NAME]
Needs GEOKG_DATA_DIR.  Prints one line per case and "N passed, N failed" last.
"""
import argparse
import fcntl
import json
import os
import pwd
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import robustness_test as rt  # noqa: E402
from robustness_test import (GOOD_TEXT, OTHER_TEXT, case, check, read, run,  # noqa: E402
                             write)

GROUP = "safety"
GOOD_DOCS = {"good": ("USA", "THREATEN", "PRK"), "other": ("FRA", "ACCUSE", "RUS")}


def dirty_corpus(d, name="dirty.jsonl"):
    """Two good documents between two bad lines."""
    return write(d, name, json.dumps({"id": "good", "text": GOOD_TEXT}) + "\n" +
                 '{"id":"bad1"}\n' + json.dumps({"id": "other", "text": OTHER_TEXT}) + "\n" +
                 '{"id":"bad2","text":7}\n')


COUNTRIES = ["Frankreich", "Deutschland", "Italien", "Spanien", "Schweden", "Japan", "Kanada",
             "Brasilien", "Indien", "Mexiko", "Polen", "Russland", "China", "Norwegen",
             "Finnland", "Dänemark", "Österreich", "Ungarn", "Griechenland", "Portugal"]


def big_corpus(d, name, documents):
    """Documents of twelve accusations among twenty states, every text
    different: the graph grows with the count, spread over many edges (a
    build stays fast however long one edge's evidence would get)."""
    n = len(COUNTRIES)
    with open(os.path.join(d, name), "w", encoding="utf-8") as fh:
        for i in range(documents):
            pairs = [(COUNTRIES[(i + k) % n], COUNTRIES[(i * 7 + 3 * k + 1) % n])
                     for k in range(12)]
            text = " ".join(f"{a} kritisierte {b}." for a, b in pairs if a != b)
            fh.write(json.dumps({"id": f"d{i}", "text": f"{text} Am Tag {i} blieb es ruhig."}) +
                     "\n")
    return name


def graph_events(path):
    """(doc, source, relation, target) of every event evidence in a JSON graph."""
    with open(path, encoding="utf-8") as fh:
        g = json.load(fh)
    check(g.get("format") == "geokg-graph", f"{path} is not a geokg graph")
    return {(ev["doc"], e["source"], e["relation"], e["target"])
            for e in g["edges"] if e["kind"] == "event" for ev in e["evidence"]}


def check_good_graph(path):
    events = graph_events(path)
    for doc, (s, r, t) in GOOD_DOCS.items():
        check((doc, s, r, t) in events, f"{path}: event of {doc} missing from {sorted(events)}")


def temporaries(d):
    return sorted(f for f in os.listdir(d) if ".tmp-" in f)


def check_unchanged(path, before):
    check(read(os.path.dirname(path), os.path.basename(path)) == before,
          f"{path} was changed")


def check_no_temporaries(d):
    left = temporaries(d)
    check(not left, f"temporaries left behind: {left}")


def lines_of(result):
    return result.err_lines()


# ---- item 1: a run that read nothing replaces nothing --------------------------------

@case(GROUP)
def reading_nothing_replaces_nothing(d):
    write(d, "good.txt", GOOD_TEXT)
    write(d, "bad.jsonl", '{"id":"b1"}\n{"id":"b2","text":[]}\n')
    os.mkdir(os.path.join(d, "empty"))
    dirty_corpus(d)
    for cmd, out in (("extract", "out.jsonl"), ("build", "g.json")):
        before = write(d, out, "previous output\n") and read(d, out)
        for inputs, expected in (
                (["nothere.txt"], ["geokg: nothere.txt: no such file or directory"]),
                (["good.txt", "gone/"], ["geokg: gone/: no such file or directory"]),
                (["bad.jsonl"], ["geokg: bad.jsonl:1: skipped: no \"text\" field",
                                 "geokg: bad.jsonl:2: skipped: \"text\" must be a string, "
                                 "not an array",
                                 "geokg: no document could be read (2 skipped); nothing written"]),
                (["empty"], ["geokg: the inputs hold no document; nothing written"])):
            r = run([cmd] + inputs + ["-o", out], d)
            check(r.status == 2, f"{cmd} {inputs}: expected status 2", r)
            check(lines_of(r) == expected, f"{cmd} {inputs}: expected {expected}", r)
            check_unchanged(os.path.join(d, out), before)
            check_no_temporaries(d)
    # An empty input replacing nothing is an empty result, as for any filter:
    # an empty stdin to stdout, an empty folder to a new file.
    r = run(["extract", "-"], d, stdin=subprocess.DEVNULL)
    check(r.status == 0 and r.stdout == b"" and lines_of(r) == [], "extract - < /dev/null", r)
    r = run(["extract", "empty", "-o", "new.jsonl"], d)
    check(r.status == 0 and read(d, "new.jsonl") == b"", "extract empty/ -o new.jsonl", r)
    # --graph with articles that are all bad: the graph is not rewritten either.
    r = run(["build", "good.txt", "-o", "base.json"], d)
    check(r.status == 0, "building the base graph failed", r)
    base = read(d, "base.json")
    r = run(["build", "--graph", "base.json", "bad.jsonl", "-o", "base.json"], d)
    check(r.status == 2, "--graph with bad articles: expected status 2", r)
    check_unchanged(os.path.join(d, "base.json"), base)
    # The same commands with one good document still skip the bad ones and
    # keep every good document's events.
    r = run(["build", "dirty.jsonl", "bad.jsonl", "-o", "g.json"], d)
    check(r.status == 1, "dirty build: expected status 1", r)
    check_good_graph(os.path.join(d, "g.json"))
    r = run(["extract", "dirty.jsonl", "bad.jsonl", "-o", "out.jsonl"], d)
    check(r.status == 1, "dirty extract: expected status 1", r)
    with open(os.path.join(d, "out.jsonl"), encoding="utf-8") as fh:
        events = {(e["doc"], e["source"]["id"], e["relation"], e["target"]["id"])
                  for e in map(json.loads, fh)}
    for doc, (s, rel, t) in GOOD_DOCS.items():
        check((doc, s, rel, t) in events, f"extract: event of {doc} missing from {events}")


# ---- item 3: stderr that cannot be written --------------------------------------------

def status_of(args, d, **popen):
    proc = subprocess.Popen([rt.GEOKG] + args, cwd=d, stdin=subprocess.DEVNULL, **popen)
    return proc.wait(timeout=120)


def closed_pipe():
    read_end, write_end = os.pipe()
    os.close(read_end)
    return write_end


@case(GROUP)
def stderr_failures_cost_nothing(d):
    dirty_corpus(d)
    r = run(["build", "dirty.jsonl", "-o", "ref.json"], d)
    check(r.status == 1, "reference build: expected status 1", r)
    reference = read(d, "ref.json")
    check_good_graph(os.path.join(d, "ref.json"))
    full = open("/dev/full", "wb")
    pipe = closed_pipe()
    ways = {"2>/dev/full": {"stderr": full},
            "2>&- (closed)": {"stderr": subprocess.DEVNULL, "preexec_fn": lambda: os.close(2)},
            "2> a pipe nobody reads": {"stderr": pipe}}
    for way, popen in ways.items():
        for name in ("g.json", "out.jsonl"):
            if os.path.exists(os.path.join(d, name)):
                os.remove(os.path.join(d, name))
        status = status_of(["build", "dirty.jsonl", "-o", "g.json"], d, stdout=subprocess.DEVNULL,
                           **popen)
        check(status == 1, f"build {way}: status {status}, expected 1")
        check(read(d, "g.json") == reference, f"build {way}: the graph differs from the reference")
        status = status_of(["extract", "dirty.jsonl", "-o", "out.jsonl"], d,
                           stdout=subprocess.DEVNULL, **popen)
        check(status == 1, f"extract {way}: status {status}, expected 1")
        check(b'"THREATEN"' in read(d, "out.jsonl") and b'"ACCUSE"' in read(d, "out.jsonl"),
              f"extract {way}: events missing")
        # A fatal error has nowhere to go either, and still exits 2, not 134.
        status = status_of(["build", "nothere.txt", "-o", "g.json"], d,
                           stdout=subprocess.DEVNULL, **popen)
        check(status == 2, f"fatal error {way}: status {status}, expected 2")
        check(read(d, "g.json") == reference, f"fatal error {way}: the graph was changed")
    full.close()
    os.close(pipe)
    # The shell pipeline of the issue: the reader takes one line and goes.
    os.remove(os.path.join(d, "g.json"))
    shell = subprocess.run(["bash", "-c", '"$0" build dirty.jsonl -o g.json 2>&1 | head -1; '
                            'echo "${PIPESTATUS[0]}"', rt.GEOKG], cwd=d, capture_output=True,
                           timeout=120)
    out = shell.stdout.decode().splitlines()
    check(out == ['geokg: dirty.jsonl:2: skipped: no "text" field', "1"],
          f"2>&1 | head -1: got {out}, {shell.stderr[:300]!r}")
    check(read(d, "g.json") == reference, "2>&1 | head -1: the graph differs from the reference")


# ---- item 4: an output that is also an input ------------------------------------------

@case(GROUP)
def output_that_is_an_input_is_refused(d):
    dirty_corpus(d, "in.jsonl")
    write(d, "arts.json", json.dumps([{"id": "good", "text": GOOD_TEXT},
                                      {"id": "other", "text": OTHER_TEXT}]))
    write(d, "corpus/a.jsonl", read(d, "in.jsonl"))
    write(d, "corpus/g.json", read(d, "arts.json"))  # an earlier output inside the corpus
    os.link(os.path.join(d, "corpus/a.jsonl"), os.path.join(d, "hard.jsonl"))
    os.symlink("arts.json", os.path.join(d, "link.json"))
    write(d, "lex.json", '{"actors": [], "triggers": []}')
    cases = [
        (["extract", "in.jsonl", "-o", "in.jsonl"], "in.jsonl is also an input"),
        (["build", "arts.json", "-o", "arts.json"], "arts.json is also an input"),
        (["build", "corpus", "-o", "corpus/g.json"], "corpus/g.json is also an input"),
        (["extract", "corpus", "-o", "hard.jsonl"],
         "hard.jsonl is also an input (as corpus/a.jsonl)"),
        (["build", "arts.json", "-o", "g.dot", "-o", "link.json"],
         "link.json is also an input (as arts.json)"),
        (["build", "in.jsonl", "--lexicon", "lex.json", "-o", "lex.json"],
         "lex.json is also an input"),
    ]
    for args, message in cases:
        before = {f: read(d, f) for f in ("in.jsonl", "arts.json", "corpus/a.jsonl",
                                          "corpus/g.json", "lex.json")}
        r = run(args, d)
        check(r.status == 2, f"geokg {' '.join(args)}: expected status 2", r)
        check(lines_of(r) == [f"geokg: {message}; write the output elsewhere"],
              f"geokg {' '.join(args)}: expected '{message}'", r)
        for f, content in before.items():
            check(read(d, f) == content, f"geokg {' '.join(args)}: {f} was changed")
        check(not os.path.exists(os.path.join(d, "g.dot")), "g.dot written before the refusal")
        check_no_temporaries(d)
    with open(os.path.join(d, "in.jsonl"), "rb") as stdin:
        r = run(["extract", "-", "-o", "in.jsonl"], d, stdin=stdin)
    check(r.status == 2 and lines_of(r) == ["geokg: in.jsonl is also an input (as -); "
                                            "write the output elsewhere"],
          "standard input as the output: expected a refusal", r)
    # Adding to an existing graph is what --graph is for.
    r = run(["build", "in.jsonl", "-o", "g.json"], d)
    check(r.status == 1, "first build: expected status 1", r)
    write(d, "new/n.txt", "Russland hat die Ukraine angegriffen.")
    r = run(["build", "--graph", "g.json", "new", "-o", "g.json"], d)
    check(r.status == 0, "build --graph g.json new -o g.json failed", r)
    events = graph_events(os.path.join(d, "g.json"))
    check(("n", "RUS", "ASSAULT", "UKR") in events, f"new events missing: {events}")
    check_good_graph(os.path.join(d, "g.json"))


# ---- item 8: links planted at temporary names -------------------------------------------

def as_unprivileged(args):
    """Root runs geokg as nobody, as an attacker's victim would run it."""
    if os.geteuid() != 0:
        return args
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] + args


def plant(shared, pid, victim):
    """Links at every name the old writers used (.NAME.tmp-PID-N) for pids
    near the run's, and at mkstemp-like names, all pointing at the victim."""
    planted = []
    for name in ("g.json", "g.neo4j", "g.dot", "out.jsonl"):
        for p in range(pid, pid + 4):
            for suffix in [str(n) for n in range(8)] + ["XXXXXX", "000000", "aaaaaa"]:
                link = os.path.join(shared, f".{name}.tmp-{p}-{suffix}")
                os.symlink(victim, link)
                planted.append(link)
        for suffix in ("XXXXXX", "000000", "aaaaaa"):
            link = os.path.join(shared, f".{name}.tmp-{suffix}")
            os.symlink(victim, link)
            planted.append(link)
    return planted


@case(GROUP)
def planted_links_are_never_followed(d):
    os.chmod(d, 0o755)
    shared = os.path.join(d, "shared")
    os.mkdir(shared)
    os.chmod(shared, 0o1777)  # like /tmp: anyone may create names in it
    os.mkdir(os.path.join(d, "home"))
    victim = os.path.join(d, "home", "private.txt")
    write(d, "home/private.txt", "the user's own file\n")
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        for p in (os.path.join(d, "home"), victim):
            os.chown(p, nobody.pw_uid, nobody.pw_gid)
    data = (json.dumps({"id": "good", "text": GOOD_TEXT}) + "\n" +
            json.dumps({"id": "other", "text": OTHER_TEXT}) + "\n").encode()
    for args in (["build", "-", "-o", "g.json", "-o", "g.neo4j", "-o", "g.dot"],
                 ["extract", "-", "-o", "out.jsonl"]):
        # The run waits for standard input, so the links go in after its pid
        # is known and before it writes anything.
        proc = subprocess.Popen(as_unprivileged([rt.GEOKG] + args), cwd=shared,
                                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        planted = plant(shared, proc.pid, victim)
        _, err = proc.communicate(data, timeout=120)
        check(read(d, "home/private.txt") == b"the user's own file\n",
              f"geokg {' '.join(args)} wrote through a planted link into another file")
        check(proc.returncode == 0, f"geokg {' '.join(args)}: status {proc.returncode}: {err!r}")
        for link in planted:
            check(os.path.islink(link), f"{link} is no longer the planted link")
            os.remove(link)
    for name in ("g.json", "g.dot", "out.jsonl"):
        check(stat.S_ISREG(os.lstat(os.path.join(shared, name)).st_mode),
              f"{name} is not a regular file")
    check(stat.S_ISDIR(os.lstat(os.path.join(shared, "g.neo4j")).st_mode), "g.neo4j not a folder")
    check_good_graph(os.path.join(shared, "g.json"))
    check(b"THREATEN" in read(shared, "out.jsonl"), "out.jsonl lacks the events")
    check_no_temporaries(shared)


# ---- item 9: modes and links of outputs are kept ------------------------------------------

def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@case(GROUP)
def modes_and_links_are_kept(d):
    dirty_corpus(d)
    for name in ("g.json", "out.jsonl"):
        write(d, name, "private\n")
        os.chmod(os.path.join(d, name), 0o600)
    os.mkdir(os.path.join(d, "g.neo4j"), 0o700)
    write(d, "g.neo4j/nodes.csv", "old\n")
    os.chmod(os.path.join(d, "g.neo4j"), 0o700)
    os.chmod(os.path.join(d, "g.neo4j/nodes.csv"), 0o600)
    write(d, "real/graph.json", "old\n")
    os.chmod(os.path.join(d, "real/graph.json"), 0o640)
    os.symlink("real/graph.json", os.path.join(d, "link.json"))
    os.symlink("real/new.dot", os.path.join(d, "dangling.dot"))
    os.mkdir(os.path.join(d, "real/store.neo4j"), 0o750)
    os.chmod(os.path.join(d, "real/store.neo4j"), 0o750)
    os.symlink(os.path.join(d, "real/store.neo4j"), os.path.join(d, "store.neo4j"))
    r = run(["build", "dirty.jsonl", "-o", "g.json", "-o", "g.neo4j", "-o", "link.json",
             "-o", "dangling.dot", "-o", "store.neo4j"], d)
    check(r.status == 1, "build: expected status 1", r)
    r = run(["extract", "dirty.jsonl", "-o", "out.jsonl"], d)
    check(r.status == 1, "extract: expected status 1", r)
    for path, expected in (("g.json", 0o600), ("out.jsonl", 0o600), ("g.neo4j", 0o700),
                           ("g.neo4j/nodes.csv", 0o600), ("real/graph.json", 0o640),
                           ("real/store.neo4j", 0o750)):
        check(mode(os.path.join(d, path)) == expected,
              f"{path}: mode {oct(mode(os.path.join(d, path)))}, expected {oct(expected)}")
    for link in ("link.json", "dangling.dot", "store.neo4j"):
        check(os.path.islink(os.path.join(d, link)), f"{link} was replaced by a copy")
    check_good_graph(os.path.join(d, "g.json"))
    check_good_graph(os.path.join(d, "real/graph.json"))
    check(b"digraph" in read(d, "real/new.dot"), "the link's target real/new.dot was not written")
    check(sorted(os.listdir(os.path.join(d, "real/store.neo4j"))) ==
          ["nodes.csv", "relationships.csv"], "real/store.neo4j lacks the CSV files")
    check(b"THREATEN" in read(d, "out.jsonl"), "out.jsonl lacks the events")
    for folder in (d, os.path.join(d, "real")):
        check_no_temporaries(folder)


# ---- item 16: signals and stale temporaries ------------------------------------------------

def default_signals():
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)


def wait_for_temporary(d, proc, prefix, timeout=60, pause=0.01):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if any(f.startswith(prefix) for f in os.listdir(d)):
            return True
        time.sleep(pause)
    return False


@case(GROUP)
def signals_remove_temporaries(d):
    big_corpus(d, "big.jsonl", 200)
    data = read(d, "big.jsonl")
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        before = write(d, "out.jsonl", "OLD\n") and read(d, "out.jsonl")
        # Standard input held open: the run cannot end before the signal.
        proc = subprocess.Popen([rt.GEOKG, "extract", "-", "-o", "out.jsonl", "-j", "1"], cwd=d,
                                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, preexec_fn=default_signals)
        proc.stdin.write(data)
        proc.stdin.flush()
        check(wait_for_temporary(d, proc, ".out.jsonl.tmp-"), "extract made no temporary")
        proc.send_signal(sig)
        status = proc.wait(timeout=60)
        proc.stdin.close()
        check(status == -sig, f"{sig.name}: status {status}, expected {-sig}")
        check_unchanged(os.path.join(d, "out.jsonl"), before)
        check_no_temporaries(d)
    # build writes its outputs at the end: it is stopped while a temporary
    # exists (SIGSTOP), so SIGTERM surely finds one.
    big_corpus(d, "bigger.jsonl", 2000)
    for out in ("g.json", "g.neo4j"):
        caught = False
        for _ in range(5):
            before = write(d, out + "/nodes.csv" if out == "g.neo4j" else out, "OLD\n")
            before = read(d, before)
            proc = subprocess.Popen([rt.GEOKG, "build", "bigger.jsonl", "-o", out], cwd=d,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    preexec_fn=default_signals)
            seen = wait_for_temporary(d, proc, f".{out}.tmp-", timeout=120, pause=0)
            if seen:
                proc.send_signal(signal.SIGSTOP)
            caught = seen and bool(temporaries(d))
            proc.send_signal(signal.SIGTERM)
            proc.send_signal(signal.SIGCONT)
            status = proc.wait(timeout=120)
            if caught:
                check(status == -signal.SIGTERM, f"build -o {out}: status {status}")
                name = out + "/nodes.csv" if out == "g.neo4j" else out
                check_unchanged(os.path.join(d, name), before)
                check_no_temporaries(d)
                break
            for f in temporaries(d):
                shutil.rmtree(os.path.join(d, f), ignore_errors=True)
        check(caught, f"build -o {out} was never stopped while writing (5 tries)")


@case(GROUP)
def stale_temporaries_are_removed_when_provably_stale(d):
    write(d, "good.txt", GOOD_TEXT)
    dead = subprocess.Popen(["true"])
    dead.wait()
    gone = dead.pid
    stale = [f".g.json.tmp-{gone}-Ab12Cd", f".g.neo4j.tmp-{gone}-Xy34Zw"]
    write(d, stale[0], "half a graph")
    write(d, stale[1] + "/nodes.csv", "half")
    kept = [f".g.json.tmp-{os.getpid()}-Qq12Rr",   # its writer is alive
            f".g.json.tmp-{gone}-notes.txt",        # not our naming
            f".g.json.tmp-{gone}-Lk56Mn",           # its writer's lock is still held
            f".other.json.tmp-{gone}-Ab12Cd"]       # beside another output
    for name in kept:
        write(d, name, "someone's")
    locked = open(os.path.join(d, kept[2]), "rb")
    fcntl.flock(locked, fcntl.LOCK_EX)
    if os.geteuid() == 0:
        foreign = f".g.json.tmp-{gone}-Fo78Rn"      # owned by another user
        write(d, foreign, "nobody's")
        nobody = pwd.getpwnam("nobody")
        os.chown(os.path.join(d, foreign), nobody.pw_uid, nobody.pw_gid)
        kept.append(foreign)
    r = run(["build", "good.txt", "-o", "g.json", "-o", "g.neo4j"], d)
    locked.close()
    check(r.status == 0, "build failed", r)
    check(temporaries(d) == sorted(kept), f"left {temporaries(d)}, expected {sorted(kept)}")
    check(graph_events(os.path.join(d, "g.json")) == {("good", "USA", "THREATEN", "PRK")},
          "g.json lacks the events")


# ---- item 18: what write errors say ---------------------------------------------------------

@case(GROUP)
def a_file_in_the_output_path_is_named(d):
    write(d, "good.txt", GOOD_TEXT)
    write(d, "file.json", "a file\n")
    for args, out in ((["extract", "good.txt"], "file.json/x.jsonl"),
                      (["build", "good.txt"], "file.json/x.json"),
                      (["build", "good.txt"], "file.json/sub/x.neo4j")):
        r = run(args + ["-o", out], d)
        check(r.status == 2, f"-o {out}: expected status 2", r)
        check(lines_of(r) == [f"geokg: cannot write {out}: file.json is not a directory"],
              f"-o {out}: unclear message", r)
        check(read(d, "file.json") == b"a file\n", "file.json was changed")
        check_no_temporaries(d)


def small_files():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


@case(GROUP)
def neo4j_write_errors_say_why(d):
    big_corpus(d, "big.jsonl", 100)
    write(d, "g.neo4j/nodes.csv", "OLD\n")
    # A file size limit fails the write with EFBIG, as a quota or full disk would.
    proc = subprocess.run([rt.GEOKG, "build", "big.jsonl", "-o", "g.neo4j"], cwd=d,
                          capture_output=True, preexec_fn=small_files, timeout=120)
    err = proc.stderr.decode().splitlines()
    check(proc.returncode == 2, f"file size limit: status {proc.returncode}: {err}")
    check(err == ["geokg: cannot write g.neo4j: File too large"], f"file size limit: {err}")
    check(read(d, "g.neo4j/nodes.csv") == b"OLD\n", "the old g.neo4j was changed")
    check_no_temporaries(d)
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return
    # A real full disk: an 8 KB tmpfs in a mount namespace of its own.
    script = ('mount -t tmpfs -o size=8k tmpfs disk || exit 3; mkdir disk/g.neo4j && '
              'echo OLD > disk/g.neo4j/nodes.csv && '
              '"$0" build big.jsonl -o disk/g.neo4j 2>err; echo "status $?"; cat err; '
              'cat disk/g.neo4j/nodes.csv; ls -a disk')
    os.mkdir(os.path.join(d, "disk"))
    proc = subprocess.run(["unshare", "-m", "sh", "-c", script, rt.GEOKG], cwd=d,
                          capture_output=True, timeout=120)
    out = proc.stdout.decode().splitlines()
    if proc.returncode != 0 or not out or not out[0].startswith("status"):
        print(f"     no tmpfs here ({proc.stderr.decode().strip()[:100]}); ENOSPC not tried")
        return
    check(out == ["status 2", "geokg: cannot write disk/g.neo4j: No space left on device",
                  "OLD", ".", "..", "g.neo4j"], f"full disk: got {out}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("geokg")
    ap.add_argument("--only", help="run only the case with this name")
    a = ap.parse_args()
    rt.GEOKG = os.path.abspath(a.geokg)
    return rt.run_cases(GROUP, a.only)


if __name__ == "__main__":
    sys.exit(main())
