#!/usr/bin/env python3
"""Graph integrity (issue 11, items 7 and 14): which copy of a document the
graph keeps does not depend on the command (build or merge), the order of the
inputs or the grouping of merges, and every dropped copy is reported with its
id and where each copy came from; a graph file whose stored counts disagree
with its evidence, or an event edge without evidence, is refused.

Usage: graph_integrity_test.py GEOKG --group graph [--only NAME]
Needs GEOKG_DATA_DIR.  Prints one line per case and "N passed, N failed" last.
"""
import json
import sys

import robustness_test as rt
from robustness_test import case, check, check_message, read, run, write

ACCUSE = "Frankreich kritisierte Deutschland."     # FRA ACCUSE DEU
SUPPORT = "Frankreich unterstützt Deutschland."     # FRA SUPPORT DEU
GOOD = [("g1", "Die USA haben Nordkorea gewarnt.", ("USA", "THREATEN", "PRK")),
        ("g2", "Russland hat die Ukraine angegriffen.", ("RUS", "ASSAULT", "UKR")),
        ("g3", "Polen verurteilte Russland.", ("POL", "ACCUSE", "RUS"))]


def content_hash(text):
    """geokg's content hash (FNV-1a 64), to know which copy must win."""
    h = 14695981039346656037
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 1099511628211) % (1 << 64)
    return f"{h:016x}"


