#!/usr/bin/env python3
"""Writes a synthetic geokg graph (JSON) of NODES actors and EDGES relations,
one evidence sentence each, for timing queries on graphs far larger than the
shared corpus gives.  Deterministic for a given seed.

usage: make_graph.py NODES EDGES OUT.json [--seed N]
"""
import argparse
import json
import random

RELATIONS = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
             "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
             "ASSAULT"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("nodes", type=int)
    ap.add_argument("edges", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    ids = [f"A{i:06d}" for i in range(a.nodes)]
    edges, seen, docs = [], set(), {}
    while len(edges) < a.edges:
        s, t = rng.sample(ids, 2)
        rel = rng.choice(RELATIONS)
        if (s, t, rel) in seen:
            continue
        seen.add((s, t, rel))
        doc = f"d{len(edges)}"
        date = f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        docs[doc] = {"hash": f"{len(edges):016x}", "date": date}
        edges.append({"source": s, "target": t, "kind": "event", "relation": rel,
                      "status": "fact", "weight": 1, "documents": 1, "first_seen": date,
                      "last_seen": date,
                      "evidence": [{"doc": doc, "sentence": 0, "date": date,
                                    "text": f"{s} and {t}: {rel}.", "trigger": rel.lower(),
                                    "attributed_to": ""}]})
    edges.sort(key=lambda e: (e["source"], e["target"], e["relation"]))
    nodes = [{"id": i, "label": i, "name_de": "", "name_en": "", "code": i, "type": "state"}
             for i in ids]
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump({"format": "geokg-graph", "version": 1, "level": "state", "documents": docs,
                   "nodes": nodes, "edges": edges}, f)


if __name__ == "__main__":
    main()
