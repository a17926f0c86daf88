#!/usr/bin/env python3
"""Lists the functions of C++ sources longer than a limit (default 150 lines).

A function is a brace block opened at namespace level, or inside a class or
struct at namespace level (a member defined in its class); lambdas and
blocks inside it count towards it.  Comments and strings are skipped.
Usage: function_lengths.py [--max N] FILE|DIR ...   (exit 1 when one is longer)
"""
import argparse
import pathlib
import re
import sys


def strip(text):
    # Comments, strings and character literals out, newlines kept.
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * text.count("\n", i, j))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(" ")
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


SCOPE = re.compile(r"\b(namespace|class|struct|enum|union)\b[^;{}()]*$")


def functions(path):
    text = strip(path.read_text(encoding="utf-8"))
    stack = []  # (kind, line, header)
    line = 1
    start = 0
    for i, c in enumerate(text):
        if c == "\n":
            line += 1
        elif c == "{":
            header = text[start:i]
            inside_function = any(k == "function" for k, _, _ in stack)
            if inside_function:
                kind = "block"
            elif SCOPE.search(header.strip().split(";")[-1] if header.strip() else ""):
                kind = "scope"
            elif re.search(r"[=,(]\s*$", header) or header.strip().endswith("]"):
                kind = "block"  # an initializer or a lambda outside a function
            else:
                kind = "function"
            stack.append((kind, line, header.strip().split("\n")[-1].strip()))
            start = i + 1
        elif c == "}":
            if stack:
                kind, first, header = stack.pop()
                if kind == "function":
                    yield first, line - first + 1, header
            start = i + 1
        elif c == ";":
            start = i + 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--max", type=int, default=150)
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    files = []
    for p in map(pathlib.Path, args.paths):
        files += sorted(p.rglob("*.cpp")) + sorted(p.rglob("*.hpp")) if p.is_dir() else [p]
    long = []
    for f in files:
        for first, length, header in functions(f):
            if length > args.max:
                long.append(f"{f}:{first}: {length} lines: {header[:80]}")
    for entry in long:
        print(entry)
    print(f"{len(long)} function(s) longer than {args.max} lines in {len(files)} file(s)")
    return 1 if long else 0


if __name__ == "__main__":
    sys.exit(main())
