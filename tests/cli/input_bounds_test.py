#!/usr/bin/env python3
"""Bounds on what geokg reads (issue 11): a long list in a sentence costs
neither its document nor its language; user lexicons are checked at load
(empty ids, codes and forms, files that are no lexicon, deep nesting) and
--lexicon takes one file; memory stays bounded for endless lines, millions of
bad lines and large .json arrays; -j and "lang" get clear messages.

Usage: input_bounds_test.py GEOKG [--sanitized] [--only NAME]
Needs GEOKG_DATA_DIR.  Prints one line per case and "N passed, N failed" last.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

import robustness_test as rt
from robustness_test import (GOOD_EVENT, GOOD_TEXT, OTHER_EVENT, OTHER_TEXT, case, check,
                             check_events, read, run, write)

GROUP = "bounds"
OLD = "OLD\n"

# English country names, some with "and", "of", "the": a German article's
# list of them once made the whole article "English" for language detection.
NAMES_EN = ["Germany", "Bosnia and Herzegovina", "Isle of Man", "the Netherlands", "Sweden",
            "Trinidad and Tobago", "Canada", "Brazil", "India", "Mexico"]
GERMAN_PROSE = ("Die Regierung in Berlin hat das am Montag bestätigt. Der Sprecher sagte, die "
                "Lage sei ernst und es gebe keine Entwarnung.")


_PARSER_MB = []


def parser_mb(d):
    """The memory the data folder's parser models cost, measured once (0
    without models): one parsed sentence's peak with them, less without them.
    The bounds below are on what grows with the input; a model is a fixed
    cost.  Call it before holding much: a child's peak counts the pages it
    shares with this process until it execs."""
    if not _PARSER_MB:
        data = os.environ["GEOKG_DATA_DIR"]
        if not os.path.isdir(os.path.join(data, "models")):
            _PARSER_MB.append(0.0)
            return 0.0
        write(d, "one.txt", OTHER_TEXT)
        with_models = run(["extract", "one.txt"], d).maxrss_mb
        bare = tempfile.mkdtemp(dir=d)
        for entry in os.listdir(data):
            if entry != "models":
                os.symlink(os.path.join(data, entry), os.path.join(bare, entry))
        os.environ["GEOKG_DATA_DIR"] = bare
        try:
            without = run(["extract", "one.txt"], d).maxrss_mb
        finally:
            os.environ["GEOKG_DATA_DIR"] = data
        _PARSER_MB.append(max(0.0, with_models - without))
    return _PARSER_MB[0]


def check_stderr(result, lines):
    check(result.err_lines() == lines, f"expected stderr {lines}", result)


def check_unchanged(d, name, content=OLD):
    check(read(d, name) == content.encode(), f"{name} was changed")
    left = [f for f in os.listdir(d) if ".tmp-" in f]
    check(not left, f"temporary files left behind: {left}")


def fatal_case(d, args, message, outputs=("out.jsonl",)):
    """A run that must fail before reading: status 2, exactly `message`,
    nothing on stdout, every existing output as it was."""
    for name in outputs:
        write(d, name, OLD)
    r = run(args, d)
    check(r.status == 2, f"geokg {' '.join(args)}: expected status 2", r)
    check_stderr(r, [message])
    check(r.stdout == b"", "wrote to stdout", r)
    for name in outputs:
        check_unchanged(d, name)
    return r


@case(GROUP)
def millions_of_bad_lines_in_bounded_memory(d):
    extra = parser_mb(d)  # before this process holds a million messages
    n = 1_000_000
    with open(os.path.join(d, "bad.jsonl"), "w", encoding="utf-8") as fh:
        fh.write("x\n" * n + json.dumps({"id": "last", "text": OTHER_TEXT}) + "\n")
    r = run(["extract", "bad.jsonl", "-j", "1"], d, timeout=300)
    check(r.status == 1, "expected status 1", r)
    # Bytes, not a list of a million strings: this process's own memory
    # would count in the peak of the children it starts afterwards.
    count = r.stderr.count(b"\n")
    check(count == n, f"{count} messages for {n} bad lines", r)
    last = r.stderr.rstrip(b"\n").rsplit(b"\n", 1)[-1].decode()
    check(last == f"geokg: bad.jsonl:{n}: skipped: malformed JSON at offset 0: Invalid value.",
          f"last message {last!r}", r)
    check_events(r, ("last",) + OTHER_EVENT)
    check(r.maxrss_mb < 60 * rt.HUNGRY + extra, f"{n} bad lines used {r.maxrss_mb:.0f} MB", r)
    print(f"     {n} bad lines: {r.seconds:.1f} s, {r.maxrss_mb:.0f} MB")


@case(GROUP)
def a_long_list_costs_neither_the_document_nor_its_language(d):
    names = ", ".join(NAMES_EN[i % 10] for i in range(4000))
    text = (f"{GOOD_TEXT.strip()} {GERMAN_PROSE} {names} und Polen kritisierten Russland. "
            f"{OTHER_TEXT}")
    write(d, "list.jsonl", json.dumps({"id": "list", "text": text}) + "\n")
    write(d, "good.txt", GOOD_TEXT)
    r = run(["extract", "-j", "2", "good.txt", "list.jsonl"], d)
    check(r.status == 0, "expected status 0", r)
    check_stderr(r, [
        'geokg: list.jsonl:1: warning: document "list", sentence 3 is longer than 1000 tokens '
        "(a list or table?): analysed in 11 pieces, sentences 3 to 13, so relations across the "
        "pieces are missed"])
    # Every other sentence's events; the list's own are what the warning is for.
    check_events(r, GOOD_EVENT, ("list", "USA", "THREATEN", "PRK"), ("list",) + OTHER_EVENT)
    q = run(["extract", "-q", "good.txt", "list.jsonl"], d)
    check(q.status == 0 and q.stderr == b"geokg: 1 warning (without -q each is shown)\n",
          "--quiet printed more than its summary", q)
    check(q.stdout == r.stdout, "-j 1 differs from -j 2", q)


LEXICON_GOOD = {"id": "ZOR", "code": "ZOR", "type": "state", "forms": ["Zorbien"]}


@case(GROUP)
def a_lexicon_actor_without_id_code_or_forms_is_refused_at_load(d):
    write(d, "a.jsonl", json.dumps({"id": "a", "text": "Zorbien kritisierte Russland. " +
                                    GOOD_TEXT}) + "\n")
    for bad, message in (({"id": "", "forms": ["Xland"]}, 'actors[1]: empty "id"'),
                         ({"id": "X", "code": "", "forms": ["Xland"]}, 'actors[1]: empty "code"'),
                         ({"id": "X", "forms": []},
                          'actors[1]: needs "forms" (the names to recognise)'),
                         ({"id": "X", "forms": [" "]}, 'actors[1]: "forms"[0] is empty')):
        write(d, "lex.json", json.dumps({"actors": [LEXICON_GOOD, bad]}))
        for args in (["extract", "a.jsonl", "--lexicon", "lex.json", "-o", "out.jsonl"],
                     ["build", "a.jsonl", "--lexicon", "lex.json", "-o", "g.json"]):
            fatal_case(d, args, f"geokg: lex.json: {message}", ("out.jsonl", "g.json"))
    write(d, "lex.json", json.dumps({"actors": [LEXICON_GOOD]}))
    r = run(["extract", "a.jsonl", "--lexicon", "lex.json"], d)
    check(r.status == 0 and r.stderr == b"", "the good lexicon failed", r)
    check_events(r, ("a", "ZOR", "ACCUSE", "RUS"), ("a", "USA", "THREATEN", "PRK"))


@case(GROUP)
def lexicon_takes_one_file_and_refuses_what_is_no_lexicon(d):
    write(d, "lex.json", json.dumps({"actors": [LEXICON_GOOD]}))
    write(d, "a.jsonl", json.dumps({"id": "a", "lang": "de", "text": "Zorbien kritisierte Russland."})
          + "\n")
    write(d, "one.jsonl", json.dumps({"id": "one", "text": OTHER_TEXT}) + "\n")
    r = run(["build", "a.jsonl", "--lexicon", "lex.json", "one.jsonl", "-o", "g.json"], d)
    check(r.status == 0, "expected status 0", r)
    graph = json.loads(read(d, "g.json"))
    check(sorted(graph["documents"]) == ["a", "one"], f"documents {sorted(graph['documents'])}", r)
    edges = {(e["source"], e["relation"], e["target"]) for e in graph["edges"]}
    check({("ZOR", "ACCUSE", "RUS"), OTHER_EVENT} <= edges, f"edges {edges}", r)
    r = run(["build", "--lexicon", "lex.json", "one.jsonl", "-o", "g2.json"], d)
    check(r.status == 0, "build --lexicon lex.json one.jsonl: expected status 0", r)
    shape = 'a lexicon is a JSON object with "actors" and/or "triggers"'
    for content, message in ((json.dumps({"id": "x", "text": OTHER_TEXT}),
                              f'unknown key "id": {shape}'),
                             (json.dumps({"actors": [], "trigers": []}),
                              f'unknown key "trigers": {shape}'),
                             ("{}", shape)):
        write(d, "notlex.json", content)
        fatal_case(d, ["build", "one.jsonl", "--lexicon", "notlex.json", "-o", "g.json"],
                   f"geokg: notlex.json: {message}", ("g.json",))


@case(GROUP)
def five_million_nested_brackets_in_a_lexicon(d):
    write(d, "deep.json", "[" * 5_000_000)
    write(d, "good.txt", GOOD_TEXT)
    fatal_case(d, ["extract", "good.txt", "--lexicon", "deep.json", "-o", "out.jsonl"],
               "geokg: deep.json: not JSON at line 1, column 5000001 (offset 5000000): "
               "Invalid value.")


@case(GROUP)
def endless_line_on_stdin_in_bounded_memory(d):
    extra = parser_mb(d)
    write(d, "good.txt", GOOD_TEXT)
    head = subprocess.Popen(["head", "-c", "300M", "/dev/zero"], stdout=subprocess.PIPE)
    try:
        r = run(["extract", "good.txt", "-"], d, stdin=head.stdout)
    finally:
        head.stdout.close()
        head.wait()
    check(r.status == 1, "expected status 1", r)
    check_stderr(r, ["geokg: -:1: skipped: line longer than 64 MiB, from byte offset 0 (the cap "
                     "on one document is 64 MiB; raise it with --max-document-size)"])
    check_events(r, GOOD_EVENT)
    check(r.maxrss_mb < 160 * rt.HUNGRY + extra, f"300 MB of zeros used {r.maxrss_mb:.0f} MB",
          r)
    print(f"     300 MB of /dev/zero: {r.seconds:.1f} s, {r.maxrss_mb:.0f} MB")


@case(GROUP)
def the_cap_on_one_document_can_be_raised(d):
    write(d, "good.txt", GOOD_TEXT)
    write(d, "long.txt", (OTHER_TEXT + " ") * 100)  # 3.3 KB
    args = ["extract", "good.txt", "long.txt", "--max-document-size", "2K"]
    r = run(args, d)
    check(r.status == 1, "expected status 1", r)
    check_stderr(r, ["geokg: long.txt: skipped: larger than 2048 bytes (the cap on one document "
                     "is 2048 bytes; raise it with --max-document-size)"])
    check_events(r, GOOD_EVENT)
    r = run(args[:-1] + ["4K"], d)
    check(r.status == 0 and r.stderr == b"", "4K: expected status 0 and no message", r)
    check_events(r, GOOD_EVENT, ("long",) + OTHER_EVENT)
    for value in ("12Q", "0", "-5", "2000G", "M"):
        fatal_case(d, ["extract", "good.txt", "--max-document-size", value, "-o", "out.jsonl"],
                   f"geokg: --max-document-size {value}: expected a size from 1 byte to 1024G, "
                   "as bytes or with K, M or G (64M)")


@case(GROUP)
def jobs_beyond_the_bound_are_refused_with_a_message(d):
    write(d, "good.txt", GOOD_TEXT)
    for jobs in ("4294967295", "1025"):
        fatal_case(d, ["extract", "good.txt", "-j", jobs, "-o", "out.jsonl"],
                   f"geokg: -j {jobs}: at most 1024 worker threads (0: one per core)")
        fatal_case(d, ["build", "good.txt", "-j", jobs, "-o", "g.json"],
                   f"geokg: -j {jobs}: at most 1024 worker threads (0: one per core)", ("g.json",))
    r = run(["extract", "good.txt", "-j", "0"], d)
    check(r.status == 0, "-j 0: expected status 0", r)
    check_events(r, GOOD_EVENT)


@case(GROUP)
def a_lang_other_than_de_or_en_is_a_warning(d):
    write(d, "docs.jsonl", "\n".join(json.dumps(x) for x in (
        {"id": "fr", "lang": "fr", "text": OTHER_TEXT},
        {"id": "at", "lang": "de-AT", "text": OTHER_TEXT},
        {"id": "xx", "lang": "Deutsch", "text": GOOD_TEXT}, ))+ "\n")
    r = run(["extract", "docs.jsonl"], d)
    check(r.status == 0, "expected status 0", r)
    check_stderr(r, [
        f'geokg: docs.jsonl:{line}: warning: "lang" is "{value}", not German (de) or English '
        "(en); the language is detected from the text instead"
        for line, value in ((1, "fr"), (3, "deutsch"))])
    check_events(r, ("fr",) + OTHER_EVENT, ("at",) + OTHER_EVENT, ("xx", "USA", "THREATEN", "PRK"))


@case(GROUP)
def a_large_json_array_is_read_an_element_at_a_time(d):
    extra = parser_mb(d)
    n = 120_000  # about 40 MB
    pad = "x" * 250
    with open(os.path.join(d, "big.json"), "w", encoding="utf-8") as fh:
        fh.write("[\n")
        for i in range(n):
            text = GOOD_TEXT.strip() if i % 2 else OTHER_TEXT
            fh.write(("," if i else "") +
                     json.dumps({"id": f"a{i}", "title": pad, "text": text}) + "\n")
        fh.write("]\n")
    r = run(["extract", "big.json", "-j", "2"], d, timeout=300)
    check(r.status == 0 and r.stderr == b"", "expected status 0 and no message", r)
    # One event per document, checked on the bytes: a list of 120,000
    # parsed events would swell this process, whose size counts in the peak
    # memory of the children it starts afterwards.
    count = r.stdout.count(b"\n")
    check(count == n, f"{count} events for {n} documents", r)
    for line, doc, relation in ((r.stdout.split(b"\n", 1)[0], "a0", "ACCUSE"),
                                (r.stdout.rstrip(b"\n").rsplit(b"\n", 1)[-1], f"a{n - 1}",
                                 "THREATEN")):
        e = json.loads(line)
        check((e["doc"], e["relation"]) == (doc, relation), f"unexpected event {line[:200]}", r)
    check(r.maxrss_mb < 100 * rt.HUNGRY + extra, f"a 40 MB array used {r.maxrss_mb:.0f} MB", r)
    print(f"     40 MB .json array: {r.seconds:.1f} s, {r.maxrss_mb:.0f} MB")


def run_case(fn):
    d = tempfile.mkdtemp(prefix=f"geokg-{fn.__name__}-")
    start = time.monotonic()
    try:
        fn(d)
        print(f"ok   {fn.__name__} ({time.monotonic() - start:.1f} s)", flush=True)
        return True
    except Exception as e:  # one case failing must not hide the others
        print(f"FAIL {fn.__name__}: {e}", flush=True)
        if not isinstance(e, AssertionError):
            traceback.print_exc(file=sys.stdout)
        return False
    finally:
        shutil.rmtree(d, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("geokg")
    ap.add_argument("--sanitized", action="store_true",
                    help="geokg is built with ASan/UBSan: loosen time and memory bounds")
    ap.add_argument("--only", help="run only the case with this name, in this process")
    a = ap.parse_args()
    rt.GEOKG = os.path.abspath(a.geokg)
    if a.sanitized:
        rt.SLOW, rt.HUNGRY = 5.0, 2.5
        # ASan's quarantine holds up to 256 MB of freed memory to catch uses
        # after free; a million skipped lines fill it, and a memory bound
        # would measure the quarantine rather than geokg.
        os.environ["ASAN_OPTIONS"] = os.environ.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=16"
    mine = [fn for group, fn in rt.CASES if group == GROUP]
    if a.only:
        ok = all(run_case(fn) for fn in mine if fn.__name__ == a.only)
        return 0 if ok else 1
    # Each case in a fresh interpreter: the size of the process that starts
    # geokg counts in the peak memory wait4 reports for it, and what one case
    # read back (a million messages) would spoil the next case's bound.
    passed = failed = 0
    for fn in mine:
        args = [sys.executable, os.path.abspath(__file__), rt.GEOKG, "--only", fn.__name__]
        r = subprocess.run(args + (["--sanitized"] if a.sanitized else []))
        passed, failed = (passed + 1, failed) if r.returncode == 0 else (passed, failed + 1)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
