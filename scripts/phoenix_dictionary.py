"""What the Phoenix converters share: reading PETRARCH2's Phoenix actor
dictionaries (Phoenix.Countries.actors.txt, Phoenix.MilNonState.actors.txt,
Phoenix.International.actors.txt; MIT, Copyright (c) 2014 Open Event Data
Alliance) and geokg's own actor tables.  Used by convert-phoenix-persons.py
and convert-phoenix-groups.py; standard library only.
"""
import argparse
import os
import sys
import unicodedata


def fold(s):
    """Lower case without accents, as the converters compare forms."""
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def entries(path):
    """Yields each entry of a Phoenix dictionary as (head, lines): the line
    that opens it (a name, maybe with codes) and the lines under it ("+"
    synonyms, role or code lines), comments and blank lines left out."""
    head, lines = None, []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            body = line.split("#", 1)[0].rstrip()
            if not body.strip():
                continue
            if body[0] not in " \t+":
                if head is not None:
                    yield head, lines
                head, lines = body, []
            elif head is not None:
                lines.append(body)
    if head is not None:
        yield head, lines


def actor_rows(path):
    """Every row of a geokg actor table: id, code, type, kind, lang, form."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            c = line.rstrip("\n").split("\t")
            rows.append({"id": c[0], "code": c[1], "type": c[2], "kind": c[3], "lang": c[4],
                         "form": c[5]})
    return rows


def curated_rows(root, generated):
    """The rows of data/actors/*.tsv in file-name order, but for the
    generated tables named (converters never read each other's output)."""
    folder = os.path.join(root, "data", "actors")
    rows = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".tsv") and name not in generated:
            rows += actor_rows(os.path.join(folder, name))
    return rows


def arguments(doc, root):
    """The converters' command line: --reference, --corpus (defaults in
    ../shared or $GEOKG_SHARED) and --check."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    shared = os.environ.get("GEOKG_SHARED", os.path.join(root, "..", "shared"))
    ap.add_argument("--reference", default=os.path.join(shared, "reference", "petrarch2"))
    ap.add_argument("--corpus", default=os.path.join(shared, "corpus"))
    ap.add_argument("--check", action="store_true")
    return ap.parse_args()


def write_or_check(path, text, check, script):
    """Writes the table, or with `check` compares it: 1 when the committed
    file is not what `script` makes."""
    if check:
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        if old != text:
            print(f"{path} differs from the converter's output; re-run {script}",
                  file=sys.stderr)
            return 1
        return 0
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return 0