def jsonl(d, name, docs):
    return write(d, name, "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                                  for i, t in docs))


def graph_events(d, name):
    """(doc, source, relation, target) of every piece of evidence in a graph."""
    g = json.loads(read(d, name))
    return {(ev["doc"], e["source"], e["relation"], e["target"])
            for e in g["edges"] if e["kind"] == "event" for ev in e["evidence"]}


def check_good_events(d, name, result):
    events = graph_events(d, name)
    for doc, _, (s, r, t) in GOOD:
        check((doc, s, r, t) in events, f"{name}: event of {doc} missing", result)


def same_files(d, names, what):
    first = read(d, names[0])
    for n in names[1:]:
        check(read(d, n) == first, f"{what}: {names[0]} and {n} differ")


def shards_with_conflict(d):
    """s1 and s2 hold document d1 with two different texts."""
    jsonl(d, "s1.jsonl", [("d1", ACCUSE), GOOD[0][:2], GOOD[1][:2]])
    jsonl(d, "s2.jsonl", [GOOD[2][:2], ("d1", SUPPORT)])
    win, lose = sorted([(content_hash(ACCUSE), "s1.jsonl:1", ("FRA", "ACCUSE", "DEU")),
                        (content_hash(SUPPORT), "s2.jsonl:2", ("FRA", "SUPPORT", "DEU"))])
    return win, lose


def build_and_merge_agree(d, status, build_message, merge_message):
    """build s1 s2, build s2 s1, merge s1.json s2.json and merge s2.json
    s1.json: the same graph, `status`, and the message on the dropped copy,
    (where, *parts) for build and for merge."""
    outs = []
    for name, args in (("b12.json", ["build", "s1.jsonl", "s2.jsonl"]),
                       ("b21.json", ["build", "s2.jsonl", "s1.jsonl"]),
                       ("s1.json", ["build", "s1.jsonl"]),
                       ("s2.json", ["build", "s2.jsonl"]),
                       ("m12.json", ["merge", "s1.json", "s2.json"]),
                       ("m21.json", ["merge", "s2.json", "s1.json"])):
        r = run(args + ["-o", name], d)
        if name.startswith("s"):
            check(r.status == 0, f"building {name} alone", r)
            continue
        check(r.status == status, f"{' '.join(args)}: expected status {status}", r)
        check_message(r, *(build_message if args[0] == "build" else merge_message))
        check(sum(build_message[1].split('"')[1] in l for l in r.err_lines()) == 1,
              "the dropped copy is reported more than once", r)
        outs.append(name)
    same_files(d, outs, "build and merge in either order")
    check_good_events(d, "b12.json", None)
    return graph_events(d, "b12.json")


@case("graph")
def same_id_other_text_build_and_merge_agree(d):
    win, lose = shards_with_conflict(d)
    graph = lambda where: where.split(":")[0].replace("jsonl", "json")
    reason = "skipped: document \"d1\" has another text in "
    events = build_and_merge_agree(
        d, 1, (lose[1], reason + win[1], "smaller hash wins"),
        (graph(lose[1]), reason + graph(win[1]), "smaller hash wins"))
    check(("d1",) + win[2] in events, f"the winning copy's event {win[2]} is missing")
    check(("d1",) + lose[2] not in events, f"the dropped copy's event {lose[2]} was kept")


@case("graph")
def same_text_other_id_build_and_merge_agree(d):
    jsonl(d, "s1.jsonl", [("z-copy", ACCUSE), GOOD[0][:2]])
    jsonl(d, "s2.jsonl", [GOOD[1][:2], GOOD[2][:2], ("a-orig", ACCUSE)])
    reason = "warning: document \"z-copy\" has the same text as \"a-orig\" in "
    events = build_and_merge_agree(d, 0, ("s1.jsonl:1", reason + "s2.jsonl:3", "smaller id wins"),
                                   ("s1.json", reason + "s2.json", "smaller id wins"))
    check(("a-orig", "FRA", "ACCUSE", "DEU") in events and
          not any(e[0] == "z-copy" for e in events), "the copy under the larger id was kept")


@case("graph")
def chains_of_copies_merge_associatively(d):
    # a:T2 and b:T2 share a text, a:T1 shares an id with a:T2 and has the
    # smaller hash: a:T1 beats a:T2, and a:T2 beats b:T2 even though it is
    # itself beaten.  Keeping b:T2 in one grouping and not in another made
    # merge depend on the grouping.
    t1, t2 = sorted([ACCUSE, SUPPORT], key=content_hash)
    jsonl(d, "s1.jsonl", [("a", t2), GOOD[0][:2]])
    jsonl(d, "s2.jsonl", [("b", t2), GOOD[1][:2]])
    jsonl(d, "s3.jsonl", [("a", t1), GOOD[2][:2]])
    for s in ("s1", "s2", "s3"):
        run(["build", f"{s}.jsonl", "-o", f"{s}.json"], d)
    run(["merge", "s1.json", "s2.json", "-o", "s12.json"], d)
    run(["merge", "s2.json", "s3.json", "-o", "s23.json"], d)
    outs = []
    for name, args in (("left.json", ["merge", "s12.json", "s3.json"]),
                       ("right.json", ["merge", "s1.json", "s23.json"]),
                       ("all.json", ["merge", "s3.json", "s1.json", "s2.json"]),
                       ("b123.json", ["build", "s1.jsonl", "s2.jsonl", "s3.jsonl"]),
                       ("b321.json", ["build", "s3.jsonl", "s2.jsonl", "s1.jsonl"])):
        r = run(args + ["-o", name], d)
        check(r.status in (0, 1), f"{' '.join(args)}", r)
        outs.append(name)
    same_files(d, outs, "groupings and orders")
    g = json.loads(read(d, "all.json"))
    check(sorted(g["documents"]) == ["a", "g1", "g2", "g3"],
          f"kept documents {sorted(g['documents'])}")
    check(g["documents"]["a"]["hash"] == content_hash(t1), "a kept with the wrong text")
    check_good_events(d, "all.json", None)


@case("graph")
def adding_to_a_graph_follows_the_same_rule(d):
    win, lose = shards_with_conflict(d)
    run(["build", "s1.jsonl", "-o", "s1.json"], d)
    r = run(["build", "--graph", "s1.json", "s2.jsonl", "-o", "inc.json"], d)
    check(r.status == 1, "expected status 1", r)
    where = {"s1.jsonl:1": "s1.json", "s2.jsonl:2": "s2.jsonl:2"}
    check_message(r, where[lose[1]], "skipped: document \"d1\" has another text in " +
                  where[win[1]])
    run(["build", "s1.jsonl", "s2.jsonl", "-o", "all.json"], d)
    same_files(d, ["all.json", "inc.json"], "build --graph s1.json s2 and build s1 s2")


# ---- item 14: stored counts are checked against the evidence ----------------

def tampered_graph(d, change):
    jsonl(d, "in.jsonl", [(i, t) for i, t, _ in GOOD])
    run(["build", "in.jsonl", "-o", "good.json"], d)
    g = json.loads(read(d, "good.json"))
    edge = next(e for e in g["edges"] if e["source"] == "USA")
    change(edge)
    write(d, "bad.json", json.dumps(g, indent=2, ensure_ascii=False))
    return g


def refused(d, message):
    """merge and query refuse bad.json with `message`, exit 2, and leave an
    existing output as it was."""
    write(d, "out.json", "OLD\n")
    for args in (["merge", "good.json", "bad.json", "-o", "out.json"],
                 ["merge", "bad.json", "good.json", "-o", "out.json"],
                 ["query", "bad.json", "actors"],
                 ["build", "--graph", "bad.json", "-o", "out.json"]):
        r = run(args, d)
        check(r.status == 2, f"{' '.join(args)}: expected status 2", r)
        check(r.err_lines() == ["geokg: bad.json: " + message],
              f"{' '.join(args)}: expected exactly the message '{message}'", r)
        check(read(d, "out.json") == b"OLD\n", f"{' '.join(args)} changed the output", r)


@case("graph")
def stored_weight_must_match_the_evidence(d):
    tampered_graph(d, lambda e: e.update(weight=4294967295))
    refused(d, "edge USA->PRK THREATEN: weight 4294967295 but 1 evidence sentence")


@case("graph")
def stored_documents_and_dates_must_match_the_evidence(d):
    tampered_graph(d, lambda e: e.update(documents=3))
    refused(d, "edge USA->PRK THREATEN: documents 3 but the evidence comes from 1")
    tampered_graph(d, lambda e: e.update(first_seen="1999-01-01"))
    refused(d, "edge USA->PRK THREATEN: first_seen \"1999-01-01\" but the evidence says \"\"")


@case("graph")
def event_edge_without_evidence_is_refused(d):
    tampered_graph(d, lambda e: e.update(evidence=[], weight=0, documents=0))
    refused(d, "edge USA->PRK THREATEN: an event edge needs at least one evidence sentence")


if __name__ == "__main__":
    # The cases above are registered in robustness_test's list, whose runner
    # runs one group of it.
    sys.exit(rt.main())
