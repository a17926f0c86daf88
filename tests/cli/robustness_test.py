#!/usr/bin/env python3
"""End-to-end robustness of the geokg command (issue 7): dirty inputs are
reported with file, line or offset and reason and skipped, while the good
documents' events all survive; exit statuses; atomic outputs; closed pipes and
full disks; corrupt graphs; pathological texts in bounded time and memory.

Usage: robustness_test.py GEOKG [--group inputs|outputs|pathological]
       [--sanitized] [--only NAME]
Needs GEOKG_DATA_DIR.  Prints one line per case and "N passed, N failed" last.
"""
import argparse
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import traceback

GOOD_TEXT = "Die USA haben Nordkorea gewarnt.\n"
GOOD_EVENT = ("good", "USA", "THREATEN", "PRK")
# A second good sentence, for documents that must survive next to bad ones.
OTHER_TEXT = "Frankreich kritisierte Russland."
OTHER_EVENT = ("FRA", "ACCUSE", "RUS")

GEOKG = ""
SLOW = 1.0     # time bounds are multiplied by this (sanitizers: slower)
HUNGRY = 1.0   # memory bounds likewise (sanitizers: shadow memory, quarantine)
CASES = []


def case(group):
    def register(fn):
        CASES.append((group, fn))
        return fn
    return register


class Result:
    def __init__(self, status, stdout, stderr, seconds, maxrss_mb):
        self.status, self.stdout, self.stderr = status, stdout, stderr
        self.seconds, self.maxrss_mb = seconds, maxrss_mb

    def events(self):
        """(doc, source, relation, target) of every event line on stdout."""
        out = []
        for line in self.stdout.decode("utf-8").splitlines():
            e = json.loads(line)
            out.append((e["doc"], e["source"]["id"], e["relation"], e["target"]["id"]))
        return out

    def err_lines(self):
        return self.stderr.decode("utf-8", "replace").splitlines()

    def __str__(self):
        return (f"status {self.status}, {self.seconds:.1f} s, {self.maxrss_mb:.0f} MB\n"
                f"stderr: {self.stderr.decode('utf-8', 'replace')[:2000]}")


def run(args, cwd, stdin=None, timeout=120, stdout_file=None):
    """Runs geokg with args; waits with wait4 to get this child's own peak
    memory (ru_maxrss); kills it after timeout seconds (a failure)."""
    out = stdout_file or tempfile.TemporaryFile(dir=cwd)
    err = tempfile.TemporaryFile(dir=cwd)
    start = time.monotonic()
    proc = subprocess.Popen([GEOKG] + args, cwd=cwd, stdout=out, stderr=err,
                            stdin=stdin if stdin is not None else subprocess.DEVNULL)
    deadline = start + timeout * SLOW
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            proc.returncode = -9
            raise AssertionError(f"geokg {' '.join(args)[:200]} ran over {timeout * SLOW:.0f} s")
        time.sleep(0.02)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - start
    err.seek(0)
    stderr = err.read()
    stdout = b""
    if stdout_file is None:
        out.seek(0)
        stdout = out.read()
    return Result(proc.returncode, stdout, stderr, seconds, usage.ru_maxrss / 1024)


def read(d, name):
    with open(os.path.join(d, name), "rb") as fh:
        return fh.read()


