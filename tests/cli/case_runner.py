"""The loop the command-line tests share: each case gets a fresh temporary
folder, prints "ok" or "FAIL" with its traceback, and the last line counts
them ("N passed, N failed", which scripts/count_tests.py reads)."""
import sys
import tempfile
import time
import traceback


def run_cases(cases, only, prefix, timed=False):
    """Runs `cases` (functions of a folder), or only the one named `only`; returns
    the exit status: 1 if any failed."""
    passed = failed = 0
    for fn in cases:
        if only and fn.__name__ != only:
            continue
        with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
            start = time.monotonic()
            try:
                fn(tmp)
                took = f" ({time.monotonic() - start:.1f} s)" if timed else ""
                print(f"ok    {fn.__name__}{took}")
                passed += 1
            except Exception:
                print(f"FAIL  {fn.__name__}")
                traceback.print_exc(file=sys.stdout)
                failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0
