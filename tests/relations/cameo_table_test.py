#!/usr/bin/env python3
"""Fails when data/triggers/en-cameo.tsv is not what scripts/convert-cameo.py
makes of PETRARCH2's dictionary and the current en.tsv (a hand edit, or en.tsv
changed without a re-run).  The dictionary lives outside the repository
(../shared/reference/petrarch2, or GEOKG_SHARED/reference/petrarch2): without
it the test is skipped (exit 77), so unit tests never need it.

Usage: cameo_table_test.py SOURCE_ROOT
"""
import os
import pathlib
import subprocess
import sys

root = pathlib.Path(sys.argv[1]).resolve()
shared = pathlib.Path(os.environ.get("GEOKG_SHARED", root.parent / "shared"))
ref = shared / "reference" / "petrarch2"
if not (ref / "CAMEO.2.0.txt").is_file() or not (ref / "CAMEO2PLOVER-2021.txt").is_file():
    print(f"skipped: {ref} holds no CAMEO dictionary")
    sys.exit(77)
r = subprocess.run([sys.executable, str(root / "scripts" / "convert-cameo.py"), "--check",
                    "--reference", str(ref)], capture_output=True, text=True)
sys.stdout.write(r.stderr)
sys.exit(r.returncode)
