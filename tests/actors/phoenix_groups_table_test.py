#!/usr/bin/env python3
"""Fails when data/actors/groups-phoenix.tsv is not what
scripts/convert-phoenix-groups.py makes of PETRARCH2's Phoenix dictionaries,
the curated actor tables and the shared corpora (a hand edit, or a curated
table changed without a re-run).  The dictionaries and the corpora live
outside the repository (../shared, or GEOKG_SHARED): without them the test is
skipped (exit 77), so unit tests never need them.

Usage: phoenix_groups_table_test.py SOURCE_ROOT
"""
import os
import pathlib
import subprocess
import sys

root = pathlib.Path(sys.argv[1]).resolve()
shared = pathlib.Path(os.environ.get("GEOKG_SHARED", root.parent / "shared"))
reference = shared / "reference" / "petrarch2"
corpus = shared / "corpus"
needed = [reference / n for n in ("Phoenix.MilNonState.actors.txt",
                                  "Phoenix.International.actors.txt",
                                  "Phoenix.Countries.actors.txt", "CAMEO.2.0.txt",
                                  "Phoenix.agents.txt")] + [
    corpus / n for n in ("plover-dev-docs.jsonl", "wikinews-en-docs.jsonl")]
if not all(p.is_file() for p in needed):
    print(f"skipped: {shared} holds no Phoenix dictionaries or corpora")
    sys.exit(77)
r = subprocess.run([sys.executable, str(root / "scripts" / "convert-phoenix-groups.py"),
                    "--check", "--reference", str(reference), "--corpus", str(corpus)],
                   capture_output=True, text=True)
sys.stdout.write(r.stderr)
sys.exit(r.returncode)
