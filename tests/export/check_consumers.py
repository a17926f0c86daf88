#!/usr/bin/python3
"""Loads geokg's exports of the hostile graphs in the tools people use them with.

usage: check_consumers.py WRITE_FIXTURE

Runs WRITE_FIXTURE into a temporary directory, then checks, for each graph,
against its JSON export: GraphML in networkx and igraph, GEXF in networkx,
DOT in Graphviz (dot -Tsvg, dot -Tcanon), GraphML/GEXF in xmllint, GEXF
against the rules of Gephi's importer (ImporterGEXF: kind, timestamps, viz),
the Neo4j CSV files against neo4j-admin's header syntax with the evidence read
back byte for byte, and the CSV edge list with Python's csv module.  Exits 1
and prints every failure.
"""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import igraph
import networkx as nx
from networkx.readwrite import gexf as nx_gexf

FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
    return condition


def xml_text(s):
    """What survives in XML: C0 controls other than tab, LF and CR dropped."""
    return "".join(c for c in s if ord(c) >= 0x20 or c in "\t\n\r")


def csv_text(s):
    return "".join(" " if c in "\t\n\r" else c for c in s if ord(c) >= 0x20 or c in "\t\n\r")


def verbatim(s):
    """geokg's text kept as written: C0 controls other than tab, LF, CR dropped."""
    return "".join(c for c in s if ord(c) >= 0x20 or c in "\t\n\r")


def truncate(s, limit):
    raw = s.encode("utf-8")
    if len(raw) <= limit:
        return s
    return raw[:limit].decode("utf-8", "ignore") + "\u2026"


def calendar_date(s):
    """YYYY-MM-DD from an ISO date or date-time, YYYY-MM or YYYY; else ""."""
    import datetime
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[^0-9].*)?)?)?", s, re.S)
    if not m:
        return ""
    try:
        return datetime.date(int(m[1]), int(m[2] or 1), int(m[3] or 1)).isoformat()
    except ValueError:
        return ""


def date_range(edge):
    dates = sorted(d for d in (calendar_date(ev["date"]) for ev in edge["evidence"]) if d)
    return (dates[0], dates[-1]) if dates else ("", "")


def spreadsheet_safe(s):
    """geokg's CSV cells: a leading ' where a spreadsheet would see a formula."""
    if s and s[0] in "=+-@\t\r" and not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", s):
        return "'" + s
    return s


def dot_id(s):
    """The node id Graphviz reads back from geokg's DOT: controls dropped, tabs
    as spaces, cut at 4096 bytes, a backslash doubled where Graphviz cannot
    hold a single one."""
    s = "".join(" " if c == "\t" else c for c in s if ord(c) >= 0x20 or c in "\t\n")
    raw = s.encode("utf-8")
    if len(raw) > 4096:
        s = raw[:4096].decode("utf-8", "ignore") + "\u2026"
    out, i = [], 0
    while i < len(s):
        if s[i] != "\\":
            out.append(s[i])
        elif s[i + 1:i + 2] == "\\":
            out.append("\\\\")
            i += 1
        elif i + 1 == len(s) or s[i + 1] in "\"\n":
            out.append("\\\\")
        else:
            out.append("\\")
        i += 1
    return "".join(out)


def unique(pairs):
    """geokg's rule for ids that collide once cleaned: ids cleaning left alone
    keep them, the others take a ~2, ~3 ... suffix when theirs is taken."""
    used, out, changed = set(), [None] * len(pairs), []
    for k, (raw, clean) in enumerate(pairs):
        if raw == clean and clean and clean not in used:
            used.add(clean)
            out[k] = clean
        else:
            changed.append(k)
    for k in changed:
        base = pairs[k][1] or "_"
        cand, n = base, 2
        while cand in used:
            cand = f"{base}~{n}"
            n += 1
        used.add(cand)
        out[k] = cand
    return out


def expect(graph, normalise):
    nodes = graph["nodes"]
    ids = unique([(n["id"], normalise(n["id"])) for n in nodes])
    return {i: n for i, n in zip(ids, nodes)}


def edge_key(e):
    return e["relation"] if e["kind"] == "event" else "affiliation"


