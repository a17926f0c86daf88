"""geokg query end to end: builds a graph from examples/ and checks every
command's answer against the graph file itself, every output format, and the
one-line errors with exit status 2.

usage: query_cli_test.py GEOKG SOURCE_ROOT   (GEOKG_DATA_DIR set by meson)
"""
import csv
import datetime
import io
import json
import os
import subprocess
import sys
import tempfile
from collections import deque

GEOKG, ROOT = sys.argv[1], sys.argv[2]
PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
STATUSES = ["fact", "hypothetical", "negated"]
SYMMETRIC = {"AGREE", "CONSULT", "COOPERATE"}
EDGE_COLUMNS = ["source", "relation", "target", "status", "weight", "documents", "first_seen",
                "last_seen"]

passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {what}", flush=True)


def run(*args):
    p = subprocess.run([GEOKG, *args], capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def query(graph, *args, fmt="json"):
    rc, out, err = run("query", graph, *args, "--format", fmt)
    if rc != 0:
        check(False, f"query {' '.join(args)} --format {fmt}: exit {rc}: {err.strip()}")
        return None
    return json.loads(out) if fmt == "json" else out


def edge_row(e):
    return {"source": e["source"], "relation": e["relation"], "target": e["target"],
            "status": e["status"], "weight": e["weight"], "documents": e["documents"],
            "first_seen": e["first_seen"] or None, "last_seen": e["last_seen"] or None}


LIST_COLUMNS = ["source", "source_name", "target", "target_name", "relation", "status", "quad",
                "weight", "documents", "first_seen", "last_seen", "evidence_doc",
                "evidence_sentence", "evidence"]


def day(date):
    """YYYY-MM-DD of an ISO date or date-time, the first day of YYYY-MM or YYYY."""
    for n, pad in ((10, ""), (7, "-01"), (4, "-01-01")):
        if len(date) == n or (n == 10 and len(date) > 10 and not date[10].isdigit()):
            try:
                datetime.date.fromisoformat(date[:n] + pad)
                return date[:n] + pad
            except ValueError:
                return ""
    return ""


def list_row(e, labels):
    """The row of `query relations` (and -o graph.csv): names, normalised dates
    and the earliest dated evidence sentence (else the first)."""
    days = sorted(day(ev["date"]) for ev in e["evidence"] if day(ev["date"]))
    dated = [ev for ev in e["evidence"] if day(ev["date"])]
    first = min(dated, key=lambda ev: day(ev["date"])) if dated else (e["evidence"] or [None])[0]
    return {"source": e["source"], "source_name": labels[e["source"]], "target": e["target"],
            "target_name": labels[e["target"]], "relation": e["relation"],
            "status": e["status"], "quad": e["quad"], "weight": e["weight"],
            "documents": e["documents"], "first_seen": days[0] if days else None,
            "last_seen": days[-1] if days else None,
            "evidence_doc": first and first["doc"], "evidence_sentence": first and first["sentence"],
            "evidence": first and first["text"]}


def strongest_first(e):
    return (-e["weight"], -e["documents"], e["source"], e["target"],
            PLOVER.index(e["relation"]), STATUSES.index(e["status"]))


def main():
    tmp = tempfile.mkdtemp(prefix="geokg-query-")
    graph = os.path.join(tmp, "graph.json")
    rc, _, err = run("build", os.path.join(ROOT, "examples"), "-o", graph, "--quiet")
    check(rc == 0 and os.path.exists(graph), f"build examples: exit {rc}: {err.strip()}")
    if not os.path.exists(graph):
        return
    with open(graph, encoding="utf-8") as f:
        g = json.load(f)
    events = [e for e in g["edges"] if e["kind"] == "event"]
    facts = [e for e in events if e["status"] == "fact"]
    ids = {n["id"] for n in g["nodes"]}

    # between: every relation of both directions, every status; USA -> PRK first.
    b = query(graph, "between", "USA", "PRK")
    check(b["command"] == "between" and b["columns"] == EDGE_COLUMNS, "between columns")
    want = sorted((e for e in events if {e["source"], e["target"]} == {"USA", "PRK"}),
                  key=lambda e: (e["source"] != "USA", PLOVER.index(e["relation"]),
                                 STATUSES.index(e["status"])))
    check(b["rows"] == [edge_row(e) for e in want], f"between USA PRK rows: {b['rows']}")
    usa_prk = {r["relation"] for r in b["rows"] if r["source"] == "USA" and r["target"] == "PRK"}
    for r in ("THREATEN", "SANCTION", "REQUEST"):
        check(r in usa_prk, f"between USA PRK lists {r} from USA to PRK (has {sorted(usa_prk)})")

    # Names: codes, German and English names, capitals, case and accents.
    for name in ["prk", "Nordkorea", "NORDKOREA", "north korea", "Pjöngjang", "PJÖNGJANG",
                 "Pjongjang"]:
        check(query(graph, "between", "USA", name) == b, f"'{name}' names PRK")
    check(query(graph, "between", "Washington", "PRK") == b, "'Washington' names USA")

    # relations: the facts, strongest first, as the spreadsheet edge list; filters.
    labels = {n["id"]: n["label"] for n in g["nodes"]}
    r = query(graph, "relations")
    check(r["columns"] == LIST_COLUMNS, f"relations columns {r['columns']}")
    check(r["rows"] == [list_row(e, labels) for e in sorted(facts, key=strongest_first)],
          "relations = fact edges, strongest first")
    # Its CSV rows are the rows of -o graph.csv (both keep the facts), in
    # another order.
    edge_list = os.path.join(tmp, "graph.csv")
    rc, _, err = run("build", os.path.join(ROOT, "examples"), "-o", edge_list, "--quiet")
    with open(edge_list, newline="", encoding="utf-8") as f:
        file_rows = sorted(csv.reader(f))
    c = query(graph, "relations", fmt="csv")
    check(rc == 0 and c.startswith(",".join(LIST_COLUMNS) + "\n") and len(file_rows) > 1 and
          sorted(csv.reader(io.StringIO(c, newline=""))) == file_rows,
          f"relations --format csv and graph.csv differ: exit {rc} {err}")
    r = query(graph, "relations", "--from", "Vereinigte Staaten", "--type", "threaten,SANCTION",
              "--status", "all")
    want = sorted((e for e in events if e["source"] == "USA" and
                   e["relation"] in ("THREATEN", "SANCTION")), key=strongest_first)
    check(r["rows"] == [list_row(e, labels) for e in want],
          f"relations --from USA --type: {r['rows']}")
    r = query(graph, "relations", "--min-weight", "2")
    check(r["rows"] == [list_row(e, labels) for e in sorted(facts, key=strongest_first)
                        if e["weight"] >= 2], "relations --min-weight 2")
    dated = sorted({ev["date"][:7] for e in facts for ev in e["evidence"] if ev["date"]})
    if dated:
        month = dated[-1]
        r = query(graph, "relations", "--since", month, "--until", month)
        want = {(e["source"], e["relation"], e["target"],
                 sum(1 for ev in e["evidence"] if ev["date"][:7] == month)) for e in facts}
        got = {(x["source"], x["relation"], x["target"], x["weight"]) for x in r["rows"]}
        check(got == {w for w in want if w[3] > 0}, f"relations in {month}: {got}")

    # actors: weighted degree of the facts, ties by id; PageRank sums to 1.
    a = query(graph, "actors", "--top", "0")
    deg = {}
    for e in facts:
        for side in ("source", "target"):
            deg[e[side]] = deg.get(e[side], 0) + e["weight"]
    want = sorted(deg.items(), key=lambda kv: (-kv[1], kv[0]))
    check([(x["actor"], x["degree"]) for x in a["rows"]] == want, f"actors by degree: {a['rows']}")
    check([x["rank"] for x in a["rows"]] == list(range(1, len(want) + 1)), "actors ranks")
    check(abs(sum(x["pagerank"] for x in a["rows"]) - 1) < 1e-9, "PageRank sums to 1")
    check("betweenness" not in a["columns"], f"actors by degree computes betweenness: {a['columns']}")
    # A count beyond any graph means "no limit", not a number format error.
    huge = query(graph, "actors", "--top", "1000000000000")
    check(huge is not None and huge["rows"] == a["rows"], "actors --top 1000000000000")
    r = query(graph, "relations", "--min-weight", "99999999999999999999999")
    check(r is not None and r["rows"] == [], "relations --min-weight beyond 2^32")
    n = query(graph, "neighbors", "PRK", "--depth", "18446744073709551616")
    check(n is not None and len(n["rows"]) > 0, "neighbors --depth beyond 2^64")
    for by in ("pagerank", "betweenness"):
        t = query(graph, "actors", "--by", by, "--top", "3")
        vals = [x[by] for x in t["rows"]]
        check(len(vals) == min(3, len(deg)) and vals == sorted(vals, reverse=True),
              f"actors --by {by} descending: {vals}")

    # neighbors: depth 1 is every fact touching PRK.
    n = query(graph, "neighbors", "Nordkorea")
    got = sorted((x["source"], x["relation"], x["target"]) for x in n["rows"])
    want = sorted((e["source"], e["relation"], e["target"]) for e in facts
                  if "PRK" in (e["source"], e["target"]))
    check(got == want and all(x["depth"] == 1 for x in n["rows"]), f"neighbors PRK: {got}")
    n2 = query(graph, "neighbors", "PRK", "--depth", "2")
    check(n2["rows"][:len(n["rows"])] == n["rows"] and len(n2["rows"]) >= len(n["rows"]),
          "neighbors --depth 2 extends depth 1")

    # path: a chain of the fewest hops (BFS here over the same hops).
    adj = {}
    for e in facts:
        adj.setdefault(e["source"], set()).add(e["target"])
        if e["relation"] in SYMMETRIC:
            adj.setdefault(e["target"], set()).add(e["source"])

    def hops(s, t):
        seen, q = {s: 0}, deque([s])
        while q:
            v = q.popleft()
            for w in adj.get(v, ()):
                if w not in seen:
                    seen[w] = seen[v] + 1
                    q.append(w)
        return seen.get(t)

    for s, t in [("USA", "RUS"), ("USA", "UKR"), ("KOR", "RUS")]:
        if s not in ids or t not in ids or hops(s, t) is None:
            continue
        p = query(graph, "path", s, t)
        n_hops = max(x["hop"] for x in p["rows"]) if p["rows"] else 0
        check(n_hops == hops(s, t), f"path {s} {t}: {n_hops} hops, expected {hops(s, t)}")
        at = s
        for h in range(1, n_hops + 1):
            rows = [x for x in p["rows"] if x["hop"] == h]
            ends = {x["target"] if x["source"] == at else x["source"] for x in rows}
            check(len(ends) == 1, f"path {s} {t} hop {h} goes to one actor: {ends}")
            at = ends.pop()
        check(at == t and p["notes"] == [], f"path {s} {t} ends at {t}")

    # evidence: the sentences of one edge.
    e = query(graph, "evidence", "USA", "threaten", "PRK")
    want = sorted(((ev["doc"], ev["sentence"], ev["text"]) for x in events
                   if (x["source"], x["relation"], x["target"]) == ("USA", "THREATEN", "PRK")
                   for ev in x["evidence"]))
    check(sorted((x["doc"], x["sentence"], x["text"]) for x in e["rows"]) == want and want,
          "evidence USA THREATEN PRK")

    # stats
    s = {(x["group"], x["name"]): x["value"] for x in query(graph, "stats")["rows"]}
    check(s[("graph", "documents")] == len(g["documents"]), "stats documents")
    check(s[("graph", "actors")] == len(g["nodes"]), "stats actors")
    check(s[("graph", "relations")] == len(events), "stats relations")
    for rel in PLOVER:
        k = sum(1 for x in events if x["relation"] == rel)
        check(s.get(("relation", rel), 0) == k, f"stats relation {rel}")
    check(s[("graph", "weak components")] >= 1, "stats weak components")

    # Every format of every command parses and holds the same rows.
    commands = [["actors"], ["relations"], ["between", "USA", "PRK"], ["neighbors", "PRK"],
                ["path", "USA", "RUS"], ["evidence", "USA", "THREATEN", "PRK"], ["stats"]]
    for cmd in commands:
        j = query(graph, *cmd)
        c = list(csv.reader(io.StringIO(query(graph, *cmd, fmt="csv"), newline="")))
        check(c[0] == j["columns"] and len(c) == len(j["rows"]) + 1, f"{cmd} csv parses")
        tsv = query(graph, *cmd, fmt="tsv")
        lines = tsv.split("\n")
        check(lines[-1] == "" and len(lines) == len(j["rows"]) + 2 and
              all(len(l.split("\t")) == len(j["columns"]) for l in lines[:-1]),
              f"{cmd} tsv has one line per row")
        rc, piped, _ = run("query", graph, *cmd)
        check(rc == 0 and piped == tsv, f"{cmd} piped output defaults to tsv")
        table = query(graph, *cmd, fmt="table")
        check(table.split("\n")[0].split() == j["columns"], f"{cmd} table header")
        # --format may come before the command as well.
        rc, out, _ = run("query", graph, "--format", "json", *cmd)
        check(rc == 0 and json.loads(out) == j, f"{cmd} --format before the command")

    # Errors: one line on stderr, exit status 2, nothing on stdout.
    bad = {}
    for name, text in [("corrupt.json", g and json.dumps(g)[:200]), ("foreign.json", '{"a": 1}'),
                       ("array.json", "[1, 2]"), ("empty.json", ""),
                       ("wrong-version.json", '{"format": "geokg-graph", "version": 99}')]:
        bad[name] = os.path.join(tmp, name)
        with open(bad[name], "w", encoding="utf-8") as f:
            f.write(text)
    with open(os.path.join(tmp, "binary.json"), "wb") as f:
        f.write(bytes(range(256)))
    bad["binary.json"] = os.path.join(tmp, "binary.json")
    errors = [
        ([graph, "between", "USA", "Nordkoria"], "did you mean: PRK"),
        ([graph, "neighbors", "Xyzzyqqq"], "unknown actor 'Xyzzyqqq'"),
        ([graph, "relations", "--from", "Atlantis"], "unknown actor 'Atlantis'"),
        ([graph, "relations", "--type", "THREATN"], "unknown relation type 'THREATN'"),
        ([graph, "evidence", "USA", "BOMB", "PRK"], "unknown relation type 'BOMB'"),
        ([graph, "relations", "--since", "2023-13-01"], "--since wants a date"),
        ([graph, "actors", "--until", "yesterday"], "--until wants a date"),
        ([graph, "relations", "--since", "2023-02-30"], "not '2023-02-30'"),
        ([graph, "relations", "--since", "2024", "--until", "2023"], "is after --until"),
        ([graph, "relations", "--status", "maybe"], "unknown status 'maybe'"),
        ([graph, "actors", "--by", "closeness"], "unknown ranking 'closeness'"),
        ([graph, "neighbors", "PRK", "--depth", "x"], "--depth wants a whole number"),
        ([graph, "path", "PRK", "Nordkorea"], "same actor"),
        ([graph, "--format", "xml", "stats"], "unknown output format 'xml'"),
        ([os.path.join(tmp, "missing.json"), "stats"], "cannot open"),
        ([tmp, "stats"], "is a directory"),
        ([bad["corrupt.json"], "stats"], "invalid JSON"),
        ([bad["foreign.json"], "stats"], "not a geokg graph"),
        ([bad["array.json"], "stats"], "not a geokg graph"),
        ([bad["empty.json"], "stats"], "invalid JSON"),
        ([bad["binary.json"], "between", "USA", "PRK"], "invalid JSON"),
        ([bad["wrong-version.json"], "stats"], "version 99"),
    ]
    for args, expect in errors:
        rc, out, err = run("query", *args)
        lines = err.splitlines()
        check(rc == 2 and out == "" and len(lines) == 1 and lines[0].startswith("geokg: ") and
              expect in lines[0], f"query {' '.join(args[1:])}: exit {rc}, stderr {err!r}")


main()
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
