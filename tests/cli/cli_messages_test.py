#!/usr/bin/env python3
"""What the geokg command line says (issue 15): mistyped commands and options
get the closest name, a forgotten GRAPH is named, every line on stderr starts
with "geokg:", usage lines name the positionals, -q gives one summary line,
the progress line ends on what was read, and the bash and zsh completion and
the man page built from the CLI's definition work in bash, zsh, groff and man.

Usage: cli_messages_test.py GEOKG BASH_COMPLETION ZSH_COMPLETION MAN_PAGE
(needs GEOKG_DATA_DIR; prints "N passed, N failed")
"""
import json
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile

GEOKG, BASH_COMPLETION, ZSH_COMPLETION, MAN_PAGE = map(os.path.abspath, sys.argv[1:5])
TMP = tempfile.mkdtemp(prefix="geokg-cli-messages-")
results = []
TEXT = "Die USA haben Nordkorea gewarnt."


def case(fn):
    try:
        fn()
        results.append((fn.__name__, None))
    except AssertionError as e:
        results.append((fn.__name__, str(e)))
    return fn


def geokg(*args, stdin=b""):
    r = subprocess.run([GEOKG, *args], input=stdin, capture_output=True, cwd=TMP, timeout=120)
    return r.returncode, r.stdout.decode(), r.stderr.decode()


def usage_error(args, expected):
    """A parse error: status 2, nothing on stdout, exactly `expected` on stderr."""
    rc, out, err = geokg(*args)
    assert (rc, out, err) == (2, "", expected), f"geokg {' '.join(args)}: {rc} {out!r} {err!r}"


# ---- parse errors --------------------------------------------------------

@case
def mistyped_command():
    usage_error(["biuld"], "geokg: unknown command 'biuld'; did you mean 'build'?\n"
                           "geokg: usage: geokg [OPTIONS] COMMAND\n")


@case
def mistyped_query_command():
    usage_error(["query", "g.json", "betwen", "USA", "RUS"],
                "geokg: query: unknown command 'betwen'; did you mean 'between'?\n"
                "geokg: usage: geokg query [OPTIONS] GRAPH COMMAND\n")


@case
def unknown_command_without_a_close_one():
    usage_error(["frobnicate"], "geokg: unknown command 'frobnicate'\n"
                                "geokg: usage: geokg [OPTIONS] COMMAND\n")


@case
def forgotten_graph():
    usage_error(["query", "between", "USA", "RUS"],
                "geokg: query: GRAPH is missing before 'between'\n"
                "geokg: usage: geokg query GRAPH between [OPTIONS] A B\n")


@case
def mistyped_option():
    usage_error(["build", "--stauts", "all", "-o", "g.json"],
                "geokg: build: unknown option '--stauts'; did you mean '--status'?\n"
                "geokg: usage: geokg build [OPTIONS] [INPUTS...]\n")


@case
def mistyped_option_of_a_query_command():
    # --format belongs to query; its commands accept it after their own arguments.
    usage_error(["query", "g.json", "stats", "--frmat=csv"],
                "geokg: query stats: unknown option '--frmat'; did you mean '--format'?\n"
                "geokg: usage: geokg query GRAPH stats [OPTIONS]\n")


@case
def missing_command():
    usage_error([], "geokg: a command is required: extract, build, merge, query, parse, "
                    "train-syntax\ngeokg: usage: geokg [OPTIONS] COMMAND\n")
    usage_error(["query", "g.json"],
                "geokg: query: a command is required: actors, relations, between, neighbors, "
                "path, evidence, timeline, stats\ngeokg: usage: geokg query [OPTIONS] GRAPH COMMAND\n")


@case
def missing_positional():
    usage_error(["query", "g.json", "between", "USA"],
                "geokg: query between: B is missing\n"
                "geokg: usage: geokg query GRAPH between [OPTIONS] A B\n")


@case
def cli11_own_message_is_prefixed():
    usage_error(["build", "--status", "some", "-o", "g.json"],
                "geokg: build: --status: some not in {fact,all}\n"
                "geokg: usage: geokg build [OPTIONS] [INPUTS...]\n")


