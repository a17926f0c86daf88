"""geokg query timeline end to end on graphs/example.json (built from examples/):
exact answers in every format, for the whole graph, an actor and a pair, by week,
month and year; the --plot SVG read by xmllint and rsvg-convert; one-line errors.

usage: timeline_cli_test.py GEOKG SOURCE_ROOT   (GEOKG_DATA_DIR set by meson)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

GEOKG, ROOT = sys.argv[1], sys.argv[2]
GRAPH = os.path.join(ROOT, "graphs", "example.json")
SVG_TEXT = "{http://www.w3.org/2000/svg}text"
failed = 0


def check(cond, what):
    global failed
    if not cond:
        failed += 1
        print(f"FAIL: {what}", flush=True)


def run(*args):
    # Bytes decoded here: text mode would turn CSV's \r\n into \n.
    p = subprocess.run([GEOKG, "query", GRAPH, "timeline", *args], capture_output=True,
                       timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def expect(args, out, err=""):
    rc, got, got_err = run(*args)
    check(rc == 0, f"{args}: exit {rc}: {got_err.strip()}")
    check(got == out, f"{args}: stdout\n{got!r}\nwanted\n{out!r}")
    check(got_err == err, f"{args}: stderr {got_err!r}, wanted {err!r}")


UNDATED_ALL = "geokg: 12 evidence sentences from 1 document have no date and are not counted\n"
UNDATED_RUS = "geokg: 9 evidence sentences from 1 document have no date and are not counted\n"
UNDATED_PAIR = "geokg: 2 evidence sentences from 1 document have no date and are not counted\n"


def whole_graph():
    expect(["--format", "table"], """\
period   start       evidence  documents  AGREE  CONSULT  AID  REQUEST  ACCUSE  THREATEN  SANCTION  ASSAULT
-------  ----------  --------  ---------  -----  -------  ---  -------  ------  --------  --------  -------
2023-06  2023-06-01         4          1      1        0    0        0       0         0         2        1
2023-07  2023-07-01         2          1      0        0    0        1       1         0         0        0
2023-08  2023-08-01         1          1      0        0    1        0       0         0         0        0
2023-09  2023-09-01         4          1      0        2    0        1       0         1         0        0
2023-10  2023-10-01         2          1      0        0    1        0       0         0         0        1
""", UNDATED_ALL)
    # Piped output is TSV; weeks are ISO weeks from Monday, empty ones as zeros.
    rc, out, err = run("--by", "week")
    rows = [line.split("\t") for line in out.splitlines()]
    check(rc == 0 and rows[0][:4] == ["period", "start", "evidence", "documents"],
          f"week header: {rows[:1]} {err}")
    check([r[0] for r in rows[1:]] == [f"2023-W{w}" for w in range(25, 41)],
          f"every week from W25 to W40: {[r[0] for r in rows[1:]]}")
    check({r[0]: (r[1], r[2]) for r in rows[1:] if r[2] != "0"} ==
          {"2023-W25": ("2023-06-19", "4"), "2023-W28": ("2023-07-10", "2"),
           "2023-W35": ("2023-08-28", "1"), "2023-W37": ("2023-09-11", "4"),
           "2023-W40": ("2023-10-02", "2")}, f"weeks with evidence: {rows}")
    check(sum(int(r[2]) for r in rows[1:]) == 13, "13 dated fact sentences in all")
    expect(["--by", "year", "--format", "csv"],
           "period,start,evidence,documents,AGREE,CONSULT,AID,REQUEST,ACCUSE,THREATEN,"
           "SANCTION,ASSAULT\r\n2023,2023-01-01,13,5,1,2,2,2,1,1,2,2\r\n", UNDATED_ALL)
    # The range bounds the periods; a month without evidence is a zero row.
    expect(["--by", "month", "--per", "quad", "--since", "2023-07", "--until", "2023-08-31",
            "--format", "tsv"], """\