def write(d, name, data):
    path = os.path.join(d, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
    return name


def check(cond, message, result=None):
    if not cond:
        raise AssertionError(message + (f"\n  {result}" if result is not None else ""))


def check_message(result, where, *parts):
    """Some stderr line names `where` ("file:line" or "file") as its place and
    holds every part of the reason."""
    prefix = f"geokg: {where}: "
    for line in result.err_lines():
        if line.startswith(prefix) and all(p in line for p in parts):
            return
    check(False, f"no message '{prefix}... {' ... '.join(parts)}'", result)


def check_events(result, *expected):
    events = result.events()
    for e in expected:
        if len(e) == 3:
            ok = any(ev[1:] == e for ev in events)
        else:
            ok = e in events
        check(ok, f"event {e} missing from {events[:20]}", result)


def input_case(d, inputs, status, messages, events=(), quiet_ok=False, strict=True):
    """Runs `extract` on good.txt plus the bad inputs: the messages, the
    status (1 skipped, 0 warnings only) and the good events; then --strict,
    which turns a skip into status 2."""
    write(d, "good.txt", GOOD_TEXT)
    args = ["extract", "-j", "2", "good.txt"] + inputs
    r = run(args, d)
    check(r.status == status, f"expected status {status}", r)
    for where, *parts in messages:
        check_message(r, where, *parts)
    if not messages and not quiet_ok:
        check(r.stderr == b"", "expected no message", r)
    check_events(r, GOOD_EVENT, *events)
    if not strict:
        return r
    strict = run(["extract", "--strict"] + args[1:], d)
    check(strict.status == (2 if status == 1 else status),
          f"--strict: expected status {2 if status == 1 else status}", strict)
    for where, *parts in messages:
        check_message(strict, where, *parts)
    if status == 1:
        # A failed --strict run leaves an existing output file as it was
        # (standard output streams, so there the events are already out).
        write(d, "previous.jsonl", b"previous\n")
        again = run(["extract", "--strict", "-o", "previous.jsonl"] + args[1:], d)
        check(read(d, "previous.jsonl") == b"previous\n", "--strict replaced the output", again)
    return r


# ---- inputs ----------------------------------------------------------------

@case("inputs")
def invalid_utf8_is_repaired_and_reported(d):
    write(d, "latin1.txt", "Frankreich \xe4\xfc kritisierte Russland.".encode("latin-1"))
    write(d, "bad.jsonl", b'{"id":"j","text":"Die USA \xc3( haben Nordkorea gewarnt."}\n')
    r = input_case(d, ["latin1.txt", "bad.jsonl"], 0, [
        ("latin1.txt", "warning: invalid UTF-8 at byte offset 11", "U+FFFD"),
        ("bad.jsonl:1", "warning: invalid UTF-8 at byte offset 26", "U+FFFD")],
        [("latin1",) + OTHER_EVENT, ("j", "USA", "THREATEN", "PRK")])
    for line in r.stdout.decode("utf-8").splitlines():
        if '"latin1"' in line:
            check("\ufffd" in json.loads(line)["evidence"], "U+FFFD missing in the evidence", r)


@case("inputs")
def nul_bytes_are_removed_and_reported(d):
    write(d, "nul.txt", "Frank\0reich kritisierte\0\0 Russland.")
    write(d, "nul.jsonl", b'{"id":"n","text":"Die USA haben\x00 Nordkorea gewarnt."}\n')
    input_case(d, ["nul.txt", "nul.jsonl"], 0, [
        ("nul.txt", "warning: removed 3 NUL bytes (first at byte offset 5)"),
        ("nul.jsonl:1", "warning: removed 1 NUL byte (first at byte offset 31)")],
        [("nul",) + OTHER_EVENT, ("n", "USA", "THREATEN", "PRK")])


@case("inputs")
def byte_order_marks_are_dropped(d):
    write(d, "bom.txt", "\ufeff" + OTHER_TEXT)
    write(d, "bom.jsonl", "\ufeff" + json.dumps({"id": "b1", "text": OTHER_TEXT}) + "\n" +
          "\ufeff" + json.dumps({"id": "b2", "text": GOOD_TEXT}) + "\n")
    write(d, "bom.json", "\ufeff" + json.dumps({"id": "b3", "text": OTHER_TEXT}))
    r = input_case(d, ["bom.txt", "bom.jsonl", "bom.json"], 0, [],
                   [("bom",) + OTHER_EVENT, ("b1",) + OTHER_EVENT,
                    ("b2", "USA", "THREATEN", "PRK"), ("b3",) + OTHER_EVENT])
    check("\ufeff" not in r.stdout.decode("utf-8"), "a BOM leaked into the output", r)


@case("inputs")
def crlf_and_cr_line_ends(d):
    lines = [json.dumps({"id": "l1", "text": OTHER_TEXT}),
             json.dumps({"id": "l2", "text": "Die USA haben Nordkorea gewarnt."}),
             '{"id":"l3"}']
    write(d, "crlf.jsonl", "\r\n".join(lines) + "\r\n")
    write(d, "cr.jsonl", "\r".join(l.replace('"l', '"c') for l in lines) + "\r")
    write(d, "crlf.txt", "Titel\r\n\r\nDie USA haben Nordkorea gewarnt.\r\nEnde\r\n")
    write(d, "cr.txt", "Titel\r\rFrankreich kritisierte Russland.\rEnde\r")
    r = input_case(d, ["crlf.jsonl", "cr.jsonl", "crlf.txt", "cr.txt"], 1, [
        ("crlf.jsonl:3", "skipped: no \"text\" field"),
        ("cr.jsonl:3", "skipped: no \"text\" field")],
        [("l1",) + OTHER_EVENT, ("l2", "USA", "THREATEN", "PRK"),
         ("c1",) + OTHER_EVENT, ("c2", "USA", "THREATEN", "PRK"),
         ("crlf", "USA", "THREATEN", "PRK"), ("cr",) + OTHER_EVENT])
    check("\\r" not in r.stdout.decode("utf-8"), "a CR leaked into the evidence", r)


@case("inputs")
def empty_files_and_empty_texts(d):
    write(d, "empty.txt", "")
    write(d, "empty.jsonl", "")
    write(d, "empty.json", "")
    write(d, "blank.txt", " \n\t\u00a0\n")
    write(d, "blank.jsonl", "\n  \n")
    write(d, "texts.jsonl", '{"id":"e1","text":""}\n{"id":"e2","text":" \\n "}\n' +
          json.dumps({"id": "e3", "text": OTHER_TEXT}) + "\n")
    input_case(d, ["empty.txt", "empty.jsonl", "empty.json", "blank.txt", "blank.jsonl",
                   "texts.jsonl"], 1, [
        ("empty.txt", "skipped: empty file"),
        ("empty.jsonl", "skipped: empty file"),
        ("empty.json", "skipped: empty file"),
        ("blank.txt", "skipped: empty text"),
        ("blank.jsonl", "skipped: empty file (only blank lines)"),
        ("texts.jsonl:1", "skipped: empty text"),
        ("texts.jsonl:2", "skipped: empty text")],
        [("e3",) + OTHER_EVENT])


@case("inputs")
def malformed_json_line(d):
    write(d, "bad.jsonl", json.dumps({"id": "a", "text": OTHER_TEXT}) + "\n" +
          '{"id":"b","text":"x",}\n' + '{"id":"c" "text":"y"}\n')
    input_case(d, ["bad.jsonl"], 1, [
        ("bad.jsonl:2", "skipped: malformed JSON at offset 21"),
        ("bad.jsonl:3", "skipped: malformed JSON at offset 10")],
        [("a",) + OTHER_EVENT])


@case("inputs")
def truncated_json_line(d):
    # The last line of a file cut off mid-write, without its newline.
    write(d, "cut.jsonl", json.dumps({"id": "a", "text": OTHER_TEXT}) + "\n" +
          '{"id":"b","text":"Die USA haben Nord')
    input_case(d, ["cut.jsonl"], 1, [
        ("cut.jsonl:2", "skipped: malformed JSON at offset 36", "truncated?")],
        [("a",) + OTHER_EVENT])


@case("inputs")
def json_line_not_an_object(d):
    write(d, "arr.jsonl", '[{"id":"x","text":"y"}]\n"just a string"\n42\nnull\n' +
          json.dumps({"id": "a", "text": OTHER_TEXT}) + "\n")
    input_case(d, ["arr.jsonl"], 1, [
        ("arr.jsonl:1", "skipped: not a JSON object (found an array)"),
        ("arr.jsonl:2", "skipped: not a JSON object (found a string)"),
        ("arr.jsonl:3", "skipped: not a JSON object (found a number)"),
        ("arr.jsonl:4", "skipped: not a JSON object (found null)")],
        [("a",) + OTHER_EVENT])


@case("inputs")
def json_line_without_text(d):
    write(d, "notext.jsonl", '{"id":"n","title":"Die USA haben Nordkorea gewarnt."}\n' +
          json.dumps({"id": "a", "text": OTHER_TEXT}) + "\n")
    write(d, "notext.json", '{"id":"m","body":"x"}')
    input_case(d, ["notext.jsonl", "notext.json"], 1, [
        ("notext.jsonl:1", "skipped: no \"text\" field"),
        ("notext.json", "skipped: no \"text\" field")],
        [("a",) + OTHER_EVENT])


@case("inputs")
def json_fields_of_the_wrong_type(d):
    write(d, "types.jsonl", '{"id":"t1","text":["Die USA"]}\n{"id":"t2","text":5}\n'
          '{"id":{"x":1},"text":"y"}\n' +
          json.dumps({"id": "t4", "text": OTHER_TEXT, "date": 20240101, "title": 7}) + "\n")
    input_case(d, ["types.jsonl"], 1, [
        ("types.jsonl:1", "skipped: \"text\" must be a string, not an array"),
        ("types.jsonl:2", "skipped: \"text\" must be a string, not a number"),
        ("types.jsonl:3", "skipped: \"id\" must be a string or a number, not an object"),
        ("types.jsonl:4", "warning: \"title\" is a number, not a string; ignored"),
        ("types.jsonl:4", "warning: \"date\" is a number, not a string; ignored")],
        [("t4",) + OTHER_EVENT])


@case("inputs")
def unknown_fields_are_warnings(d):
    write(d, "extra.jsonl", json.dumps({"id": "u1", "text": OTHER_TEXT, "author": "x"}) + "\n" +
          json.dumps({"id": "u2", "text": GOOD_TEXT, "author": "y", "tags": []}) + "\n")
    r = input_case(d, ["extra.jsonl"], 0, [
        ("extra.jsonl:1", "warning: unknown field \"author\" ignored"),
        ("extra.jsonl:2", "warning: unknown field \"tags\" ignored")],
        [("u1",) + OTHER_EVENT, ("u2", "USA", "THREATEN", "PRK")])
    check(sum("author" in l for l in r.err_lines()) == 1, "\"author\" reported twice", r)
    q = run(["extract", "--quiet", "good.txt", "extra.jsonl"], d)
    check(q.status == 0 and q.stderr == b"geokg: 2 warnings (without -q each is shown)\n",
          "--quiet printed more than its summary", q)


@case("inputs")
def duplicate_document_ids(d):
    write(d, "a/good.txt", OTHER_TEXT)  # the id "good" again, from another folder
    write(d, "dup.jsonl", json.dumps({"id": "d1", "text": OTHER_TEXT}) + "\n" +
          json.dumps({"id": "d1", "text": GOOD_TEXT}) + "\n")
    r = input_case(d, ["a/good.txt", "dup.jsonl"], 1, [
        ("a/good.txt", "skipped: duplicate document id \"good\" (first seen at good.txt)"),
        ("dup.jsonl:2", "skipped: duplicate document id \"d1\" (first seen at dup.jsonl:1)")],
        [("d1",) + OTHER_EVENT])
    check(("good",) + OTHER_EVENT not in r.events(), "the duplicate's events were kept", r)


@case("inputs")
def unreadable_files(d):
    cases = []
    if os.path.exists("/proc/self/mem"):
        # Opening succeeds but reading fails (EIO), even for root.
        os.symlink("/proc/self/mem", os.path.join(d, "mem.txt"))
        cases.append(("mem.txt", "skipped: read error after 0 bytes"))
    if os.geteuid() != 0:
        write(d, "locked.txt", OTHER_TEXT)
        os.chmod(os.path.join(d, "locked.txt"), 0)
        cases.append(("locked.txt", "skipped: cannot open: Permission denied"))
    write(d, "ok.txt", OTHER_TEXT)
    input_case(d, [c[0] for c in cases] + ["ok.txt"], 1, cases, [("ok",) + OTHER_EVENT])


@case("inputs")
def unsupported_extension(d):
    write(d, "paper.pdf", "%PDF-1.4")
    write(d, "notes", OTHER_TEXT)
    write(d, "dir/skip.html", "<p>x</p>")  # inside a folder: not an article, not reported
    write(d, "dir/ok.txt", OTHER_TEXT)
    r = input_case(d, ["paper.pdf", "notes", "dir"], 1, [
        ("paper.pdf", "skipped: unsupported file type \".pdf\" (expected .txt, .json or .jsonl)"),
        ("notes", "skipped: unsupported file type \"\"")],
        [("ok",) + OTHER_EVENT])
    check(not any("skip.html" in l for l in r.err_lines()), "skip.html was reported", r)


@case("inputs")
def missing_path(d):
    # A path named on the command line that does not exist is a typo, not a
    # dirty document: the run stops before reading anything (issue 11, item 1;
    # outputs_safety_test.py checks that no output is replaced).
    write(d, "good.txt", GOOD_TEXT)
    for missing in ("nothere.txt", "gone/"):
        r = run(["extract", "good.txt", missing], d)
        check(r.status == 2, f"{missing}: expected status 2", r)
        check(r.err_lines() == [f"geokg: {missing}: no such file or directory"],
              f"{missing}: expected one line naming it", r)
        check(r.stdout == b"", f"{missing}: events were written", r)


@case("inputs")
def directory_symlink_loops(d):
    write(d, "corpus/a.txt", OTHER_TEXT)
    write(d, "corpus/sub/b.txt", GOOD_TEXT)
    os.symlink("..", os.path.join(d, "corpus/sub/up"))
    os.symlink(".", os.path.join(d, "corpus/self"))
    os.symlink("nowhere.txt", os.path.join(d, "corpus/broken.txt"))
    input_case(d, ["corpus"], 1, [
        ("corpus/self", "skipped: symbolic link loop: same directory as corpus"),
        ("corpus/sub/up", "skipped: symbolic link loop: same directory as corpus"),
        ("corpus/broken.txt", "skipped: broken symbolic link")],
        [("a",) + OTHER_EVENT, ("b", "USA", "THREATEN", "PRK")])


@case("inputs")
def json_files_with_bad_elements(d):
    write(d, "arr.json", json.dumps([{"id": "j1", "text": OTHER_TEXT}, {"id": "j2"}, 7]))
    write(d, "broken.json", '{"id":"x",\n "text": "y"\n "date": 1}')
    input_case(d, ["arr.json", "broken.json"], 1, [
        ("arr.json", "skipped: element 2: no \"text\" field"),
        ("arr.json", "skipped: element 3: not a JSON object (found a number)"),
        ("broken.json", "skipped: malformed JSON at offset 25 (line 3)")],
        [("j1",) + OTHER_EVENT])


@case("inputs")
def utf16_files_are_converted(d):
    write(d, "u16.txt", "\ufeff".encode("utf-16-le") + OTHER_TEXT.encode("utf-16-le"))
    input_case(d, ["u16.txt"], 0, [("u16.txt", "warning: converted from UTF-16LE to UTF-8")],
               [("u16",) + OTHER_EVENT])


@case("inputs")
def standard_input_lines(d):
    write(d, "good.txt", GOOD_TEXT)
    data = (json.dumps({"id": "s1", "text": OTHER_TEXT}) + "\n{broken\n").encode()
    with tempfile.TemporaryFile(dir=d) as stdin:
        stdin.write(data)
        stdin.seek(0)
        r = run(["extract", "good.txt", "-"], d, stdin=stdin)
    check(r.status == 1, "expected status 1", r)
    check_message(r, "-:2", "skipped: malformed JSON at offset 1")
    check_events(r, GOOD_EVENT, ("s1",) + OTHER_EVENT)


@case("inputs")
def a_week_of_dirty_crawl(d):
    """Everything at once in one folder: every good document's events, one
    message per bad one, status 1 (2 with --strict)."""
    good = {}
    for i in range(40):
        text = [GOOD_TEXT.strip(), OTHER_TEXT][i % 2]
        good[f"g{i}"] = text
    lines = [json.dumps({"id": k, "text": v}) for k, v in good.items()]
    bad_lines = ['{"id":"x1","text":', '[]', '{"id":"x3"}', '{"id":"x4","text":{}}',
                 json.dumps({"id": "g0", "text": "dup"}), '{"id":"x6","text":"  "}']
    mixed = []
    for i, l in enumerate(lines):
        mixed.append(l)
        if i < len(bad_lines):
            mixed.append(bad_lines[i])
    write(d, "crawl/day1.jsonl", "\r\n".join(mixed) + "\r\n")
    write(d, "crawl/day2/a.txt", b"\xef\xbb\xbfDie USA haben Nordkorea\x00 gewarnt.\xff")
    write(d, "crawl/day2/empty.txt", "")
    write(d, "crawl/day2/page.json", '{"id":"p","text":"Frankreich kritisierte Russland.","x":1}')
    write(d, "crawl/day3.json", '[{"id":"q","text":"Die USA haben Nordkorea gewarnt."},{}]')
    r = input_case(d, ["crawl"], 1, [
        ("crawl/day1.jsonl:2", "skipped: malformed JSON"),
        ("crawl/day1.jsonl:4", "skipped: not a JSON object"),
        ("crawl/day1.jsonl:6", "skipped: no \"text\" field"),
        ("crawl/day1.jsonl:8", "skipped: \"text\" must be a string"),
        ("crawl/day1.jsonl:10", "skipped: duplicate document id \"g0\""),
        ("crawl/day1.jsonl:12", "skipped: empty text"),
        ("crawl/day2/a.txt", "warning: invalid UTF-8"),
        ("crawl/day2/a.txt", "warning: removed 1 NUL byte"),
        ("crawl/day2/empty.txt", "skipped: empty file"),
        ("crawl/day2/page.json", "warning: unknown field \"x\""),
        ("crawl/day3.json", "skipped: element 2: no \"text\" field")],
        [("a", "USA", "THREATEN", "PRK"), ("p",) + OTHER_EVENT, ("q", "USA", "THREATEN", "PRK")])
    docs = {e[0] for e in r.events()}
    check(set(good) <= docs, f"documents without events: {sorted(set(good) - docs)}", r)
    check(sum("skipped:" in l for l in r.err_lines()) == 8, "expected 8 skipped", r)


# ---- outputs and exit statuses ----------------------------------------------

@case("outputs")
def usage_errors_exit_2(d):
    write(d, "good.txt", GOOD_TEXT)
    for args in ([], ["frobnicate"], ["extract"], ["extract", "--jobs", "many", "good.txt"],
                 ["extract", "--bogus", "good.txt"], ["build", "good.txt"],
                 ["build", "good.txt", "-o", "g.json", "--level", "planet"],
                 ["build", "good.txt", "-o", "g.json", "--min-weight", "-1"],
                 ["build", "good.txt", "-o", "g.xlsx"],
                 ["build", "good.txt", "-o", "g.json", "--since", "yesterday"],
                 ["extract", "good.txt", "--lexicon", "missing.json"]):
        r = run(args, d)
        check(r.status == 2, f"geokg {' '.join(args)}: expected status 2", r)
        check(r.stdout == b"", f"geokg {' '.join(args)}: wrote to stdout", r)
        check(r.stderr.strip() != b"", f"geokg {' '.join(args)}: no message", r)


@case("outputs")
def help_documents_exit_statuses(d):
    r = run(["--help"], d)
    check(r.status == 0, "--help failed", r)
    check(b"Exit status: 0 all good, 1 some documents skipped, 2 usage or fatal error"
          in r.stdout.replace(b"\n", b" "), "--help does not document the exit statuses", r)


def old_output(d, name, content="OLD\n"):
    write(d, name, content)
    return os.path.join(d, name)


def check_intact(path, content="OLD\n"):
    with open(path, encoding="utf-8") as fh:
        check(fh.read() == content, f"{path} was changed by a failed run")
    left = [f for f in os.listdir(os.path.dirname(path)) if ".tmp-" in f]
    check(not left, f"temporary files left behind: {left}")


@case("outputs")
def failed_runs_leave_the_old_output(d):
    write(d, "good.txt", GOOD_TEXT)
    write(d, "bad-lexicon.json", "{ not json")
    out = old_output(d, "out.jsonl")
    for args in (["extract", "good.txt", "-o", "out.jsonl", "--lexicon", "missing.json"],
                 ["extract", "good.txt", "-o", "out.jsonl", "--lexicon", "bad-lexicon.json"],
                 ["extract", "good.txt", "-o", "out.jsonl", "--jobs", "x"]):
        r = run(args, d)
        check(r.status == 2, f"geokg {' '.join(args)}: expected status 2", r)
        check_intact(out)
    graph = old_output(d, "g.json")
    write(d, "corrupt.json", '{"format":"geokg-graph","version":1,')
    for args in (["build", "good.txt", "-o", "g.json", "--level", "planet"],
                 ["build", "good.txt", "-o", "g.json", "--graph", "corrupt.json"],
                 ["build", "good.txt", "-o", "g.json", "--lexicon", "bad-lexicon.json"],
                 ["build", "good.txt", "-o", "g.json", "--relations", "HUG"]):
        r = run(args, d)
        check(r.status == 2, f"geokg {' '.join(args)}: expected status 2", r)
        check_intact(graph)
    # A successful run replaces the file, readable like any other.
    r = run(["extract", "good.txt", "-o", "out.jsonl"], d)
    check(r.status == 0, "the good run failed", r)
    with open(out, encoding="utf-8") as fh:
        check('"THREATEN"' in fh.read(), "the good run did not replace the output")
    check(os.stat(out).st_mode & 0o044 == 0o044 & ~current_umask(),
          f"output mode {oct(os.stat(out).st_mode)} ignores the umask")
    check_intact(out, open(out, encoding="utf-8").read())


def current_umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def big_corpus(d, name, documents):
    sentences = ["Die USA haben Nordkorea gewarnt.", OTHER_TEXT,
                 "Merkel kritisierte Russland scharf.", "China drohte Taiwan mit Sanktionen."]
    with open(os.path.join(d, name), "w", encoding="utf-8") as fh:
        for i in range(documents):
            text = " ".join(sentences[(i + k) % 4] for k in range(12))
            fh.write(json.dumps({"id": f"d{i}", "text": text}) + "\n")
    return name


@case("outputs")
def kill_9_leaves_the_old_output(d):
    # The run reads standard input, which this test holds open: it cannot
    # finish before it is killed, however fast the machine.
    big_corpus(d, "big.jsonl", 600)
    data = open(os.path.join(d, "big.jsonl"), "rb").read()
    for args, target in ((["extract", "-", "-o", "out.jsonl", "-j", "1"], "out.jsonl"),
                         (["build", "-", "-o", "g.json", "-j", "1"], "g.json")):
        path = old_output(d, target)
        proc = subprocess.Popen([GEOKG] + args, cwd=d, stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        proc.stdin.write(data)
        proc.stdin.flush()
        # Wait until the documents written so far are processed (extract: the
        # temporary output has content; build: give it a moment).
        deadline = time.monotonic() + 60 * SLOW
        started = time.monotonic()
        while time.monotonic() < deadline and proc.poll() is None:
            temps = [f for f in os.listdir(d) if f.startswith(f".{target}.tmp-")]
            if target == "out.jsonl" and temps and os.path.getsize(os.path.join(d, temps[0])) > 0:
                break
            if target == "g.json" and time.monotonic() > started + 2:
                break
            time.sleep(0.05)
        check(proc.poll() is None, f"geokg {' '.join(args)} ended before it could be killed")
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdin.close()
        with open(path, encoding="utf-8") as fh:
            check(fh.read() == "OLD\n", f"{target} was changed by a killed run")
        # A killed process cannot clean up: its temporary is hidden (.name.tmp-*).
        for f in os.listdir(d):
            if ".tmp-" in f:
                check(f.startswith("."), f"visible temporary {f}")
                os.remove(os.path.join(d, f))


@case("outputs")
def closed_pipe_ends_quietly(d):
    big_corpus(d, "big.jsonl", 3000)
    for args in (["extract", "big.jsonl"], ["extract", "big.jsonl", "-o", "-"]):
        proc = subprocess.Popen([GEOKG] + args, cwd=d, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        first = proc.stdout.readline()
        proc.stdout.close()  # like `| head -1`
        stderr = proc.stderr.read()
        status = proc.wait(timeout=120 * SLOW)
        check(first.startswith(b"{"), f"no first line: {first!r}")
        check(stderr == b"", f"a closed pipe printed: {stderr[:500]!r}")
        check(status in (0, -signal.SIGPIPE), f"a closed pipe gave status {status}")


@case("outputs")
def full_disk_is_a_clear_error(d):
    if not os.path.exists("/dev/full"):
        return
    write(d, "good.txt", GOOD_TEXT)
    big_corpus(d, "big.jsonl", 200)
    # Through a link in the test folder: a geokg that wrongly renamed a
    # temporary over its target replaces the link, never the device node.
    os.symlink("/dev/full", os.path.join(d, "full.jsonl"))
    before = os.stat("/dev/full")
    for inputs in (["good.txt"], ["big.jsonl"]):
        r = run(["extract"] + inputs + ["-o", "full.jsonl"], d)
        check(r.status == 2, "expected status 2", r)
        check(r.err_lines() == ["geokg: cannot write full.jsonl: No space left on device"],
              "unclear message", r)
        with open("/dev/full", "wb") as full:
            r = run(["extract"] + inputs, d, stdout_file=full)
        check(r.status == 2, "stdout on /dev/full: expected status 2", r)
        check(r.err_lines() == ["geokg: cannot write standard output: No space left on device"],
              "stdout on /dev/full: unclear message", r)
    check(os.path.islink(os.path.join(d, "full.jsonl")), "the link to /dev/full was replaced")
    after = os.stat("/dev/full")
    check(stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev,
          "/dev/full was replaced")


@case("outputs")
def unwritable_output_paths(d):
    write(d, "good.txt", GOOD_TEXT)
    os.mkdir(os.path.join(d, "adir"))
    for args, message in (
            (["extract", "good.txt", "-o", "nodir/out.jsonl"],
             "geokg: cannot write nodir/out.jsonl: directory nodir does not exist"),
            (["extract", "good.txt", "-o", "adir"], "geokg: cannot write adir: it is a directory"),
            (["build", "good.txt", "-o", "nodir/g.graphml"],
             "geokg: cannot write nodir/g.graphml: directory nodir does not exist"),
            (["build", "good.txt", "-o", "g.json", "-o", "nodir/g.dot"],
             "geokg: cannot write nodir/g.dot: directory nodir does not exist")):
        r = run(args, d)
        check(r.status == 2, f"geokg {' '.join(args)}: expected status 2", r)
        check(message in r.err_lines(), f"geokg {' '.join(args)}: unclear message", r)
    if os.geteuid() != 0:
        os.chmod(os.path.join(d, "adir"), 0o500)
        r = run(["extract", "good.txt", "-o", "adir/out.jsonl"], d)
        check(r.status == 2, "read-only folder: expected status 2", r)
        check_message(r, "cannot write adir/out.jsonl", "Permission denied")


GRAPH_CASES = [
    ("truncated.json", None, "invalid JSON at line"),
    ("foreign.json", '{"nodes":[{"id":"a"}],"links":[]}', "not a geokg graph"),
    ("array.json", "[1,2,3]", "not a geokg graph"),
    ("empty.json", "", "invalid JSON at line 1, column 1, offset 0"),
    ("binary.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff", "invalid JSON"),
    ("future.json", '{"format":"geokg-graph","version":99,"level":"state"}',
     "graph format version 99 is not supported"),
    ("badnode.json", '{"format":"geokg-graph","version":1,"level":"state","documents":{},'
     '"nodes":[{"id":"X"}],"edges":[]}', "nodes[0]: missing field \"label\""),
    ("badedge.json", '{"format":"geokg-graph","version":1,"level":"state","documents":{},'
     '"nodes":[],"edges":[{"source":"A","target":"B"}]}', "edges[0]: source \"A\" is not a node"),
    ("deep.json", "[" * 200000, "invalid JSON"),
    ("g.graphml", "<graphml/>", "only JSON graphs (.json, written by geokg) can be read back"),
]


@case("outputs")
def corrupt_graph_json_is_a_clear_error(d):
    write(d, "good.txt", GOOD_TEXT)
    r = run(["build", "good.txt", "-o", "real.json"], d)
    check(r.status == 0, "building the base graph failed", r)
    real = open(os.path.join(d, "real.json"), encoding="utf-8").read()
    for name, content, message in GRAPH_CASES:
        write(d, name, real[: len(real) // 2] if content is None else content)
        r = run(["build", "good.txt", "--graph", name, "-o", "out.json"], d)
        check(r.status == 2, f"--graph {name}: expected status 2", r)
        lines = r.err_lines()
        check(len(lines) == 1 and lines[0].startswith(f"geokg: {name}: ") and message in lines[0],
              f"--graph {name}: expected one line naming it and '{message}'", r)
        check(not os.path.exists(os.path.join(d, "out.json")), f"--graph {name}: wrote output")
    r = run(["build", "good.txt", "--graph", "missing.json", "-o", "out.json"], d)
    check(r.status == 2 and b"missing.json" in r.stderr, "--graph missing.json", r)
    # Good graph still merges: the corrupt ones were the problem, not --graph.
    r = run(["build", "--graph", "real.json", "-o", "again.json"], d)
    check(r.status == 0, "--graph real.json failed", r)


@case("outputs")
def corrupt_graph_json_given_to_query(d):
    probe = run(["query", "--help"], d)
    if probe.status != 0:
        return  # no query command in this build
    for name, content, message in GRAPH_CASES:
        if content is None:
            continue
        write(d, name, content)
        r = run(["query", name, "actors"], d)
        check(r.status == 2, f"query {name}: expected status 2", r)
        check(any(l.startswith(f"geokg: {name}") for l in r.err_lines()),
              f"query {name}: no message naming the file", r)
        check(len(r.err_lines()) <= 2, f"query {name}: more than a short error", r)


# ---- pathological texts -------------------------------------------------------

@case("pathological")
def megabyte_sentence_without_punctuation(d):
    words = ["Tabelle", "Zeile", "1234", "Wert", "Frankreich", "USA", "und", "der"]
    text = " ".join(words[i % len(words)] for i in range(170000))  # about 1 MB
    write(d, "table.txt", text)
    r = input_case(d, ["table.txt"], 0, [
        ("table.txt", "warning: document \"table\", sentence 0 is longer than 1000 tokens")])
    check(r.seconds < 60 * SLOW, f"1 MB sentence took {r.seconds:.1f} s", r)
    check(r.maxrss_mb < 400 * HUNGRY, f"1 MB sentence used {r.maxrss_mb:.0f} MB", r)


@case("pathological")
def sentence_length_stays_linear(d):
    """Four times the text must not take much more than four times as long."""
    words = ["Tabelle", "Zeile", "1234", "Wert", "Frankreich", "USA", "und", "der", "Russland"]
    times = []
    for n in (60000, 240000):
        write(d, f"t{n}.txt", " ".join(words[i % len(words)] for i in range(n)))
        r = run(["extract", f"t{n}.txt"], d, timeout=300)
        check(r.status == 0, f"{n} words failed", r)
        times.append(max(r.seconds, 0.2))
    check(times[1] < 12 * times[0], f"4x the words took {times[1] / times[0]:.1f}x the time")


@case("pathological")
def line_of_200_megabytes(d):
    path = os.path.join(d, "huge.jsonl")
    with open(path, "wb") as fh:
        fh.write(b'{"id":"huge","title":"scraped blob","text":"')
        chunk = b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo" * 30000  # base64-like, no spaces
        written = 0
        while written < 200 << 20:
            fh.write(chunk)
            written += len(chunk)
        fh.write(b'"}\n' + json.dumps({"id": "after", "text": OTHER_TEXT}).encode() + b"\n")
    # Above the default cap on one document (64 MiB): read only when asked.
    r = input_case(d, ["--max-document-size", "256M", "huge.jsonl"], 0, [],
                   [("after",) + OTHER_EVENT], strict=False)
    check(r.seconds < 240 * SLOW, f"200 MB line took {r.seconds:.1f} s", r)
    check(r.maxrss_mb < 1536 * HUNGRY, f"200 MB line used {r.maxrss_mb:.0f} MB", r)
    print(f"     200 MB line: {r.seconds:.1f} s, {r.maxrss_mb:.0f} MB")
    r = input_case(d, ["huge.jsonl"], 1, [
        ("huge.jsonl:1", "skipped: line longer than 64 MiB, from byte offset 0 (the cap on one "
         "document is 64 MiB; raise it with --max-document-size)")],
        [("after",) + OTHER_EVENT], strict=False)
    check(r.maxrss_mb < 256 * HUNGRY, f"200 MB line over the cap used {r.maxrss_mb:.0f} MB", r)
    truncated = os.path.join(d, "cut.jsonl")
    with open(path, "rb") as src, open(truncated, "wb") as dst:
        dst.write(src.read(100 << 20))  # a crawl cut off mid-line
    os.remove(path)
    r = input_case(d, ["--max-document-size", "256M", "cut.jsonl"], 1,
                   [("cut.jsonl:1", "skipped: malformed JSON", "truncated?")], strict=False)
    check(r.maxrss_mb < 1024 * HUNGRY, f"100 MB truncated line used {r.maxrss_mb:.0f} MB", r)


@case("pathological")
def ten_thousand_actors_in_one_sentence(d):
    names = ["Frankreich", "Deutschland", "Italien", "Spanien", "Schweden", "Japan", "Kanada",
             "Brasilien", "Indien", "Mexiko"]
    text = ", ".join(names[i % len(names)] for i in range(10000)) + \
        " und Polen kritisierten Russland."
    write(d, "list.txt", text)
    r = input_case(d, ["list.txt"], 0, [
        ("list.txt", "warning: document \"list\", sentence 0 is longer than 1000 tokens")],
        [("list", "POL", "ACCUSE", "RUS")])
    check(r.seconds < 60 * SLOW, f"10,000 actors took {r.seconds:.1f} s", r)
    check(r.maxrss_mb < 400 * HUNGRY, f"10,000 actors used {r.maxrss_mb:.0f} MB", r)


def single_edge_weight(path):
    with open(path, encoding="utf-8") as fh:
        g = json.load(fh)
    return [(e["source"], e["relation"], e["target"], e["weight"]) for e in g["edges"]]


@case("pathological")
def build_stays_linear_in_the_evidence_of_one_relation(d):
    """Build added each sentence to its edge by re-sorting the edge's whole
    evidence: 10,000 sentences behind one relation took 11.5 s, 40,000 several
    minutes.  Linear, 40,000 take about four times as long as 10,000."""
    sentence = "Russland hat die Ukraine angegriffen. "
    times = []
    for n in (10000, 40000):
        write(d, f"one{n}.txt", sentence * n)
        r = run(["build", f"one{n}.txt", "-o", f"one{n}.json"], d, timeout=120)
        check(r.status == 0, f"one document of {n} sentences failed", r)
        check(single_edge_weight(os.path.join(d, f"one{n}.json")) == [("RUS", "ASSAULT", "UKR", n)],
              f"one document of {n} sentences: wrong graph")
        times.append(max(r.seconds, 0.2))
    check(times[1] < 12 * times[0], f"4x the sentences took {times[1] / times[0]:.1f}x the time")
    with open(os.path.join(d, "many.jsonl"), "w", encoding="utf-8") as fh:
        for i in range(40000):
            fh.write(json.dumps({"id": f"m{i}", "text": f"{sentence}({i})"}) + "\n")
    r = run(["build", "many.jsonl", "-o", "many.json"], d, timeout=120)
    check(r.status == 0, "40,000 one-line documents failed", r)
    check(single_edge_weight(os.path.join(d, "many.json")) == [("RUS", "ASSAULT", "UKR", 40000)],
          "40,000 one-line documents: wrong graph")


@case("pathological")
def deeply_nested_json(d):
    depth = 1_000_000
    write(d, "deep.jsonl", '{"id":"n1","text":"Frankreich kritisierte Russland.","extra":' +
          "[" * depth + "]" * depth + "}\n" + "[" * depth + "\n" +
          '{"id":"n3","text":' + '{"a":' * 100000 + "1" + "}" * 100000 + "}\n")
    write(d, "deep.json", "[" * depth + "]" * depth)
    r = input_case(d, ["deep.jsonl", "deep.json"], 1, [
        ("deep.jsonl:1", "warning: unknown field \"extra\""),
        ("deep.jsonl:2", "skipped: malformed JSON at offset 1000000"),
        ("deep.jsonl:3", "skipped: \"text\" must be a string, not an object"),
        ("deep.json", "skipped: element 1: not a JSON object (found an array)")],
        [("n1",) + OTHER_EVENT])
    check(r.seconds < 60 * SLOW, f"nested JSON took {r.seconds:.1f} s", r)
    check(r.maxrss_mb < 800 * HUNGRY, f"nested JSON used {r.maxrss_mb:.0f} MB", r)


def main():
    global GEOKG, SLOW, HUNGRY
    ap = argparse.ArgumentParser()
    ap.add_argument("geokg")
    # Other scripts import this one and register their own groups of cases.
    ap.add_argument("--group", choices=sorted({group for group, _ in CASES}))
    ap.add_argument("--sanitized", action="store_true",
                    help="geokg is built with ASan/UBSan: loosen time and memory bounds")
    ap.add_argument("--only", help="run only the case with this name")
    a = ap.parse_args()
    GEOKG = os.path.abspath(a.geokg)
    if a.sanitized:
        SLOW, HUNGRY = 5.0, 2.5
    return run_cases(a.group, a.only)


def run_cases(group_wanted=None, only=None):
    """Runs the registered cases of a group (all when None), each in a fresh
    folder; prints a line per case and "N passed, N failed"; returns the exit
    status.  Also used by the other CLI test scripts that import this one."""
    passed = failed = 0
    for group, fn in CASES:
        if (group_wanted and group != group_wanted) or (only and fn.__name__ != only):
            continue
        d = tempfile.mkdtemp(prefix=f"geokg-{fn.__name__}-")
        start = time.monotonic()
        try:
            fn(d)
            passed += 1
            print(f"ok   {fn.__name__} ({time.monotonic() - start:.1f} s)", flush=True)
        except Exception as e:  # one case failing must not hide the others
            failed += 1
            print(f"FAIL {fn.__name__}: {e}", flush=True)
            if not isinstance(e, AssertionError):
                traceback.print_exc(file=sys.stdout)
        finally:
            shutil.rmtree(d, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
