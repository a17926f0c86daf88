#!/usr/bin/env python3
"""geokg extract --trace and --explain: the trace names the document's
language and why, each trigger candidate, the reason it was dropped; it is
the same at -j 1 and -j 2; and no output depends on where the data folder is
installed (a folder named "passive" once turned an active verb passive).

Usage: trace_test.py GEOKG      (needs GEOKG_DATA_DIR; prints "N passed, N failed")
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

GEOKG = os.path.abspath(sys.argv[1])
results = []


def case(fn):
    try:
        fn()
        results.append((fn.__name__, None))
    except AssertionError as e:
        results.append((fn.__name__, str(e)))
    return fn


def extract(docs, *args, env=None):
    text = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    r = subprocess.run([GEOKG, "extract", "-q", "-", "-o", "-", *args], input=text.encode(),
                       capture_output=True, env=env, timeout=120)
    assert r.returncode == 0, f"exit {r.returncode}: {r.stderr.decode()[:500]}"
    events = [json.loads(l) for l in r.stdout.decode().splitlines()]
    return events, r.stderr.decode()


def doc(text, lang="de", id="t"):
    d = {"id": id, "text": text}
    if lang:
        d["lang"] = lang
    return d


@case
def trace_names_language_candidates_and_drops():
    _, trace = extract([doc("Russland sought to ease tensions with Ukraine.", "en"),
                        doc("Die Herausforderung für die USA und China ist groß.", id="u")], "--trace")
    lines = trace.splitlines()
    assert lines[0] == "document t: language en (given)", lines[:2]
    assert '    token 1 "sought": verb (triggers/en.tsv:' in trace, trace
    assert 'dropped: an attempt ("sought to"), no event' in trace, trace
    assert 'token 1 "Herausforderung": noun (triggers/de.tsv:' in trace, trace
    assert "dropped: a compound that only looks like a trigger" in trace, trace


@case
def trace_shows_roles_status_and_dedupe():
    events, trace = extract([doc("Die EU hat Sanktionen gegen Russland gefordert.")], "--trace")
    assert [(e["source"]["code"], e["relation"], e["target"]["code"], e["status"]) for e in events] == \
        [("EU", "SANCTION", "RUS", "hypothetical")], events
    assert "source by subject: EU (EU)" in trace, trace
    assert "status fact -> hypothetical: object of a demand, threat or offer" in trace, trace
    assert "event EU SANCTION RUS hypothetical" in trace, trace
    _, trace = extract([doc("Russland verhandelte mit Moskau.")], "--trace")
    assert "no event RUS CONSULT RUS: source and target are the same actor" in trace, trace


@case
def trace_names_how_the_language_was_decided():
    events, trace = extract([doc("Russland und China kritisierten die USA.", lang=None)], "--trace")
    first = trace.splitlines()[0]
    assert first.startswith("document t: language de (function words decide: 2 German"), first
    assert sorted(e["source"]["code"] for e in events) == ["CHN", "RUS"], events


@case
def trace_says_when_no_trigger_word_is_known():
    _, trace = extract([doc("Russland und China trafen sich nie.", "en")], "--trace")
    assert "no trigger word of the en tables" in trace, trace


@case
def trace_is_the_same_at_any_j():
    docs = [doc(t, "de", f"d{i}") for i, t in enumerate([
        "Frankreich drohte damit, Syrien anzugreifen.",
        "Die Türkei verurteilte die Annexion der Krim durch Russland.",
        "Russland und China kritisierten die USA."] * 20)]
    e1, t1 = extract(docs, "--trace", "-j", "1")
    e2, t2 = extract(docs, "--trace", "-j", "2")
    assert t1 == t2 and e1 == e2
    assert t1.count("document ") == 60


@case
def trace_changes_no_events():
    docs = [doc("Frankreich drohte damit, Syrien anzugreifen."), doc("Russia attacked Ukraine.", "en", "u")]
    assert extract(docs, "--trace")[0] == extract(docs)[0]


@case
def output_does_not_depend_on_the_data_folder():
    sentence = "Die Türkei verurteilte die Annexion der Krim durch Russland."
    with tempfile.TemporaryDirectory() as tmp:
        data = pathlib.Path(tmp) / "passive" / "data"
        shutil.copytree(os.environ["GEOKG_DATA_DIR"], data)
        env = dict(os.environ, GEOKG_DATA_DIR=str(data))
        moved, _ = extract([doc(sentence)], "--explain", env=env)
        here, _ = extract([doc(sentence)], "--explain")
    got = sorted((e["source"]["code"], e["relation"], e["target"]["code"]) for e in moved)
    assert got == [("RUS", "COERCE", "UKR"), ("TUR", "ACCUSE", "RUS")], got
    assert moved == here, (moved, here)
    for e in moved:
        assert "/" not in e["rule"].split("(")[1].split(":")[0].replace("triggers/", ""), e["rule"]
        assert e["rule"].split("(")[1].startswith("triggers/de.tsv:"), e["rule"]


for name, error in results:
    print(("ok   " if error is None else "FAIL ") + name + ("" if error is None else ": " + error[:2000]))
failed = sum(e is not None for _, e in results)
print(f"{len(results) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
