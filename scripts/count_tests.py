#!/usr/bin/env python3
"""Sums test cases over a meson test log: a doctest executable reports its own
cases ("[doctest] test cases: N | N passed | N failed"), a Python consumer test
prints "N passed, N failed"; any other test counts as one case."""
import json
import re
import sys

passed = failed = 0
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        rec = json.loads(line)
        out = rec.get("stdout") or ""
        ok = rec.get("result") in ("OK", "EXPECTEDFAIL", "SKIP")
        m = re.findall(r"test cases:\s*(\d+)\s*\|\s*(\d+) passed\s*\|\s*(\d+) failed", out)
        p = re.findall(r"^(\d+) passed, (\d+) failed\s*$", out, re.M)
        if m:
            passed += int(m[-1][1])
            failed += int(m[-1][2])
            if not ok and int(m[-1][2]) == 0:
                failed += 1  # crashed or timed out after its last report
        elif p:
            passed += int(p[-1][0])
            failed += int(p[-1][1])
            if not ok and int(p[-1][1]) == 0:
                failed += 1
        else:
            passed += ok
            failed += not ok
print(f"{passed} passed, {failed} failed")
