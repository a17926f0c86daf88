#!/usr/bin/env python3
"""Fails when a grammar class, a relation set, a drop reason or a transform
step is defined but never used: a class without words or without code that
reads it, a set, reason or step no pass names.  (That each drop reason and
step is also *reached* is checked by cases_test.cpp over the case tables.)

Usage: definitions_used_test.py SOURCE_ROOT
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
lib = root / "lib" / "relations"
failures = []


def sources(exclude=()):
    text = ""
    for p in sorted(lib.rglob("*.[ch]pp")):
        if p.name not in exclude:
            text += p.read_text(encoding="utf-8")
    return text


def words_of(cls):
    n = 0
    for table in ("de.tsv", "en.tsv"):
        for line in (root / "data" / "grammar" / table).read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) == 3 and not line.startswith("#") and cols[1] == cls:
                n += 1
    return n


# Grammar classes: the name table in grammar.cpp.
grammar_cpp = (lib / "grammar.cpp").read_text(encoding="utf-8")
classes = re.findall(r'\{"([a-z_0-9]+)",\s*(k[A-Za-z0-9]+)\}', grammar_cpp)
if len(classes) < 30:
    failures.append(f"found only {len(classes)} grammar classes in grammar.cpp: the pattern is stale")
code = sources(exclude=("grammar.hpp", "grammar.cpp"))
readme = (root / "data" / "grammar" / "README.md").read_text(encoding="utf-8")
for name, const in classes:
    # A cue class (no class bit, grammar.hpp) is read through its accessor.
    reader = r"\b" + const + r"\b" if not const.startswith("kCue") else r"\." + name + r"\("
    if not re.search(reader, code):
        failures.append(f"grammar class {name} ({const}) is read by no code in lib/relations")
    if words_of(name) == 0:
        failures.append(f"grammar class {name} has no word in data/grammar/de.tsv or en.tsv")
    if f"`{name}`" not in readme:
        failures.append(f"grammar class {name} is not described in data/grammar/README.md")

# Relation sets, drop reasons, steps: each enum member named by a pass.
passes = sources(exclude=("trace.cpp", "provenance.cpp", "transforms.cpp", "transforms.hpp",
                          "trace.hpp"))
enums = {
    "RelationSet": (lib / "transforms.hpp").read_text(encoding="utf-8"),
    "Drop": (lib / "passes" / "trace.hpp").read_text(encoding="utf-8"),
    "Step": (root / "lib" / "include" / "geokg" / "relations" / "provenance.hpp").read_text(encoding="utf-8"),
}
# The passes' own transforms.cpp names sets and steps too: include it.
passes += (lib / "passes" / "transforms.cpp").read_text(encoding="utf-8")
for enum, text in enums.items():
    body = re.search(r"enum class " + enum + r"\b[^{]*\{(.*?)\};", text, re.S)
    if not body:
        failures.append(f"enum {enum} not found")
        continue
    members = re.findall(r"^\s*([a-z_]+)\s*[,=]", re.sub(r"//[^\n]*", "", body.group(1)), re.M)
    members += re.findall(r"\b([a-z_]+)\s*,", re.sub(r"//[^\n]*", "", body.group(1)))
    for m in sorted(set(members)):
        if not re.search(enum + r"::" + m + r"\b", passes):
            failures.append(f"{enum}::{m} is defined but no pass uses it")
    if enum == "RelationSet":
        table = (root / "data" / "transforms" / "transforms.tsv").read_text(encoding="utf-8")
        for m in sorted(set(members)):
            if not re.search(r"^" + m + r"\t", table, re.M):
                failures.append(f"relation set {m} has no row in data/transforms/transforms.tsv")

for f in failures:
    print("FAIL:", f)
print(f"{len(classes)} grammar classes, {len(failures)} problem(s)")
sys.exit(1 if failures else 0)
