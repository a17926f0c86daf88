#!/usr/bin/env python3
"""Builds the example graph with the geokg CLI in every format and opens it the
way users do: networkx and igraph (GraphML), networkx (GEXF), Graphviz (DOT).
Node and edge counts must agree with the JSON.  Usage: example_graph_consumers.py GEOKG"""
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
    outs = [os.path.join(tmp, "g." + ext) for ext in ("json", "graphml", "gexf", "dot")]
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

    svg = subprocess.run(["dot", "-Tsvg", outs[3]], capture_output=True, text=True)
    check("dot -Tsvg renders", svg.returncode == 0 and "<svg" in svg.stdout, svg.stderr[:500])

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
