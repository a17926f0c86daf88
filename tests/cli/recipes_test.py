#!/usr/bin/env python3
"""The Spark and Hadoop recipes of docs/scale-out.md (issue 16), run as
written in the doc, against stand-ins that make the subprocess calls the
frameworks make: PySpark's RDD.pipe (2.x and 3.x: Popen(shlex.split(command),
env=env, stdin=PIPE, stdout=PIPE), elements written as lines, stdout read as
lines, with checkCode an exception on a non-zero exit) and Hadoop Streaming's
map-only job (the mapper split on blanks, run per input split with the
environment plus -cmdenv, in a folder holding the -files; a non-zero exit
fails the job), with HDFS as a local folder.  The recipes must give what one
geokg extract or build gives, and a failing geokg (a wrong GEOKG_DATA_DIR,
exit 2) must fail each.  Also the doc's filter that drops the events of ids
repeated in later blocks.

Usage: recipes_test.py GEOKG [--only NAME]
Needs GEOKG_DATA_DIR.  Prints one line per case and "N passed, N failed" last.
"""
import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
from subprocess import PIPE, Popen
from threading import Thread

HERE = os.path.dirname(os.path.abspath(__file__))
DOC = os.path.join(HERE, "..", "..", "docs", "scale-out.md")
sys.path.insert(0, HERE)
import shards_test  # noqa: E402  documents written for tests of sharding
from case_runner import run_cases  # noqa: E402

GEOKG = ""
DATA = ""
CASES = []
INSTALLED_DATA = "/usr/share/geokg"   # what the doc names; replaced by the test's


def case(fn):
    CASES.append(fn)
    return fn


def doc_blocks(section, lang):
    """The fenced `lang` blocks under the ### heading `section`, in order."""
    with open(DOC, encoding="utf-8") as f:
        text = f.read()
    part = text.split(f"### {section}\n", 1)[1].split("\n### ", 1)[0]
    return re.findall(rf"^```{lang}\n(.*?)^```$", part, re.M | re.S)


