#!/usr/bin/env python3
"""Fails when data/actors/persons-phoenix.tsv or data/actors/roles/persons-phoenix.tsv
is not what scripts/convert-phoenix-persons.py makes of PETRARCH2's Phoenix
dictionary, the curated actor tables and the shared corpora (a hand edit, or a
curated table changed without a re-run).  The dictionary and the corpora live
outside the repository (../shared, or GEOKG_SHARED): without them the test is
skipped (exit 77), so unit tests never need them.

Usage: phoenix_persons_table_test.py SOURCE_ROOT
"""
import os
import pathlib
import subprocess
import sys

root = pathlib.Path(sys.argv[1]).resolve()
shared = pathlib.Path(os.environ.get("GEOKG_SHARED", root.parent / "shared"))
needed = [shared / "reference" / "petrarch2" / "Phoenix.Countries.actors.txt"] + [
    shared / "corpus" / n for n in ("gnad-test.jsonl", "plover-dev-docs.jsonl",
                                    "wikinews-en-docs.jsonl")]
if not all(p.is_file() for p in needed):
    print(f"skipped: {shared} holds no Phoenix dictionary or corpora")
    sys.exit(77)
r = subprocess.run([sys.executable, str(root / "scripts" / "convert-phoenix-persons.py"),
                    "--check", "--reference", str(needed[0].parent),
                    "--corpus", str(needed[1].parent)], capture_output=True, text=True)
sys.stdout.write(r.stderr)
sys.exit(r.returncode)