period\tstart\tevidence\tdocuments\tverbal-cooperation\tmaterial-cooperation\tverbal-conflict\tmaterial-conflict
2023-07\t2023-07-01\t2\t1\t0\t0\t2\t0
2023-08\t2023-08-01\t1\t1\t0\t1\t0\t0
""", UNDATED_ALL)


def actor():
    # A German name resolves; what Russia does and what is done to it, by quad class.
    expect(["Russland", "--per", "quad", "--format", "table"], """\
period   start       direction  evidence  documents  verbal-cooperation  material-cooperation  verbal-conflict  material-conflict
-------  ----------  ---------  --------  ---------  ------------------  --------------------  ---------------  -----------------
2023-06  2023-06-01  RUS->any          1          1                   0                     0                0                  1
2023-06  2023-06-01  any->RUS          2          1                   0                     0                0                  2
2023-07  2023-07-01  RUS->any          0          0                   0                     0                0                  0
2023-07  2023-07-01  any->RUS          0          0                   0                     0                0                  0
2023-08  2023-08-01  RUS->any          0          0                   0                     0                0                  0
2023-08  2023-08-01  any->RUS          1          1                   0                     1                0                  0
2023-09  2023-09-01  RUS->any          0          0                   0                     0                0                  0
2023-09  2023-09-01  any->RUS          2          1                   2                     0                0                  0
2023-10  2023-10-01  RUS->any          1          1                   0                     0                0                  1
2023-10  2023-10-01  any->RUS          0          0                   0                     0                0                  0
""", UNDATED_RUS)
    rc, out, err = run("RUS", "--by", "year", "--format", "json")
    check(rc == 0 and err == "", f"RUS json: {rc} {err}")
    check(json.loads(out) == {
        "command": "timeline",
        "columns": ["period", "start", "direction", "evidence", "documents", "CONSULT", "AID",
                    "SANCTION", "ASSAULT"],
        "rows": [
            {"period": "2023", "start": "2023-01-01", "direction": "RUS->any", "evidence": 2,
             "documents": 2, "CONSULT": 0, "AID": 0, "SANCTION": 0, "ASSAULT": 2},
            {"period": "2023", "start": "2023-01-01", "direction": "any->RUS", "evidence": 5,
             "documents": 3, "CONSULT": 2, "AID": 1, "SANCTION": 2, "ASSAULT": 0}],
        "notes": ["9 evidence sentences from 1 document have no date and are not counted"]},
        f"RUS by year as JSON: {out}")


def pair():
    expect(["USA", "PRK", "--format", "tsv"], """\