def corpus(tmp, parts=3):
    """The test's articles, in `parts` files of whole lines (splits, partitions)."""
    lines = [shards_test.json.dumps(d, ensure_ascii=False) + "\n"
             for d in shards_test.documents()]
    # A bad line, so that one task's geokg exits 1, which the recipes must accept.
    lines.insert(len(lines) // 2, '{"id": "broken", "text": \n')
    whole = os.path.join(tmp, "articles.jsonl")
    with open(whole, "w", encoding="utf-8") as f:
        f.writelines(lines)
    n = len(lines)
    return whole, [lines[k * n // parts:(k + 1) * n // parts] for k in range(parts)]


def one_run(*argv):
    r = subprocess.run([GEOKG, *argv], capture_output=True)
    if r.returncode not in (0, 1):
        raise AssertionError(f"geokg {argv}: exit {r.returncode}: {r.stderr.decode()}")
    return r.stdout


def read(path):
    with open(path, "rb") as f:
        return f.read()


def check(cond, message):
    if not cond:
        raise AssertionError(message)


# --- Spark ------------------------------------------------------------------------------

def pyspark_pipe(command, env, check_code, elements):
    """One partition through RDD.pipe, as PySpark 2.x and 3.x do it."""
    pipe = Popen(shlex.split(command), env=env, stdin=PIPE, stdout=PIPE)

    def pipe_objs(out):
        for obj in elements:
            out.write((str(obj).rstrip("\n") + "\n").encode("utf-8"))
        out.close()
    Thread(target=pipe_objs, args=[pipe.stdin]).start()
    lines = [x.rstrip(b"\n").decode("utf-8") for x in iter(pipe.stdout.readline, b"")]
    pipe.wait()
    if check_code and pipe.returncode:
        raise Exception(f"Pipe function `{command}' exited with error code {pipe.returncode}")
    return lines


class StandInRDD:
    def __init__(self, partitions, storage):
        self.partitions, self.storage = partitions, storage

    def pipe(self, command, env=None, checkCode=False):  # noqa: N803  PySpark's names
        if env is None:
            env = dict()
        return StandInRDD([pyspark_pipe(command, env, checkCode, p) for p in self.partitions],
                          self.storage)

    def collect(self):
        return [x for p in self.partitions for x in p]

    def saveAsTextFile(self, path):  # noqa: N802
        folder = os.path.join(self.storage, path.split("://", 1)[1].lstrip("/"))
        os.makedirs(folder)
        for k, p in enumerate(self.partitions):
            with open(os.path.join(folder, f"part-{k:05d}"), "w", encoding="utf-8") as f:
                f.writelines(line + "\n" for line in p)


class StandInContext:
    def __init__(self, partitions, storage):
        self.partitions, self.storage = partitions, storage

    def textFile(self, path):  # noqa: N802
        return StandInRDD([[line.rstrip("\n") for line in p] for p in self.partitions],
                          self.storage)


def spark(tmp, code, data_dir):
    """Runs the doc's Python as the driver, in `tmp`, with geokg on the driver's PATH."""
    _, partitions = corpus(tmp)
    shared = os.path.join(tmp, "shared")
    code = code.replace(INSTALLED_DATA, data_dir).replace("/shared/", shared + "/")
    old_cwd, old_path = os.getcwd(), os.environ["PATH"]
    os.environ["PATH"] = os.path.dirname(GEOKG) + os.pathsep + old_path
    os.chdir(tmp)
    try:
        exec(compile(code, DOC, "exec"), {"sc": StandInContext(partitions,
                                                               os.path.join(tmp, "hdfs"))})
    finally:
        os.chdir(old_cwd)
        os.environ["PATH"] = old_path


def spark_events(tmp):
    folder = os.path.join(tmp, "hdfs", "corpus", "events")
    return b"".join(read(os.path.join(folder, p)) for p in sorted(os.listdir(folder)))


@case
def spark_extract_equals_one_extract(tmp):
    whole, _ = corpus(tmp)
    spark(tmp, doc_blocks("Spark", "python")[0], DATA)
    want = one_run("extract", "-q", whole)
    check(want, "no events extracted; the comparison would say nothing")
    check(spark_events(tmp) == want, "Spark's events differ from one extract's")


def spark_graph_code():
    """The graph block, after the lines of the events block that set up for it."""
    extract, build = doc_blocks("Spark", "python")
    return extract.split("events = ")[0] + build


@case
def spark_build_equals_one_build(tmp):
    whole, _ = corpus(tmp)
    spark(tmp, spark_graph_code(), DATA)
    one_run("build", "-q", whole, "-o", os.path.join(tmp, "one.json"))
    check(read(os.path.join(tmp, "graph.json")) == read(os.path.join(tmp, "one.json")),
          "Spark's graph differs from one build's")


def spark_must_raise(tmp, code, data_dir):
    try:
        spark(tmp, code, data_dir)
    except Exception as e:  # PySpark raises a bare Exception (2.x) or PySparkRuntimeError
        check("exited with error code" in str(e), f"raised, but not by pipe: {e!r}")
        return
    raise AssertionError("a failing geokg did not fail the Spark job")


@case
def spark_failing_geokg_raises(tmp):
    bad = os.path.join(tmp, "no-data")
    spark_must_raise(tmp, doc_blocks("Spark", "python")[0], bad)
    spark_must_raise(tmp, spark_graph_code(), bad)
    check(not os.path.exists(os.path.join(tmp, "graph.json")), "a failed job wrote a graph")


@case
def spark_env_that_replaces_path_raises(tmp):
    # The old recipe's env={...} drops PATH: with checkCode, that must not pass in silence.
    if shutil.which("geokg", path=os.defpath):
        print("      (geokg is on the default PATH; nothing to show)")
        return
    extract = doc_blocks("Spark", "python")[0]
    old = extract.replace("dict(os.environ, GEOKG_DATA_DIR=", "dict(GEOKG_DATA_DIR=")
    check(old != extract, "the doc's environment is no longer built from os.environ")
    spark_must_raise(tmp, old, DATA)


# --- Hadoop Streaming -------------------------------------------------------------------

# `hadoop jar STREAMING.jar ...`, map-only, one map task per input file.
HADOOP = r'''#!/usr/bin/python3
import os, shlex, shutil, subprocess, sys, tempfile
root = os.environ["STANDIN_HDFS"]
args = sys.argv[3:]                        # after "jar" and the jar's path
opts, cmdenv, files = {}, {}, []
while args:
    flag, value, args = args[0], args[1], args[2:]
    if flag == "-cmdenv":
        key, _, val = value.partition("=")
        cmdenv[key] = val
    elif flag == "-files":
        files += value.split(",")
    elif flag != "-D":
        opts[flag] = value
inp, out = root + opts["-input"], root + opts["-output"]
if os.path.exists(out):
    sys.exit(f"Output directory {opts['-output']} already exists")
os.makedirs(out)
for k, split in enumerate(sorted(os.listdir(inp))):
    task = tempfile.mkdtemp()
    for f in files:
        shutil.copy(f, task)
    with open(os.path.join(inp, split), "rb") as src, \
            open(os.path.join(out, f"part-{k:05d}"), "wb") as dst:
        r = subprocess.run(shlex.split(opts["-mapper"]), stdin=src, stdout=dst, cwd=task,
                           env=dict(os.environ, **cmdenv))
    if r.returncode:
        sys.exit(f"Streaming Command Failed! (a map task exited with {r.returncode})")
open(os.path.join(out, "_SUCCESS"), "w").close()
'''

# `hdfs dfs -put -f|-mkdir -p|-get`, on a local folder.
HDFS = r'''#!/usr/bin/python3
import os, shutil, sys
root = os.environ["STANDIN_HDFS"]
cmd, args = sys.argv[2], [a for a in sys.argv[3:] if a not in ("-f", "-p")]
if cmd == "-mkdir":
    os.makedirs(root + args[0], exist_ok=True)
elif cmd == "-put":
    src, dst = args
    if not os.path.isdir(os.path.dirname((root + dst).rstrip("/")) or "/") or \
            (dst.endswith("/") and not os.path.isdir(root + dst)):
        sys.exit(f"put: `{dst}': No such file or directory")
    shutil.copy(src, root + dst)
elif cmd == "-get":
    shutil.copytree(root + args[0], args[1])
'''


def hadoop(tmp, code, data_dir):
    """Runs the doc's shell lines in `tmp`/work with the stand-ins first on PATH."""
    _, splits = corpus(tmp)
    hdfs = os.path.join(tmp, "hdfs")
    os.makedirs(os.path.join(hdfs, "corpus", "articles"))
    for k, lines in enumerate(splits):
        with open(os.path.join(hdfs, "corpus", "articles", f"split-{k}"), "w") as f:
            f.writelines(lines)
    bin_dir, work = os.path.join(tmp, "bin"), os.path.join(tmp, "work")
    os.makedirs(bin_dir)
    os.makedirs(work)
    for name, text in (("hadoop", HADOOP), ("hdfs", HDFS)):
        with open(os.path.join(bin_dir, name), "w") as f:
            f.write(text)
        os.chmod(os.path.join(bin_dir, name), 0o755)
    env = dict(os.environ, STANDIN_HDFS=hdfs, HADOOP_HOME=os.path.join(tmp, "hadoop"),
               PATH=os.pathsep.join([bin_dir, os.path.dirname(GEOKG), os.environ["PATH"]]))
    env.pop("GEOKG_DATA_DIR")  # the job's -cmdenv must give it
    return subprocess.run(["bash", "-e", "-c", code.replace(INSTALLED_DATA, data_dir)],
                          cwd=work, env=env, capture_output=True)


def succeeded(r):
    check(r.returncode == 0, f"exit {r.returncode}: {r.stderr.decode('utf-8', 'replace')}")


@case
def hadoop_extract_equals_one_extract(tmp):
    whole, _ = corpus(tmp)
    succeeded(hadoop(tmp, doc_blocks("Hadoop Streaming", "sh")[0], DATA))
    folder = os.path.join(tmp, "hdfs", "corpus", "events")
    got = b"".join(read(os.path.join(folder, p)) for p in sorted(os.listdir(folder)))
    want = one_run("extract", "-q", whole)
    check(want and got == want, "Hadoop's events differ from one extract's")


@case
def hadoop_build_equals_one_build(tmp):
    whole, _ = corpus(tmp)
    succeeded(hadoop(tmp, doc_blocks("Hadoop Streaming", "sh")[1], DATA))
    one_run("build", "-q", whole, "-o", os.path.join(tmp, "one.json"))
    check(read(os.path.join(tmp, "work", "graph.json")) == read(os.path.join(tmp, "one.json")),
          "Hadoop's graph differs from one build's")


@case
def hadoop_failing_geokg_fails_the_job(tmp):
    for k, block in enumerate(doc_blocks("Hadoop Streaming", "sh")):
        sub = os.path.join(tmp, str(k))
        os.mkdir(sub)
        r = hadoop(sub, block, os.path.join(tmp, "no-data"))
        check(r.returncode != 0, f"block {k}: a failing geokg did not fail the job")
        check(b"Streaming Command Failed" in r.stderr, f"block {k}: {r.stderr!r}")


@case
def hadoop_graph_folder_must_exist(tmp):
    # Without the doc's mkdir step, the stand-in's put fails as HDFS's does.
    block = doc_blocks("Hadoop Streaming", "sh")[1]
    step = "hdfs dfs -mkdir -p /corpus/graphs\n"
    check(step in block, "the doc no longer creates the graphs folder")
    r = hadoop(tmp, block.replace(step, ""), DATA)
    check(r.returncode != 0 and b"No such file or directory" in r.stderr,
          f"the job passed without the graphs folder: {r.stderr!r}")


# --- duplicate ids across blocks --------------------------------------------------------

@case
def filter_drops_ids_repeated_in_later_blocks(tmp):
    # Blocks of whole lines, 1..12, each extracted on its own: later copies of
    # an id come out again until the doc's filter drops them.
    docs = shards_test.documents()
    lines = [shards_test.json.dumps(d, ensure_ascii=False) + "\n" for d in docs] * 3
    whole = os.path.join(tmp, "articles.jsonl")
    with open(whole, "w", encoding="utf-8") as f:
        f.writelines(lines)
    events = os.path.join(tmp, "events")
    os.mkdir(events)
    every = 0
    for k in range(0, len(lines), 4):
        block = os.path.join(tmp, "block.jsonl")
        with open(block, "w", encoding="utf-8") as f:
            f.writelines(lines[k:k + 4])
        out = os.path.join(events, f"{k // 4 + 1}.jsonl")
        one_run("extract", "-q", block, "-o", out)
        every += len(read(out).splitlines())
    want = one_run("extract", "-q", whole)
    check(every > len(want.splitlines()), "no id repeats in a later block")
    code = [b for b in doc_blocks("Duplicate ids across shards", "sh")
            if "events/*.jsonl" in b][0]
    r = subprocess.run(["bash", "-e", "-c", code], cwd=tmp, capture_output=True)
    succeeded(r)
    check(read(os.path.join(tmp, "events.jsonl")) == want,
          "the filtered events differ from one extract's")


def main():
    global GEOKG, DATA
    ap = argparse.ArgumentParser()
    ap.add_argument("geokg")
    ap.add_argument("--only")
    args = ap.parse_args()
    GEOKG = os.path.abspath(args.geokg)
    DATA = os.environ.get("GEOKG_DATA_DIR", "")
    if not DATA:
        print("GEOKG_DATA_DIR is not set", file=sys.stderr)
        return 2
    return run_cases(CASES, args.only, "geokg-recipes-")


if __name__ == "__main__":
    sys.exit(main())
