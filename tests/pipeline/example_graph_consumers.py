#!/usr/bin/env python3
"""Builds the example graph with the geokg CLI in every format and opens it the
way users do: networkx and igraph (GraphML), networkx (GEXF), Graphviz (DOT).
Node and edge counts must agree with the JSON; Gephi must find no two edges of
a pair with one kind (its importer merges them), the CSV edge list and
`extract --format csv` must read back with Python's csv module as the JSON and
JSONL say.  Usage: example_graph_consumers.py GEOKG"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import igraph
import networkx as nx

passed = failed = 0


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


geokg = sys.argv[1]
examples = os.environ["GEOKG_EXAMPLES"]
with tempfile.TemporaryDirectory() as tmp:
    outs = [os.path.join(tmp, "g." + ext) for ext in ("json", "graphml", "gexf", "dot", "csv")]
    # --status all keeps hypothetical and negated edges too: the JSON always does.
    cmd = [geokg, "build", examples, "--status", "all"] + sum((["-o", o] for o in outs), [])
    run = subprocess.run(cmd, capture_output=True, text=True)
    check("build exits 0", run.returncode == 0, run.stderr)
    graph = json.load(open(outs[0], encoding="utf-8"))
    nodes = len(graph["nodes"])
    edges = len(graph["edges"])
    check("the example graph is not trivial", nodes >= 8 and edges >= 12, f"{nodes} nodes {edges} edges")

    g = nx.read_graphml(outs[1])
    check("networkx GraphML nodes", g.number_of_nodes() == nodes, f"{g.number_of_nodes()} != {nodes}")
    check("networkx GraphML edges", g.number_of_edges() == edges, f"{g.number_of_edges()} != {edges}")
    check("networkx sees USA -> PRK THREATEN",
          any(d.get("relation") == "THREATEN" for _, _, d in g.edges("USA", data=True) if _ != "x")
          if g.has_node("USA") else False)

    ig = igraph.Graph.Read_GraphML(outs[1])
    check("igraph GraphML nodes", ig.vcount() == nodes, f"{ig.vcount()} != {nodes}")
    check("igraph GraphML edges", ig.ecount() == edges, f"{ig.ecount()} != {edges}")

    # networkx 2.8 knows GEXF up to 1.2draft; 1.3 files carry the same structure.
    nx.readwrite.gexf.GEXF.versions["1.3"] = dict(nx.readwrite.gexf.GEXF.versions["1.2draft"])
    nx.readwrite.gexf.GEXF.versions["1.3"].update(
        {"NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz", "VERSION": "1.3"})
    root = ET.parse(outs[2]).getroot()
    check("GEXF is version 1.3", root.get("version") == "1.3")
    try:
        gx = nx.read_gexf(outs[2], version="1.3")
        check("networkx GEXF nodes", gx.number_of_nodes() == nodes)
        check("networkx GEXF edges", gx.number_of_edges() == edges)
    except Exception as err:  # noqa: BLE001 - report, do not crash
        check("networkx reads the GEXF", False, repr(err))

    ns = {"g": "http://gexf.net/1.3"}
    kinds = [(e.get("source"), e.get("target"), e.get("kind"))
             for e in root.findall("g:graph/g:edges/g:edge", ns)]
    check("no two GEXF edges Gephi would merge", len(set(kinds)) == len(kinds) == edges,
          f"{len(set(kinds))} distinct of {len(kinds)}")
    check("GEXF hypothetical edges have their own kind",
          sum(k.endswith("(hypothetical)") for _, _, k in kinds) ==
          sum(e["status"] == "hypothetical" for e in graph["edges"]))

    with open(outs[4], newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, strict=True))
    check("CSV edge list rows", len(rows) == edges, f"{len(rows)} != {edges}")
    check("CSV edge list names and weights",
          [(r["source"], r["target"], r["relation"], r["status"], int(r["weight"]))
           for r in rows] ==
          [(e["source"], e["target"], e["relation"], e["status"], e["weight"])
           for e in graph["edges"]])
    check("CSV edge list has names", any(r["source_name"] == "Germany" for r in rows))

    inputs = [os.path.join(examples, "articles"), os.path.join(examples, "sample.jsonl")]
    jsonl = subprocess.run([geokg, "extract", *inputs], capture_output=True, text=True)
    flat = subprocess.run([geokg, "extract", *inputs, "--format", "csv"], capture_output=True,
                          text=True)
    events = [json.loads(line) for line in jsonl.stdout.splitlines()]
    rows = list(csv.DictReader(io.StringIO(flat.stdout, newline=""), strict=True))
    check("extract --format csv exits 0", flat.returncode == 0, flat.stderr)
    check("extract --format csv: one row per event", len(rows) == len(events) > 10,
          f"{len(rows)} rows, {len(events)} events")
    check("extract --format csv: the same events",
          [(r["doc"], int(r["sentence"]), r["source"], r["relation"], r["target"], r["evidence"])
           for r in rows] ==
          [(e["doc"], e["sentence"], e["source"]["id"], e["relation"], e["target"]["id"],
            e["evidence"]) for e in events])

    # Exactly, for one article: quoting, CRLF, names next to codes.
    article = ('{"id":"t;1","date":"2023-07-12","text":"The United States condemned the '
               'launch, and urged \\"North Korea\\" to return to talks."}\n')
    one = subprocess.run([geokg, "extract", "--format", "csv", "-"], input=article.encode(),
                         capture_output=True)
    evidence = ('"The United States condemned the launch, and urged ""North Korea"" '
                'to return to talks."')
    want = ("doc,sentence,source,source_name,source_code,source_type,relation,target,target_name,"
            "target_code,target_type,status,quad,date,attributed_to,trigger,evidence\r\n"
            '"t;1",0,USA,United States,USA,state,REQUEST,PRK,North Korea,PRK,state,fact,'
            f"verbal-conflict,2023-07-12,United States,urged,{evidence}\r\n"
            '"t;1",0,USA,United States,USA,state,ACCUSE,PRK,North Korea,PRK,state,fact,'
            f"verbal-conflict,2023-07-12,United States,condemned,{evidence}\r\n")
    check("extract --format csv of one article, exactly", one.stdout.decode() == want,
          repr(one.stdout.decode()))

    svg = subprocess.run(["dot", "-Tsvg", outs[3]], capture_output=True, text=True)
    check("dot -Tsvg renders", svg.returncode == 0 and "<svg" in svg.stdout, svg.stderr[:500])

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
