#!/usr/bin/env python3
"""Scores predicted CoNLL-U against gold, and splits treebanks into folds by
document (python3, standard library only).

  conllu_score.py score [--name NAME] [--feats Case,Number,Gender] [--brief]
                        [--min-upos X] [--min-uas X] [--min-las X] GOLD PRED
  conllu_score.py folds [--folds 5] --out DIR FILE...

score: the two files must hold the same sentences and words (geokg parse
--input-format conllu keeps them).  Only words count, as in UD's evaluation:
range lines (contractions) and empty nodes are left out, punctuation counts.
UPOS and lemma accuracy; UAS (right head); LAS (right head and universal
relation, the part before ':', as the CoNLL 2018 shared task scores it);
full-label LAS (subtypes too); with --feats the accuracy of each named
feature over the words where gold or prediction has it (a missing or
spurious value is an error); and attachment P/R/F1 per relation (universal
part): precision over the predicted words with that relation, recall over the
gold words with it, a word counting when its head and relation are both
right.  --brief prints one line.  --min-* exit 1 when a score is below.

folds: documents are read in file order.  A "# newdoc id" comment starts a
document that runs until the next one; a sentence before a file's first
newdoc (German GSD has none: its sentences are single sentences drawn from
many web pages, numbered only within the split) is a document of its own.
Document i goes to fold i mod K; DIR gets fold-K-train.conllu (every other
fold) and fold-K-test.conllu, K from 1, the sentences copied unchanged.

Exit status: 0 good, 1 a score below its --min-*, 2 usage or input error.
"""
import argparse
import os
import sys

RELATIONS = ["nsubj", "obj", "iobj", "obl", "nmod", "conj", "appos", "ccomp", "xcomp", "acl",
             "advcl", "csubj"]


class InputError(Exception):
    pass


class Sentence:
    __slots__ = ("lines", "comments", "words", "line")

    def __init__(self, line):
        self.lines = []      # every line as read, for copying
        self.comments = []
        self.words = []      # (form, lemma, upos, feats, head, deprel)
        self.line = line     # first line of the sentence


def read_conllu(path, not_utf8=None):
    """The sentences of a CoNLL-U file; malformed lines raise InputError with
    file:line.  Lines that are not UTF-8 are read with their bad bytes kept
    apart (a wrong lemma, say, still lets the rest be scored) and their
    numbers added to `not_utf8`."""
    sentences = []
    current = None
    try:
        fh = open(path, encoding="utf-8", errors="surrogateescape")
    except OSError as e:
        raise InputError(f"{path}: cannot open: {e.strerror}")
    with fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\r\n")
            if not_utf8 is not None and not line.isascii():
                try:
                    line.encode("utf-8")
                except UnicodeEncodeError:
                    not_utf8.append(n)
            if not line.strip():
                if current is not None:
                    sentences.append(current)
                    current = None
                continue
            if current is None:
                current = Sentence(n)
            current.lines.append(line)
            if line.startswith("#"):
                current.comments.append(line)
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise InputError(f"{path}:{n}: a word line has 10 tab-separated columns, "
                                 f"this one {len(cols)}")
            if "-" in cols[0] or "." in cols[0]:
                continue
            if not cols[0].isdigit() or int(cols[0]) != len(current.words) + 1:
                raise InputError(f"{path}:{n}: word id '{cols[0]}' where "
                                 f"{len(current.words) + 1} was expected")
            if not cols[6].isdigit():
                raise InputError(f"{path}:{n}: head '{cols[6]}' is not a word id")
            current.words.append((cols[1], cols[2], cols[3], cols[5], int(cols[6]), cols[7]))
    if current is not None:
        sentences.append(current)
    return sentences


def feats_of(feats):
    if feats == "_":
        return {}
    return dict(f.split("=", 1) for f in feats.split("|") if "=" in f)


def universal(rel):
    return rel.split(":", 1)[0]


def score(gold_path, pred_path, feat_names):
    bad_gold, bad_pred = [], []
    gold, pred = read_conllu(gold_path, bad_gold), read_conllu(pred_path, bad_pred)
    for path, bad in ((gold_path, bad_gold), (pred_path, bad_pred)):
        if bad:
            print(f"warning: {path}: {len(bad)} line{'s' if len(bad) > 1 else ''} not UTF-8, "
                  f"the first {bad[0]}; scored as they are")
    if len(gold) != len(pred):
        raise InputError(f"{pred_path} has {len(pred)} sentences, {gold_path} {len(gold)}")
    c = dict(words=0, upos=0, lemma=0, uas=0, las=0, full=0)
    feat = {f: [0, 0] for f in feat_names}            # right, counted
    rel = {r: [0, 0, 0] for r in RELATIONS}           # gold, predicted, right
    for g, p in zip(gold, pred):
        if [w[0] for w in g.words] != [w[0] for w in p.words]:
            raise InputError(f"{pred_path}:{p.line}: the sentence's words differ from those of "
                             f"{gold_path}:{g.line}")
        for gw, pw in zip(g.words, p.words):
            c["words"] += 1
            c["upos"] += gw[2] == pw[2]
            c["lemma"] += gw[1] == pw[1]
            head = gw[4] == pw[4]
            gu, pu = universal(gw[5]), universal(pw[5])
            c["uas"] += head
            c["las"] += head and gu == pu
            c["full"] += head and gw[5] == pw[5]
            if gu in rel:
                rel[gu][0] += 1
                rel[gu][2] += head and gu == pu
            if pu in rel:
                rel[pu][1] += 1
            if feat_names:
                gf, pf = feats_of(gw[3]), feats_of(pw[3])
                for f in feat_names:
                    if f in gf or f in pf:
                        feat[f][1] += 1
                        feat[f][0] += gf.get(f) == pf.get(f)
    return len(gold), c, feat, rel