@case
def missing_option_value_is_not_taken_for_a_missing_positional():
    # CLI11 stops at the option, before A and B: they are not the problem.
    usage_error(["query", "g.json", "between", "--status"],
                "geokg: query between: --status: 1 required TEXT missing\n"
                "geokg: usage: geokg query GRAPH between [OPTIONS] A B\n")


@case
def one_argument_too_many():
    usage_error(["query", "g.json", "between", "USA", "RUS", "CHN"],
                "geokg: query between: unexpected argument 'CHN'\n"
                "geokg: usage: geokg query GRAPH between [OPTIONS] A B\n")


@case
def usage_lines_name_the_positionals():
    for args, line in [(["--help"], "Usage: geokg [OPTIONS] COMMAND"),
                       (["query", "--help"], "Usage: geokg query [OPTIONS] GRAPH COMMAND"),
                       (["query", "g.json", "between", "--help"],
                        "Usage: geokg query GRAPH between [OPTIONS] A B"),
                       (["query", "g.json", "evidence", "--help"],
                        "Usage: geokg query GRAPH evidence [OPTIONS] A RELATION B"),
                       (["merge", "--help"], "Usage: geokg merge [OPTIONS] GRAPHS...")]:
        rc, out, err = geokg(*args)
        assert rc == 0 and err == "" and line + "\n" in out, (args, out[:400])


# ---- messages of a run ---------------------------------------------------

def write(name, lines):
    with open(os.path.join(TMP, name), "w") as f:
        f.writelines(json.dumps(l) + "\n" for l in lines)


def repeated(copies):
    """`copies` copies of a corpus of three ids with one text, and a fourth id."""
    docs = [{"id": f"d{j}", "text": TEXT} for _ in range(copies) for j in range(3)]
    return docs + [{"id": "e", "text": TEXT}]


@case
def every_line_of_a_build_is_prefixed():
    write("two.jsonl", [{"id": "a", "text": TEXT}, {"id": "a", "text": TEXT}])
    rc, _, err = geokg("build", "two.jsonl", "-o", "two.json")
    assert rc == 1 and err.splitlines() == [
        'geokg: two.jsonl:2: skipped: duplicate document id "a" (first seen at two.jsonl:1)',
        "geokg: 1 documents (0 already in the graph), 2 actors, 1 relations",
        "geokg: most active actors: PRK (1), USA (1)",
        "geokg: relations: THREATEN 1",
        "geokg: wrote two.json"], err


@case
def quiet_build_says_it_in_one_line():
    write("copies.jsonl", repeated(30))
    rc, _, err = geokg("build", "-q", "copies.jsonl", "-o", "copies.json")
    lines = err.splitlines()
    assert rc == 1 and lines[0] == (
        "geokg: 87 duplicate documents skipped, 3 warnings (without -q each is shown)"), err
    assert len(lines) == 5 and lines[-1] == "geokg: wrote copies.json", err


@case
def quiet_extract_groups_thousands():
    write("many.jsonl", [{"id": "x", "text": TEXT}] * 1201 + [{"id": "big", "text": "x" * 2000}])
    rc, out, err = geokg("extract", "-q", "--max-document-size", "1K", "many.jsonl")
    assert rc == 1 and err == ("geokg: 1,200 duplicate documents skipped, 1 other document "
                               "skipped (without -q each is shown)\n"), err
    assert out.count("THREATEN") == 1, out


@case
def quiet_with_nothing_to_say_is_silent():
    write("one.jsonl", [{"id": "a", "text": TEXT}])
    rc, out, err = geokg("extract", "-q", "one.jsonl")
    assert rc == 0 and err == "" and "THREATEN" in out, err