def gexf_kind(e):
    if e["kind"] != "event" or e["status"] == "fact":
        return edge_key(e)
    return f"{e['relation']} ({e['status']})"


def check_graphml(path, graph, name):
    want = expect(graph, xml_text)
    try:
        g = nx.read_graphml(path)
    except Exception as exc:  # every reader error is a failure to report
        check(False, f"{name}: networkx read_graphml failed: {exc!r}")
        return
    check(g.number_of_nodes() == len(graph["nodes"]),
          f"{name}: networkx GraphML nodes {g.number_of_nodes()} != {len(graph['nodes'])}")
    check(g.number_of_edges() == len(graph["edges"]),
          f"{name}: networkx GraphML edges {g.number_of_edges()} != {len(graph['edges'])}")
    check(set(g.nodes) == set(want),
          f"{name}: GraphML node ids {sorted(g.nodes)} != {sorted(want)}")
    for node_id, node in want.items():
        if node_id not in g.nodes:
            continue
        data = g.nodes[node_id]
        for field in ("label", "name_de", "name_en", "code", "type"):
            got = data.get(field, "")
            check(got == xml_text(node[field]),
                  f"{name}: GraphML node {node_id!r} {field} {got!r} != {xml_text(node[field])!r}")
    relations = sorted(d.get("label") for _, _, d in g.edges(data=True))
    check(relations == sorted(edge_key(e) for e in graph["edges"]),
          f"{name}: GraphML edge labels {relations}")
    for _, _, d in g.edges(data=True):
        check(isinstance(d.get("weight"), float) and d["weight"] >= 1,
              f"{name}: GraphML weight {d.get('weight')!r} is not a positive double")
        check(all(isinstance(d.get(c), int) for c in "rgb"),
              f"{name}: GraphML r/g/b not integers: {d}")
        check(len(d.get("evidence", "")) < 4000, f"{name}: GraphML evidence not bounded")
    if graph["edges"]:
        check(isinstance(g, nx.MultiDiGraph) or g.number_of_edges() == len(graph["edges"]),
              f"{name}: parallel edges lost")

    try:
        ig = igraph.Graph.Read_GraphML(path)
    except Exception as exc:
        check(False, f"{name}: igraph Read_GraphML failed: {exc!r}")
        return
    check(ig.vcount() == len(graph["nodes"]),
          f"{name}: igraph nodes {ig.vcount()} != {len(graph['nodes'])}")
    check(ig.ecount() == len(graph["edges"]),
          f"{name}: igraph edges {ig.ecount()} != {len(graph['edges'])}")
    check(sorted(ig.vs["label"]) == sorted(xml_text(n["label"]) for n in graph["nodes"]),
          f"{name}: igraph labels {sorted(ig.vs['label'])}")
    # igraph 0.10 parses with libxml2's SAX2 without entity substitution, which
    # hands back "&amp;" in attribute values as "&#38;" (a reader quirk: the
    # file is well-formed, and networkx and xmllint read "&").
    ig_ids = sorted(i.replace("&#38;", "&") for i in ig.vs["id"])
    check(ig_ids == sorted(want), f"{name}: igraph ids {ig_ids}")


