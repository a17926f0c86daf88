#!/usr/bin/env python3
"""geokg parse: articles give well-formed CoNLL-U over geokg's own sentences
and tokens; a treebank (--input-format conllu) comes back with its
sentences, tokens, comments, range lines and empty nodes kept and every word
given a head; bad input is named with file and line (exit 2) and never costs
an existing output.  Exact parses are the syntax unit tests' business: here
only the form of the output is checked.

The cases that parse need data/models/de.syntax and en.syntax; without them
they are skipped with the reason (exit 77, meson's SKIP, when nothing
failed).

Usage: parse_test.py GEOKG      (needs GEOKG_DATA_DIR; prints "N passed, N failed")
"""
import json
import os
import subprocess
import sys
import tempfile

GEOKG = os.path.abspath(sys.argv[1])
DATA = os.environ["GEOKG_DATA_DIR"]
UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}
results = []
skipped = []


def model_missing(langs):
    for lang in langs:
        path = os.path.join(DATA, "models", f"{lang}.syntax")
        if not os.path.exists(path):
            return f"{path} is missing"
    return None


def case(*langs):
    """A test case; one that parses with the models of `langs` is skipped
    when one of them is missing."""
    def wrap(fn):
        missing = model_missing(langs)
        if missing:
            skipped.append((fn.__name__, missing))
            return fn
        try:
            with tempfile.TemporaryDirectory() as tmp:
                fn(tmp)
            results.append((fn.__name__, None))
        except AssertionError as e:
            results.append((fn.__name__, str(e) or "assertion failed"))
        return fn
    return wrap


def geokg(*args, stdin=None, env=None):
    r = subprocess.run([GEOKG, "parse", *args], input=stdin, capture_output=True, env=env,
                       timeout=300)
    try:
        return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")
    except UnicodeDecodeError as e:
        bad = r.stdout[max(0, e.start - 60):e.end + 20]
        raise AssertionError(f"geokg parse {' '.join(args)}: output not UTF-8: {bad!r}")


def write(tmp, name, text):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return path