def on_terminal(*args):
    """Runs geokg with stderr on a pseudo-terminal; returns its bytes."""
    master, slave = pty.openpty()
    r = subprocess.run([GEOKG, *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=slave, cwd=TMP, timeout=120)
    os.close(slave)
    data = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the terminal's other side is closed
            break
        if not chunk:
            break
        data += chunk
    os.close(master)
    return r.returncode, data.decode()


@case
def progress_ends_on_what_was_read():
    # Skipped copies are part of the input's size but never read as text:
    # the estimate of time left stopped short of its end ("0 s left").
    write("copies.jsonl", repeated(30))
    for jobs in ("1", "2"):
        rc, text = on_terminal("extract", "-q", "-j", jobs, "copies.jsonl", "-o", "/dev/null")
        lines = text.split("\r\n")
        last = lines[0].split("\r")[-1]
        assert rc == 1 and re.fullmatch(
            r"geokg: 4 documents, 0\.0 MB in \d+\.\d s, \d+\.\d MB/s *", last), repr(text)
        assert lines[1:] == ["geokg: 87 duplicate documents skipped (without -q each is shown)",
                             ""], repr(text)


# ---- completion and man page ---------------------------------------------

BASH_DRIVER = r"""
source "$1"
complete -p geokg
offer() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _geokg; echo "${COMPREPLY[*]}"; }
offer geokg ''
offer geokg bu
offer geokg build --st
offer geokg query ''
offer geokg query g.json ''
offer geokg query g.json be
offer geokg query g.json between USA RUS --f
offer geokg build --status ''
offer geokg completion ''
"""


@case
def bash_completion_offers_commands_and_options():
    r = subprocess.run(["bash", "--norc", "--noprofile", "-c", BASH_DRIVER, "bash",
                        BASH_COMPLETION], capture_output=True, timeout=60)
    assert r.returncode == 0 and r.stderr == b"", r
    assert r.stdout.decode().split("\n") == [
        "complete -o bashdefault -o default -F _geokg geokg",
        "extract build merge query parse train-syntax",
        "build",
        "--strict --status",
        "",  # GRAPH first: the shell's file names
        "actors relations between neighbors path evidence timeline stats",
        "between",
        "--format",
        "",  # --status's value
        "",  # hidden
        ""], r.stdout.decode()
    generated = subprocess.run([GEOKG, "completion", "bash"], capture_output=True).stdout
    with open(BASH_COMPLETION, "rb") as f:
        assert f.read() == generated, "the built completion differs from geokg's"


ZSH_DRIVER = r"""
_describe() { local name=$4; print -r -- "${(j: :)${(@)${(P)name}%%:*}}"; }
_files() { print -r -- files; }
offer() { words=("$@"); CURRENT=$#; PREFIX=${words[CURRENT]}; _geokg; }
source "$1" >/dev/null
offer geokg ''
offer geokg query ''
offer geokg query g.json ''
offer geokg query g.json between --
offer geokg build --status ''
"""


@case
def zsh_completion_offers_commands_and_options():
    if not shutil.which("zsh"):
        raise AssertionError("zsh is not installed (scripts/install-deps.sh installs it)")
    r = subprocess.run(["zsh", "-f", "-c", ZSH_DRIVER, "zsh", ZSH_COMPLETION],
                       capture_output=True, timeout=60)
    assert r.returncode == 0 and r.stderr == b"", r
    assert r.stdout.decode().split("\n") == [
        "extract build merge query parse train-syntax",
        "files",
        "actors relations between neighbors path evidence timeline stats",
        "-h --help --help-all --status --since --until --type --min-weight --format",
        "files",
        ""], r.stdout.decode()
    with open(ZSH_COMPLETION, "rb") as f:
        assert f.readline() == b"#compdef geokg\n"


@case
def man_page_renders_without_warnings():
    r = subprocess.run(["groff", "-k", "-man", "-Tutf8", "-ww", "-z", MAN_PAGE],
                       capture_output=True, timeout=60)
    assert r.returncode == 0 and r.stderr == b"", r.stderr
    env = dict(os.environ, LC_ALL="C.UTF-8", MANWIDTH="200")
    r = subprocess.run(["man", "-l", "-P", "cat", MAN_PAGE], capture_output=True, env=env,
                       timeout=60)
    page = re.sub(r".\x08", "", r.stdout.decode())  # bold and underline by overstriking
    assert r.returncode == 0 and r.stderr == b"", r.stderr
    for expected in ["geokg - build a knowledge graph of political relations",
                     "Command query between:", "Usage: geokg query GRAPH between [OPTIONS] A B",
                     "Pjöngjang", "--status TEXT:{fact,all}"]:
        assert expected in page, (expected, page[:2000])


shutil.rmtree(TMP, ignore_errors=True)
for name, error in results:
    print(f"{'ok  ' if error is None else 'FAIL'} {name}" + ("" if error is None else f": {error}"))
failed = sum(e is not None for _, e in results)
print(f"{len(results) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