def ratio(a, b):
    return a / b if b else 0.0


def cmd_score(args):
    sentences, c, feat, rel = score(args.gold, args.pred, [f for f in args.feats.split(",") if f])
    name = args.name or os.path.basename(args.gold)
    n = c["words"]
    upos, uas, las = ratio(c["upos"], n), ratio(c["uas"], n), ratio(c["las"], n)
    if args.brief:
        print(f"{name:<24} UPOS {upos:.4f}  UAS {uas:.4f}  LAS {las:.4f}  "
              f"({sentences} sentences, {n} words)")
    else:
        print(f"== {name}: {sentences} sentences, {n} words")
        print(f"  UPOS      {upos:.4f}")
        print(f"  Lemma     {ratio(c['lemma'], n):.4f}")
        print(f"  UAS       {uas:.4f}")
        print(f"  LAS       {las:.4f}   (universal relation, as CoNLL 2018)")
        print(f"  LAS full  {ratio(c['full'], n):.4f}   (whole label, subtypes too)")
        for f, (right, counted) in feat.items():
            print(f"  {f:<9} {ratio(right, counted):.4f}   ({counted} words where gold or "
                  f"prediction has {f})")
        print(f"  {'relation':<9} {'gold':>6} {'pred':>6} {'P':>7} {'R':>7} {'F1':>7}")
        for r, (g, p, right) in rel.items():
            prec = f"{right / p:.4f}" if p else "-"
            rec = f"{right / g:.4f}" if g else "-"
            f1 = f"{2 * right / (g + p):.4f}" if g + p else "-"
            print(f"  {r:<9} {g:>6} {p:>6} {prec:>7} {rec:>7} {f1:>7}")
    below = [(what, got, want) for what, got, want in
             (("UPOS", upos, args.min_upos), ("UAS", uas, args.min_uas), ("LAS", las, args.min_las))
             if want is not None and got < want]
    for what, got, want in below:
        print(f"{name}: {what} {got:.4f} is below the threshold {want}")
    return 1 if below else 0


def documents(paths):
    """Documents in file order, each a list of sentences."""
    docs = []
    for path in paths:
        in_doc = False
        for s in read_conllu(path):
            newdoc = any(c.startswith("# newdoc") for c in s.comments)
            if newdoc or not in_doc:
                docs.append([])
            in_doc = in_doc or newdoc
            docs[-1].append(s)
    return docs


def cmd_folds(args):
    if args.folds < 2:
        raise InputError(f"--folds {args.folds}: at least 2")
    docs = documents(args.files)
    if len(docs) < args.folds:
        raise InputError(f"{len(docs)} documents cannot fill {args.folds} folds")
    os.makedirs(args.out, exist_ok=True)
    for k in range(args.folds):
        with open(os.path.join(args.out, f"fold-{k + 1}-train.conllu"), "w",
                  encoding="utf-8", errors="surrogateescape") as train, \
             open(os.path.join(args.out, f"fold-{k + 1}-test.conllu"), "w",
                  encoding="utf-8", errors="surrogateescape") as test:
            counts = [0, 0]
            for i, doc in enumerate(docs):
                out = test if i % args.folds == k else train
                for s in doc:
                    out.write("\n".join(s.lines) + "\n\n")
                counts[i % args.folds == k] += len(doc)
        print(f"fold {k + 1}: {len(range(k, len(docs), args.folds))} documents, "
              f"{counts[1]} sentences to test, {counts[0]} to train on")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("score", help="score PRED against GOLD")
    s.add_argument("gold")
    s.add_argument("pred")
    s.add_argument("--name", help="what to call the set (default: GOLD's file name)")
    s.add_argument("--feats", default="", help="features to score, comma-separated")
    s.add_argument("--brief", action="store_true", help="one line: UPOS, UAS, LAS")
    for what in ("upos", "uas", "las"):
        s.add_argument(f"--min-{what}", type=float, help=f"exit 1 if {what.upper()} is below")
    f = sub.add_parser("folds", help="split treebanks into folds by document")
    f.add_argument("files", nargs="+")
    f.add_argument("--folds", type=int, default=5)
    f.add_argument("--out", required=True, help="folder for the fold files")
    args = parser.parse_args()
    try:
        return cmd_score(args) if args.command == "score" else cmd_folds(args)
    except InputError as e:
        print(f"conllu_score: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