period\tstart\tdirection\tevidence\tdocuments\tREQUEST\tACCUSE
2023-07\t2023-07-01\tUSA->PRK\t2\t1\t1\t1
2023-07\t2023-07-01\tPRK->USA\t0\t0\t0\t0
2023-08\t2023-08-01\tUSA->PRK\t0\t0\t0\t0
2023-08\t2023-08-01\tPRK->USA\t0\t0\t0\t0
2023-09\t2023-09-01\tUSA->PRK\t1\t1\t1\t0
2023-09\t2023-09-01\tPRK->USA\t0\t0\t0\t0
""", UNDATED_PAIR)
    # --status all adds the hypothetical and negated evidence.
    expect(["USA", "PRK", "--status", "all", "--by", "year", "--format", "csv"],
           "period,start,direction,evidence,documents,REQUEST,ACCUSE\r\n"
           "2023,2023-01-01,USA->PRK,3,2,2,1\r\n2023,2023-01-01,PRK->USA,0,0,0,0\r\n",
           UNDATED_PAIR)
    rc, out, err = run("USA", "PRK", "--by", "week", "--per", "quad", "--format", "json")
    j = json.loads(out)
    nonzero = [(r["period"], r["direction"], r["evidence"], r["verbal-conflict"])
               for r in j["rows"] if r["evidence"]]
    check(nonzero == [("2023-W28", "USA->PRK", 2, 2), ("2023-W37", "USA->PRK", 1, 1)],
          f"USA PRK weeks: {nonzero}")
    check(len(j["rows"]) == 20 and j["notes"] == [UNDATED_PAIR[7:-1]],
          f"W28..W37, two directions each: {len(j['rows'])} {j['notes']}")
    # A pair with only undated or other-status evidence has no rows, and says why.
    expect(["USA", "RUS", "--format", "json"],
           '{"command":"timeline","columns":["period","start","direction","evidence",'
           '"documents"],"rows":[],"notes":["no dated evidence matches"]}\n')


def errors():
    cases = [
        (["XYZ"], "geokg: unknown actor 'XYZ': no actor in the graph has this code, name or "
                  "alias\n"),
        (["--by", "day"], "geokg: unknown period 'day' (expected week, month or year)\n"),
        (["--per", "type"], "geokg: unknown series 'type' (expected relation or quad)\n"),
        (["USA", "usa"], "geokg: 'USA' and 'usa' are the same actor (USA)\n"),
        (["USA", "RUS", "PRK"], "geokg: timeline takes at most two actors\n"),
        (["--plot", "chart.png"],
         "geokg: --plot writes SVG: give a file name ending in .svg, not 'chart.png'\n"),
        (["--since", "2023-13"],
         "geokg: --since wants a date YYYY-MM-DD, YYYY-MM or YYYY, not '2023-13'\n"),
    ]
    for args, message in cases:
        rc, out, err = run(*args)
        check(rc == 2 and out == "" and err == message, f"{args}: {rc} {out!r} {err!r}")


def plot():
    for tool in ("xmllint", "rsvg-convert"):
        check(shutil.which(tool), f"{tool} not found: run scripts/install-deps.sh")
    tmp = tempfile.mkdtemp(prefix="geokg-timeline-")
    for args in (["--per", "quad"], ["USA", "PRK", "--by", "week"], ["RUS", "--by", "year"]):
        svg = os.path.join(tmp, "chart.svg")
        png = os.path.join(tmp, "chart.png")
        rc, _, err = run(*args, "--plot", svg)
        check(rc == 0 and os.path.getsize(svg) > 0, f"plot {args}: {rc} {err}")
        lint = subprocess.run(["xmllint", "--noout", svg], capture_output=True, text=True)
        check(lint.returncode == 0 and lint.stderr == "", f"xmllint {args}: {lint.stderr}")
        conv = subprocess.run(["rsvg-convert", svg, "-o", png], capture_output=True, text=True)
        check(conv.returncode == 0 and os.path.getsize(png) > 0, f"rsvg-convert {args}")
        with open(png, "rb") as f:
            check(f.read(8) == b"\x89PNG\r\n\x1a\n", f"rsvg-convert {args} wrote a PNG")
        texts = {"".join(t.itertext()) for t in ET.parse(svg).iter(SVG_TEXT)}
        # The legend names every series, the axis the periods.
        want = {"--per": ["material-conflict", "verbal-cooperation", "2023-06", "2023-10",
                          "month", "evidence sentences", "All actors: evidence per month (fact)"],
                "USA": ["REQUEST  USA->PRK", "ACCUSE  PRK->USA", "2023-07-10", "week starting",
                        "USA and PRK: evidence per week (fact)"],
                "RUS": ["ASSAULT  RUS->any", "SANCTION  any->RUS", "2023", "year"]}[args[0]]
        for w in want:
            check(w in texts, f"plot {args}: '{w}' drawn: {sorted(texts)}")
    # Nothing to draw: an error, and the chart already there stays as it was.
    before = open(svg, "rb").read()
    rc, _, err = run("--since", "2030", "--plot", svg)
    check(rc == 2 and err == f"geokg: {svg}: nothing to plot: no dated evidence matches; "
          "12 evidence sentences from 1 document have no date and are not counted\n",
          f"empty plot: {rc} {err}")
    check(open(svg, "rb").read() == before, "a failed plot leaves the old chart")
    check(sorted(os.listdir(tmp)) == ["chart.png", "chart.svg"], "no temporaries left")
    shutil.rmtree(tmp)


def main():
    whole_graph()
    actor()
    pair()
    errors()
    plot()
    print("timeline: " + ("FAILED" if failed else "all checks passed"))
    sys.exit(1 if failed else 0)


main()