def jsonl(tmp, docs, name="docs.jsonl"):
    return write(tmp, name, "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs))


def blocks(conllu):
    """Sentences as lists of lines; the output ends each with a blank line."""
    assert conllu.endswith("\n\n"), repr(conllu[-200:])
    return [b.split("\n") for b in conllu[:-2].split("\n\n")]


def check_block(lines):
    """One sentence is well formed: comments first, then word lines of ten
    columns with ids 1..n in order, range lines right before their first word
    and within the sentence, a tree (one root, every word reaching it), known
    tags.  Returns (comments, tokens, words): tokens as (form, misc)."""
    comments = [l for l in lines if l.startswith("#")]
    body = lines[len(comments):]
    assert lines[:len(comments)] == comments, lines
    assert body, lines
    words, tokens, ranges = [], [], []
    range_end = 0
    for l in body:
        cols = l.split("\t")
        assert len(cols) == 10, f"{len(cols)} columns: {l!r}"
        assert all(c != "" for c in cols), f"empty column: {l!r}"
        ident = cols[0]
        if "-" in ident:
            first, last = map(int, ident.split("-"))
            assert first == len(words) + 1 and last > first, f"range {ident} after {len(words)}"
            assert cols[2:9] == ["_"] * 7, l
            ranges.append((first, last))
            range_end = last
            tokens.append((cols[1], cols[9]))
            continue
        assert "." not in ident, f"an empty node in geokg's output: {l!r}"
        assert int(ident) == len(words) + 1, f"id {ident} after {len(words)}"
        words.append(cols)
        if int(ident) > range_end:
            tokens.append((cols[1], cols[9]))
        else:
            assert cols[9] == "_", f"MISC of a word inside a range: {l!r}"
    n = len(words)
    assert all(last <= n for _, last in ranges), (ranges, n)
    heads = []
    for w in words:
        assert w[3] in UPOS, f"UPOS {w[3]!r}"
        assert w[6].isdigit() and 0 <= int(w[6]) <= n, f"head {w[6]!r} of {n} words"
        assert w[7] != "_", f"no relation: {w}"
        assert w[5] == "_" or all("=" in f for f in w[5].split("|")), f"FEATS {w[5]!r}"
        assert w[9] in ("_", "SpaceAfter=No"), f"MISC {w[9]!r}"
        heads.append(int(w[6]))
    roots = [i + 1 for i, h in enumerate(heads) if h == 0]
    assert len(roots) == 1, f"roots {roots}"
    assert words[roots[0] - 1][7] == "root", words[roots[0] - 1]
    for i in range(1, n + 1):
        seen, j = set(), i
        while j != 0:
            assert j not in seen, f"a cycle through word {i}"
            seen.add(j)
            j = heads[j - 1]
    return comments, tokens, words


def rebuilt_text(tokens):
    return "".join(form + ("" if misc == "SpaceAfter=No" else " ")
                   for form, misc in tokens).rstrip(" ")


def comment(comments, key):
    found = [c.split(" = ", 1)[1] for c in comments if c.startswith(f"# {key} = ")]
    return found[0] if found else None


GERMAN = ("Die Bundesregierung hat am Montag neue Sanktionen gegen Russland beschlossen. "
          "„Das ist ein klares Signal“, sagte ein Sprecher zum Abschluss.")
ENGLISH = ("Officials said the government didn't sanction Russia's central bank.\n"
           "It's a warning, they added.")
FRENCH = ("Le gouvernement français a annoncé de nouvelles sanctions contre la Russie lundi, "
          "selon un porte-parole.")
GERMAN_TOKENS = [["Die", "Bundesregierung", "hat", "am", "Montag", "neue", "Sanktionen", "gegen",
                  "Russland", "beschlossen", "."],
                 ["„", "Das", "ist", "ein", "klares", "Signal", "“", ",", "sagte", "ein",
                  "Sprecher", "zum", "Abschluss", "."]]
ENGLISH_TOKENS = [["Officials", "said", "the", "government", "didn't", "sanction", "Russia's",
                   "central", "bank", "."],
                  ["It's", "a", "warning", ",", "they", "added", "."]]


@case("de", "en")
def articles_give_conllu_over_geokgs_tokens(tmp):
    docs = jsonl(tmp, [{"id": "de1", "lang": "de", "text": GERMAN},
                       {"id": "en1", "text": ENGLISH}])
    code, out, err = geokg(docs)
    assert code == 0, f"exit {code}: {err}"
    sentences = blocks(out)
    assert len(sentences) == 4, out
    for n, (lines, doc, expected) in enumerate(
            zip(sentences, ["de1", "de1", "en1", "en1"], GERMAN_TOKENS + ENGLISH_TOKENS)):
        comments, tokens, words = check_block(lines)
        index = n % 2 + 1
        assert (comment(comments, "newdoc id") == doc) == (index == 1), comments
        assert comment(comments, "sent_id") == f"{doc}-{index}", comments
        assert [t[0] for t in tokens] == expected, [t[0] for t in tokens]
        # Tokens and SpaceAfter=No give back the sentence as written.
        assert rebuilt_text(tokens) == comment(comments, "text"), (tokens, comments)
        assert len(words) >= len(tokens), (words, tokens)
    text = [comment(check_block(s)[0], "text") for s in sentences]
    assert text == ["Die Bundesregierung hat am Montag neue Sanktionen gegen Russland "
                    "beschlossen.", "„Das ist ein klares Signal“, sagte ein Sprecher zum Abschluss.",
                    "Officials said the government didn't sanction Russia's central bank.",
                    "It's a warning, they added."], text
    # The last token of a sentence followed by the next one's space.
    assert check_block(sentences[0])[1][-1] == (".", "_"), sentences[0]
    assert check_block(sentences[1])[1][0] == ("„", "SpaceAfter=No"), sentences[1]


@case("de")
def output_and_exit_status_for_documents_without_a_model(tmp):
    docs = jsonl(tmp, [{"id": "fr", "text": FRENCH},
                       {"id": "de", "text": "Die Regierung hat neue Sanktionen beschlossen."}])
    out_file = os.path.join(tmp, "out.conllu")
    code, out, err = geokg(docs, "-o", out_file)
    assert code == 1, f"exit {code}: {err}"
    assert f"{docs}:1: skipped: document \"fr\": its language is neither German nor English" \
        in err, err
    with open(out_file, encoding="utf-8") as fh:
        sentences = blocks(fh.read())
    assert [comment(check_block(s)[0], "sent_id") for s in sentences] == ["de-1"], sentences
    # --lang overrides what the document says and what detection finds.
    code, out, err = geokg("--lang", "de", docs)
    assert code == 0, f"exit {code}: {err}"
    assert [comment(check_block(s)[0], "sent_id") for s in blocks(out)] == ["fr-1", "de-1"], out


TREEBANK = (
    "# newdoc id = t\n"
    "# sent_id = t-1\n"
    "# text = Er geht zum Markt.\n"
    "1\tEr\tx\tX\tPPER\tCase=Nom\t3\tdep\t_\t_\n"
    "2\tgeht\tx\tX\tVVFIN\t_\t0\troot\t_\t_\n"
    "3-4\tzum\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "3\tzu\tx\tX\tAPPR\t_\t_\t_\t_\t_\n"
    "4\tdem\tx\tX\tART\t_\t_\t_\t_\t_\n"
    "5\tMarkt\t_\t_\tNN\t_\t_\t_\t_\tSpaceAfter=No\n"
    "6\t.\t_\t_\t$.\t_\t_\t_\t_\t_\n"
    "\n"
    "# sent_id = t-2\n"
    "# text = Sie kauft Brot, er Milch.\n"
    "1\tSie\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tkauft\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "3\tBrot\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
    "4\t,\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "5\ter\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "5.1\tkauft\tkaufen\tVERB\tVVFIN\t_\t_\t_\t2:conj\tCopyOf=2\n"
    "6\tMilch\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
    "7\t.\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "\n")


def check_annotated(out):
    """The treebank as it was, but for the predicted columns of its words."""
    got, want = blocks(out), blocks(TREEBANK)
    assert len(got) == len(want), out
    for g, w in zip(got, want):
        assert len(g) == len(w), (g, w)
        words = []
        for gl, wl in zip(g, w):
            if wl.startswith("#") or "-" in wl.split("\t")[0] or "." in wl.split("\t")[0]:
                assert gl == wl, (gl, wl)
                continue
            gc, wc = gl.split("\t"), wl.split("\t")
            assert len(gc) == 10, gl
            # ID, FORM, XPOS, DEPS and MISC are kept.
            assert [gc[i] for i in (0, 1, 4, 8, 9)] == [wc[i] for i in (0, 1, 4, 8, 9)], (gl, wl)
            assert gc[3] in UPOS and gc[2] != "" and gc[7] not in ("", "_"), gl
            words.append(gc)
        n = len(words)
        assert all(c[6].isdigit() and 0 <= int(c[6]) <= n for c in words), words


@case("de")
def conllu_input_is_kept_and_annotated(tmp):
    path = write(tmp, "t.conllu", TREEBANK)
    code, out, err = geokg("--lang", "de", "--input-format", "conllu", path)
    assert code == 0, f"exit {code}: {err}"
    check_annotated(out)
    code, out2, err = geokg("--lang", "de", "--input-format", "conllu", "-",
                            stdin=TREEBANK.encode())
    assert code == 0 and out2 == out, f"exit {code}: {err}"
    out_file = os.path.join(tmp, "out.conllu")
    code, _, err = geokg("--lang", "de", "--input-format", "conllu", path, "-o", out_file)
    assert code == 0, f"exit {code}: {err}"
    with open(out_file, encoding="utf-8") as fh:
        assert fh.read() == out


@case()
def bad_input_is_named_with_file_and_line(tmp):
    missing = os.path.join(tmp, "nope.jsonl")
    code, out, err = geokg(missing)
    assert code == 2 and out == "", f"exit {code}: {out} {err}"
    assert err == f"geokg: {missing}: no such file or directory\n", err
    code, out, err = geokg("--lang", "de", "--input-format", "conllu", missing)
    assert code == 2 and err == f"geokg: {missing}: no such file or directory\n", err
    path = write(tmp, "t.conllu", TREEBANK)
    code, out, err = geokg("--input-format", "conllu", path)
    assert code == 2 and out == "", f"exit {code}: {err}"
    assert err.startswith("geokg: --input-format conllu needs --lang de or --lang en"), err
    broken = write(tmp, "broken.conllu", "# text = Er geht\n1\tEr\ter\tPRON\t_\t_\t2\n")
    code, out, err = geokg("--lang", "de", "--input-format", "conllu", broken)
    assert code == 2 and out == "", f"exit {code}: {err}"
    assert err == f"geokg: {broken}:2: a word line has 10 tab-separated columns, this one 7\n", \
        err
    code, out, err = geokg("--lang", "de", "--input-format", "conllu", "-",
                           stdin=b"1\tEr\ter\tPRON\t_\t_\t5\tnsubj\t_\t_\n")
    assert code == 2 and err == "geokg: stdin:1: head 5 beyond the sentence's 1 words\n", err
    code, out, err = geokg("--lang", "fr", path)
    assert code == 2 and "--lang" in err, f"exit {code}: {err}"
    code, out, err = geokg("--lang", "de", "--input-format", "conllu", tmp)
    assert code == 2 and err == f"geokg: {tmp}: a directory; --input-format conllu reads " \
                                "CoNLL-U files\n", err


@case()
def an_error_leaves_an_existing_output_as_it_was(tmp):
    out_file = write(tmp, "precious.conllu", "precious\n")
    broken = write(tmp, "broken.conllu", "1\tEr\ter\tPRON\t_\t_\t0\troot\n")
    french = jsonl(tmp, [{"id": "fr", "text": FRENCH}])
    runs = [["--lang", "de", "--input-format", "conllu", broken],
            [os.path.join(tmp, "nope.jsonl")],
            [french],                                           # nothing could be parsed
            ["--input-format", "conllu", broken],
            ["--lang", "de", "--input-format", "conllu", "-"]]   # an empty treebank
    for args in runs:
        code, _, err = geokg(*args, "-o", out_file, stdin=b"")
        assert code == 2, f"{args}: exit {code}: {err}"
        with open(out_file, encoding="utf-8") as fh:
            assert fh.read() == "precious\n", args
    assert sorted(os.listdir(tmp)) == ["broken.conllu", "docs.jsonl", "precious.conllu"], \
        os.listdir(tmp)
    # The output may not be one of the inputs.
    code, _, err = geokg("--lang", "de", "--input-format", "conllu", broken, "-o", broken)
    assert code == 2 and "is also an input" in err, f"exit {code}: {err}"


@case()
def a_missing_model_is_named(tmp):
    data = os.path.join(tmp, "data")
    os.makedirs(data)
    for folder in ("actors", "triggers"):
        os.symlink(os.path.join(DATA, folder), os.path.join(data, folder))
    env = dict(os.environ, GEOKG_DATA_DIR=data)
    docs = jsonl(tmp, [{"id": "d", "lang": "de", "text": "Die Regierung hat beschlossen."}])
    code, out, err = geokg(docs, env=env)
    model = os.path.join(data, "models", "de.syntax")
    assert code == 2 and out == "", f"exit {code}: {err}"
    assert f"{docs}:1: skipped: document \"d\": no German syntax model: {model} is missing" in err, \
        err
    treebank = write(tmp, "t.conllu", TREEBANK)
    code, out, err = geokg("--lang", "en", "--input-format", "conllu", treebank, env=env)
    assert code == 2 and out == "", f"exit {code}: {err}"
    assert f"no English syntax model: {os.path.join(data, 'models', 'en.syntax')} is missing" \
        in err, err


for name, error in results:
    print(("ok   " if error is None else "FAIL ") + name + ("" if error is None else ": " + error[:2000]))
for name, why in skipped:
    print(f"skip {name}: {why}")
failed = sum(e is not None for _, e in results)
print(f"{len(results) - failed} passed, {failed} failed")
sys.exit(1 if failed else 77 if skipped else 0)