def check_gexf(path, graph, name):
    want = expect(graph, xml_text)
    root = ET.parse(path).getroot()
    check(root.tag == "{http://gexf.net/1.3}gexf", f"{name}: GEXF root is {root.tag}")
    ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
    xg = root.find("g:graph", ns)
    dated = any(len(ev["date"]) >= 10 and calendar_date(ev["date"])
                for e in graph["edges"] for ev in e["evidence"])
    want_graph = ({"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date",
                   "timerepresentation": "timestamp"} if dated
                  else {"defaultedgetype": "directed", "mode": "static"})
    check(xg is not None and xg.attrib == want_graph,
          f"{name}: GEXF <graph> attributes {xg.attrib if xg is not None else None}")
    xedges = root.findall("g:graph/g:edges/g:edge", ns)
    # Gephi's importer merges edges of one pair that share a kind (setType).
    kinds = [(e.get("source"), e.get("target"), e.get("kind")) for e in xedges]
    check(len(set(kinds)) == len(kinds), f"{name}: GEXF edges Gephi would merge: {kinds}")
    check(sorted(e.get("kind") for e in xedges) == sorted(gexf_kind(e) for e in graph["edges"]),
          f"{name}: GEXF edge kinds {[e.get('kind') for e in xedges]}")
    for e, je in zip(xedges, graph["edges"]):
        spells = e.findall("g:spells/g:spell", ns)
        # ImporterGEXF reads a spell's timestamp only when timerepresentation
        # is timestamp, and start/end only when it is interval.
        check(all(set(sp.attrib) == {"timestamp"} for sp in spells),
              f"{name}: GEXF spell of edge {e.get('id')} is not a timestamp")
        stamps = sorted({calendar_date(ev["date"]) for ev in je["evidence"]
                         if len(ev["date"]) >= 10 and calendar_date(ev["date"])})
        check([sp.get("timestamp") for sp in spells] == stamps,
              f"{name}: GEXF timestamps of edge {e.get('id')}: "
              f"{[sp.get('timestamp') for sp in spells]} != {stamps}")
        color = e.find("viz:color", ns)
        check(color is not None and all(0 <= int(color.get(c)) <= 255 for c in "rgb"),
              f"{name}: GEXF edge without a viz:color Gephi reads")
    for n in root.findall("g:graph/g:nodes/g:node", ns):
        check(n.find("viz:size", ns) is not None and n.find("viz:color", ns) is not None,
              f"{name}: GEXF node {n.get('id')!r} without viz:size/viz:color")

    # networkx 2.8 knows only the 1.1draft and 1.2draft namespaces; its reader is
    # the same for 1.3 once the namespace is registered.
    nx_gexf.GEXF.versions["1.3"] = {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    }
    try:
        g = nx.read_gexf(path, version="1.3")
    except Exception as exc:
        check(False, f"{name}: networkx read_gexf failed: {exc!r}")
        return
    check(g.number_of_nodes() == len(graph["nodes"]),
          f"{name}: networkx GEXF nodes {g.number_of_nodes()} != {len(graph['nodes'])}")
    check(g.number_of_edges() == len(graph["edges"]),
          f"{name}: networkx GEXF edges {g.number_of_edges()} != {len(graph['edges'])}")
    check(set(g.nodes) == set(want), f"{name}: GEXF node ids {sorted(g.nodes)}")
    for node_id, node in want.items():
        if node_id in g.nodes:
            got = g.nodes[node_id].get("label")
            check(got == xml_text(node["label"]),
                  f"{name}: GEXF label of {node_id!r}: {got!r} != {xml_text(node['label'])!r}")
            check(g.nodes[node_id].get("name_en") == xml_text(node["name_en"]),
                  f"{name}: GEXF name_en of {node_id!r}")


def check_xmllint(path, name):
    if not shutil.which("xmllint"):
        return
    r = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
    check(r.returncode == 0, f"{name}: xmllint rejects {os.path.basename(path)}: {r.stderr}")


def check_dot(path, graph, name):
    for fmt in ("svg", "canon"):
        r = subprocess.run(["dot", "-T" + fmt, path], capture_output=True, text=True)
        check(r.returncode == 0 and "Error" not in r.stderr and "syntax" not in r.stderr,
              f"{name}: dot -T{fmt} failed ({r.returncode}): {r.stderr.strip()}")
        if fmt == "svg" and r.returncode == 0:
            for label in ("\u0645\u0635\u0631", "\u05d9\u05e9\u05e8\u05d0\u05dc"):
                if any(n["label"] == label for n in graph["nodes"]):
                    check(label in r.stdout, f"{name}: label {label} missing from SVG")
        if fmt == "canon" and r.returncode == 0:
            edges = len(re.findall(r"\s->\s", r.stdout))
            check(edges == len(graph["edges"]),
                  f"{name}: dot -Tcanon shows {edges} edges, JSON has {len(graph['edges'])}")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    longest = max((len(m) for m in re.findall(r'"(?:[^"\\]|\\.)*"', text)), default=0)
    check(longest < 16000, f"{name}: DOT has a quoted string of {longest} characters")
    check(re.search(r"[\x00-\x08\x0b-\x1f]", text) is None, f"{name}: DOT holds control chars")
    # Node names as Graphviz reads them equal the graph's ids (as cleaned).
    r = subprocess.run(["dot", "-Tjson", path], capture_output=True, text=True)
    if check(r.returncode == 0, f"{name}: dot -Tjson failed: {r.stderr.strip()}"):
        names = {o["name"] for o in json.loads(r.stdout).get("objects", []) if "nodes" not in o}
        want = unique([(n["id"], dot_id(n["id"])) for n in graph["nodes"]])
        check(not set(want) - names, f"{name}: Graphviz reads ids {sorted(set(want) - names)[:3]!r} "
              "differently")
        for raw in ("back\\slash", "line\nbreak"):
            if any(n["id"] == raw for n in graph["nodes"]):
                check(raw in names, f"{name}: Graphviz reads {raw!r} differently")


NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
               "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
HEADER = re.compile(r"^(?:(?P<name>[A-Za-z_][A-Za-z0-9_]*)?:(?P<kind>ID|START_ID|END_ID)"
                    r"\((?P<space>[A-Za-z_][A-Za-z0-9_]*)\)"
                    r"|:(?P<special>LABEL|TYPE|IGNORE)"
                    r"|(?P<prop>[A-Za-z_][A-Za-z0-9_]*):(?P<type>[a-z]+)(?P<array>\[\])?)$")


def parse_header(fields, name, file):
    parsed = []
    for field in fields:
        m = HEADER.match(field)
        if not check(m is not None, f"{name}: {file}: bad neo4j-admin header field {field!r}"):
            continue
        if m.group("type"):
            check(m.group("type") in NEO4J_TYPES,
                  f"{name}: {file}: unknown neo4j type {m.group('type')!r}")
        parsed.append(m)
    return parsed


def check_neo4j(folder, graph, name):
    for file in ("nodes.csv", "relationships.csv"):
        check(os.path.isfile(os.path.join(folder, file)), f"{name}: {file} missing")
    if FAILURES and not os.path.isfile(os.path.join(folder, "relationships.csv")):
        return
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    header = parse_header(rows[0], name, "nodes.csv")
    check([m.group("kind") for m in header if m.group("kind")] == ["ID"],
          f"{name}: nodes.csv needs exactly one :ID column: {rows[0]}")
    check(":LABEL" in rows[0], f"{name}: nodes.csv has no :LABEL column")
    nodes = rows[1:]
    check(len(nodes) == len(graph["nodes"]),
          f"{name}: nodes.csv rows {len(nodes)} != {len(graph['nodes'])}")
    check(all(len(r) == len(rows[0]) for r in nodes), f"{name}: nodes.csv ragged rows")
    ids = [r[0] for r in nodes]
    check(ids == [spreadsheet_safe(i) for i in unique([(n["id"], csv_text(n["id"]))
                                                        for n in graph["nodes"]])],
          f"{name}: nodes.csv ids {ids}")
    label = rows[0].index(":LABEL")
    check(all(r[label].split("\x1f")[0] == "Actor" and len(r[label].split("\x1f")) == 2
              for r in nodes), f"{name}: nodes.csv labels")
    name_col = rows[0].index("name:string")
    check([r[name_col] for r in nodes] ==
          [spreadsheet_safe(csv_text(n["label"])) for n in graph["nodes"]],
          f"{name}: nodes.csv names {[r[name_col] for r in nodes]}")

    with open(os.path.join(folder, "relationships.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    header = parse_header(rows[0], name, "relationships.csv")
    kinds = [m.group("kind") for m in header if m.group("kind")]
    check(kinds == ["START_ID", "END_ID"], f"{name}: relationships.csv id columns {kinds}")
    check(":TYPE" in rows[0], f"{name}: relationships.csv has no :TYPE column")
    rels = rows[1:]
    formulas = [c for r in nodes + rels for c in r if c != spreadsheet_safe(c)]
    check(not formulas, f"{name}: CSV cells a spreadsheet runs as formulas: {formulas[:3]}")
    check(len(rels) == len(graph["edges"]),
          f"{name}: relationships.csv rows {len(rels)} != {len(graph['edges'])}")
    check(all(len(r) == len(rows[0]) for r in rels), f"{name}: relationships.csv ragged rows")
    known = set(ids)
    typ = rows[0].index(":TYPE")
    ev = rows[0].index("evidence:string[]")
    weight = rows[0].index("weight:int")
    first, last = rows[0].index("first_seen:date"), rows[0].index("last_seen:date")
    for r, e in zip(rels, graph["edges"]):
        check(r[0] in known and r[1] in known, f"{name}: relationship {r[:3]} to unknown id")
        want = e["relation"] if e["kind"] == "event" else "AFFILIATED_WITH"
        check(r[typ] == want, f"{name}: :TYPE {r[typ]!r} != {want!r}")
        check(r[weight] == str(e["weight"]), f"{name}: weight {r[weight]!r} != {e['weight']}")
        if e["kind"] != "event":
            continue
        check((r[first], r[last]) == date_range(e),
              f"{name}: dates {r[first]!r}, {r[last]!r} != {date_range(e)}")
        # What neo4j-admin --array-delimiter=U+001F stores: each sentence as
        # written (up to 500 bytes), then "(+N more)".
        items = [verbatim(f"{x['doc']}#{x['sentence']}: {truncate(x['text'], 500)}")
                 for x in e["evidence"][:50]]
        if len(e["evidence"]) > 50:
            items.append(f"(+{len(e['evidence']) - 50} more)")
        check(r[ev] == spreadsheet_safe("\x1f".join(items)),
              f"{name}: evidence of {r[:3]} not kept as written: {r[ev][:200]!r}")


def check_edge_csv(path, graph, name):
    """The spreadsheet edge list, read back with Python's csv module."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    check(rows[0] == ["source", "source_name", "target", "target_name", "relation", "status",
                      "quad", "weight", "documents", "first_seen", "last_seen", "evidence_doc",
                      "evidence_sentence", "evidence"], f"{name}: edge list header {rows[0]}")
    check(len(rows) - 1 == len(graph["edges"]),
          f"{name}: edge list rows {len(rows) - 1} != {len(graph['edges'])}")
    labels = {n["id"]: n["label"] for n in graph["nodes"]}
    for r, e in zip(rows[1:], graph["edges"]):
        event = e["kind"] == "event"
        evs = [x for x in e["evidence"] if calendar_date(x["date"])]
        first = min(evs, key=lambda x: calendar_date(x["date"])) if evs else \
            (e["evidence"][0] if e["evidence"] else None)
        cell = lambda s: spreadsheet_safe(csv_text(s))  # noqa: E731 - local shorthand
        want = [cell(e["source"]), cell(labels[e["source"]]),
                cell(e["target"]), cell(labels[e["target"]]),
                edge_key(e), e["status"] if event else "", e["quad"] if event else "",
                str(e["weight"]), str(e["documents"]) if event else "", *date_range(e),
                cell(first["doc"]) if first else "",
                str(first["sentence"]) if first else "",
                spreadsheet_safe(verbatim(first["text"])) if first else ""]
        diff = next(((a, b) for a, b in zip(r, want) if a != b), None)
        check(r == want, f"{name}: edge list row {r[:5]}... differs: got {diff!r}")


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="geokg-consumers-") as out:
        r = subprocess.run([sys.argv[1], out], capture_output=True, text=True)
        if r.returncode != 0:
            print(f"write_fixture failed ({r.returncode}): {r.stderr}")
            return 1
        for base in ("hostile-state", "hostile-actor"):
            path = os.path.join(out, base)
            with open(path + ".json", encoding="utf-8") as f:
                graph = json.load(f)
            check(len(graph["nodes"]) >= 10 and len(graph["edges"]) >= 9,
                  f"{base}: fixture graph unexpectedly small")
            check_graphml(path + ".graphml", graph, base)
            check_xmllint(path + ".graphml", base)
            check_gexf(path + ".gexf", graph, base)
            check_xmllint(path + ".gexf", base)
            check_dot(path + ".dot", graph, base)
            check_neo4j(path + ".neo4j", graph, base)
            check_edge_csv(path + ".csv", graph, base)
        leftovers = [f for f in os.listdir(out) if ".tmp-" in f]
        check(not leftovers, f"temporary files left behind: {leftovers}")
    for failure in FAILURES:
        print("FAIL:", failure)
    if FAILURES:
        print(f"{len(FAILURES)} consumer check(s) failed")
        return 1
    print("all consumer checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
