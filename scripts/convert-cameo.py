#!/usr/bin/env python3
"""Converts PETRARCH2's English verb-pattern dictionary (CAMEO.2.0.txt, MIT)
into geokg's trigger table data/triggers/en-cameo.tsv, with CAMEO codes
turned into PLOVER types by CAMEO2PLOVER-2021.txt (CC BY-SA 4.0).

Usage: scripts/convert-cameo.py [--reference DIR] [--out FILE] [--check]
  DIR defaults to ../shared/reference/petrarch2 (next to the repository);
  --check compares instead of writing (exit 1 when the committed table differs).

What the table can say and what it cannot (see data/triggers/README.md):
a block's default code becomes a plain verb row; a pattern with an object noun
after the verb (a word, the head of a {PHRASE}, or every word of a &SYNSET)
becomes an `object=` row; `(PREP $)` makes PREP the target role.  Everything
else is counted and skipped, by kind, in the summary on stderr.

Curated rows win, decided here and not in the loader: a plain row for a verb
that data/triggers/en.tsv already has as a plain verb row, and an object word
that en.tsv already gives the same verb, are left out.  The loader then reads
every row of both tables as written, and the committed table shows exactly
what is in effect.  Re-run this script whenever en.tsv changes; the
relations-cameo-table test says when the committed table is out of date.
"""
import argparse
import collections
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# CAMEO2PLOVER maps some codes against GUIDELINES.md, which decides for this
# project: sanctions and embargoes (163) are SANCTION ("Sanktionen verhängen,
# Embargo"), releasing persons (0841) is CONCEDE ("freilassen"), signing an
# agreement (057) is AGREE.
OVERRIDES = {"163": "SANCTION", "0841": "CONCEDE", "057": "AGREE"}

# Kept classes.  The whole table was measured (see data/triggers/README.md):
# CAMEO's broad classes (verbal statements 01/02 have no PLOVER type anyway)
# invent events on news.  Only the types listed here are written.
KEEP_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
              "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
              "MOBILIZE", "COERCE", "ASSAULT"}

# A block's default code is the code of its first verb, shared by dozens of
# WordNet synonyms ("take" COERCE, "go" CONSULT, "plan" AGREE, "claim" ACCUSE);
# measured on plover-dev the plain rows only invent events.  Off.
PLAIN_ROWS = False

# CAMEO writes a target only where a pattern has `$`; elsewhere the target is
# the verb's bare object or the prepositions the type takes in en.tsv.
TARGETS = {
    "AGREE": "obj|with|to", "CONSULT": "obj|with", "SUPPORT": "obj|for|to",
    "CONCEDE": "obj|to", "COOPERATE": "with|obj", "AID": "to|obj|for",
    "RETREAT": "from|obj", "REQUEST": "obj|from|to", "ACCUSE": "obj|against|of",
    "REJECT": "obj", "THREATEN": "obj|to|against", "PROTEST": "against|obj",
    "SANCTION": "on|against|obj|with", "MOBILIZE": "to|in|against",
    "COERCE": "obj|from|on|against", "ASSAULT": "obj|on|against|at",
}
MUTUAL = {"AGREE", "CONSULT", "COOPERATE"}
# "- * OFF [code]": a particle, not an object noun.
PARTICLES = {"off", "away", "out", "up", "down", "back", "forward", "aside", "over", "into",
             "around", "ahead", "apart", "together", "through", "along", "onto", "upon"}
ENGLISH_PREPS = {"by", "from", "to", "against", "with", "on", "at", "for", "of", "into",
                 "between", "in", "over", "about", "upon", "onto", "toward", "towards", "among"}

TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|&\w+|[*+$%^]|[^\s{}()*+$%^&]+")


def read_plover(path):
    table = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s*(\d+):\s*([A-Z]+)", line)
        if m:
            table.setdefault(m.group(1), m.group(2))  # "08:" appears twice: the first holds
    table.update(OVERRIDES)
    return table


def plover(code, table):
    """PLOVER type of a CAMEO code by its longest prefix in the table."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def regular_forms(base):
    """The English forms geokg generates itself (lib/relations/trigger_lexicon.cpp)."""
    out = {base}
    sib = base.endswith(("s", "sh", "ch", "x", "z", "o"))
    if len(base) > 1 and base[-1] == "y" and base[-2] not in "aeiou":
        out |= {base[:-1] + "ies", base[:-1] + "ied"}
    else:
        out |= {base + ("es" if sib else "s"), base + "d" if base.endswith("e") else base + "ed"}
    out.add(base[:-1] + "ing" if base.endswith("e") and not base.endswith("ee") else base + "ing")
    return out


class Converter:
    def __init__(self, plover_table):
        self.plover = plover_table
        self.synsets = {}
        self.skipped = collections.Counter()
        self.verbs = {}         # lemma -> irregular forms
        self.plain = collections.defaultdict(set)       # lemma -> {(type, target)}
        self.objects = collections.defaultdict(lambda: collections.defaultdict(set))
        self.counts = collections.Counter()

    def code_type(self, code, kind):
        if code == "---":
            self.skipped["no event ([---]) " + kind] += 1
            return None
        if not re.fullmatch(r"\d+", code):
            self.skipped["paired or partial code ([042:043], [:173])"] += 1
            return None
        t = plover(code, self.plover)
        if t is None:
            self.skipped["code without PLOVER type (01x statements, 02x appeals) " + kind] += 1
            return None
        if t not in KEEP_TYPES:
            self.skipped["type not kept (" + t + ") " + kind] += 1
            return None
        return t

    def verb_line(self, line):
        """`FREEZE {FREEZES ...} [code]` or `+CALL_OFF [160]`: (lemma, forms, code)."""
        code = None
        m = re.search(r"\[([^\]]*)\]", line)
        if m:
            code = m.group(1).strip()
            line = line[:m.start()] + line[m.end():]
        forms = []
        m = re.search(r"\{([^}]*)\}", line)
        if m:
            forms = m.group(1).split()
            line = line[:m.start()]
        words = line.split()
        if not words:
            return None
        word = words[0]
        if "_" in word:
            parts = word.split("_")
            # `+CALL_OFF`: the verb first, then one particle; `WIRE_+TAP` and
            # longer phrases have no row shape here.
            if len(parts) != 2 or not parts[0].startswith("+") or parts[1].startswith("+"):
                self.skipped["multi-word verb other than VERB_PARTICLE"] += 1
                return None
            lemma = parts[0][1:].lower() + "|" + parts[1].lower()
            forms = [f.split("_")[0].lstrip("+") for f in forms]
        else:
            lemma = word.lstrip("+").lower()
        if not re.fullmatch(r"[a-z][a-z'-]*(\|[a-z]+)?", lemma):
            self.skipped["verb that is not a word"] += 1
            return None
        base = lemma.split("|")[0]
        irregular = sorted({f.lower() for f in forms} - regular_forms(base))
        return lemma, irregular, code

    def pattern(self, line, block_verbs):
        m = re.search(r"\[([^\]]*)\]\s*$", line)
        if not m:
            self.skipped["pattern without code"] += 1
            return
        code = m.group(1).strip()
        toks = TOKEN.findall(line[1:m.start()])
        if "*" not in toks:
            self.skipped["pattern without the verb"] += 1
            return
        star = toks.index("*")
        before, after = toks[:star], toks[star + 1:]
        if any(t not in ("+",) for t in before):
            self.skipped["noun or target before the verb (source constraint)"] += 1
            return
        words, target = [], None
        for t in after:
            if t.startswith("("):
                inner = t[1:-1].split()
                if len(inner) == 2 and inner[1] == "$" and inner[0].lower() in ENGLISH_PREPS:
                    target = inner[0].lower()
                    continue
                self.skipped["prepositional phrase with a noun or without a target"] += 1
                return
            if t == "$":
                target = "obj"
            elif t in ("+", "%", "^"):
                self.skipped["source, compound actor or skip after the verb (+ % ^)"] += 1
                return
            else:
                words.append(t)
        if len(words) > 1:
            self.skipped["several words after the verb (particle or two nouns)"] += 1
            return
        kind = "(object pattern)" if words else "(preposition pattern)"
        typ = self.code_type(code, kind)
        if typ is None:
            return
        objs = []
        if words:
            w = words[0]
            if w.startswith("&"):
                if w[1:] not in self.synsets:
                    self.skipped["undefined synset"] += 1
                    return
                objs = self.synsets[w[1:]]
                self.counts["synset patterns"] += 1
            elif w.startswith("{"):
                objs = [w[1:-1].split()[-1].lower()]  # the phrase's head is its last word
                self.counts["phrase patterns (head noun)"] += 1
            else:
                objs = [w.lower()]
                self.counts["object-word patterns"] += 1
            objs = [o for o in objs if re.fullmatch(r"[a-z][a-z'-]{2,}", o)]
            if not objs:
                self.skipped["object word shorter than 3 letters or not a word"] += 1
                return
        else:
            self.counts["preposition patterns"] += 1
        tgt = target if target and target != "obj" else TARGETS[typ]
        for lemma in block_verbs:
            if objs:
                for o in objs:
                    self.objects[lemma][o].add((typ, tgt))
            else:
                self.plain[lemma].add((typ, tgt))

    def read(self, path):
        lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
        i = 0
        # Synsets: `&NAME` then `+WORD` lines, before the verb patterns.
        name = None
        while i < len(lines) and not lines[i].startswith("####### VERB PATTERNS"):
            s = lines[i].split("#")[0].strip()
            if s.startswith("&"):
                name = s[1:]
                self.synsets[name] = []
            elif s.startswith("+") and name:
                head = s[1:].strip("_").split("_")[-1].lower()
                if head not in self.synsets[name]:
                    self.synsets[name].append(head)
            i += 1
        block = None
        for line in lines[i:]:
            if line.startswith("######## TRANSFORMATIONS"):
                break
            s = line.split("#")[0].rstrip() if not line.startswith("---") else line
            if not s.strip():
                continue
            m = re.match(r"---\s+.*?\[([^\]]*)\]\s*---", s)
            if m:
                block = {"code": m.group(1).strip(), "verbs": []}
                continue
            if block is None:
                continue
            if s.startswith("-"):
                # The comment names the verb the pattern was found with
                # ("# RUSH"); PETRARCH applies it to the whole synonym block,
                # which gives "abolish * weapon" from "abandon * weapon".  Only
                # the named verbs take it (all of them when none is named).
                named = set(re.findall(r"[A-Z][A-Z_]+", line.split("#", 1)[1])) \
                    if "#" in line else set()
                verbs = [v for v in block["verbs"]
                         if v.split("|")[0].upper() in named or v.upper().replace("|", "_") in named]
                if named and not verbs:
                    self.skipped["pattern whose comment names no verb of its block"] += 1
                    continue
                self.pattern(s, verbs or block["verbs"])
                continue
            v = self.verb_line(s)
            if v is None:
                continue
            lemma, irregular, code = v
            block["verbs"].append(lemma)
            self.verbs.setdefault(lemma, set()).update(irregular)
            typ = self.code_type(code or block["code"], "(verb default)")
            if typ is not None:
                self.plain[lemma].add((typ, TARGETS[typ]))
                self.counts["verb defaults"] += 1


def curated(path):
    """Plain verb lemmas, (verb lemma, object word) pairs and nouns en.tsv
    already has."""
    plain, objects, nouns = set(), set(), set()
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) < 7:
            continue
        if f[1] == "noun":
            nouns.add(f[0].lower())
            nouns.update(x.lower() for x in f[6].split(",") if x != "-")
            continue
        obj = [x[7:] for x in f[5].split(",") if x.startswith("object=")]
        if obj:
            for w in obj[0].split("/"):
                objects.add((f[0], w.lower()))
        else:
            plain.add(f[0])
    return plain, objects, nouns


def rows(conv, cur_plain, cur_objects, cur_nouns, skipped):
    out = []

    def row(lemma, typ, tgt, flags):
        fl = list(flags)
        if typ in MUTUAL and "with" in tgt.split("|"):
            fl.append("mutual")
        forms = ",".join(sorted(conv.verbs.get(lemma, ()))) or "-"
        return "\t".join([lemma, "verb", typ, "subj", tgt, ",".join(sorted(fl)) or "-", forms])

    for lemma in sorted(set(conv.plain) | set(conv.objects)):
        # An object row is tried before the verb's plain row, so for a verb
        # en.tsv has it would override the curated reading whenever the noun
        # stands in the clause ("lift the curfew" RETREAT, "attacked the
        # government" ACCUSE): such verbs take no converted row at all.
        if lemma in cur_plain:
            skipped["verb the curated table has as a plain row (all its patterns)"] += 1
            continue
        # Object rows: one per (type, target) with all its words; a word that
        # CAMEO gives two types for this verb says nothing certain and is left out.
        groups = collections.defaultdict(list)
        for word, kinds in sorted(conv.objects.get(lemma, {}).items()):
            if word in PARTICLES:
                skipped["particle read as an object word (* OFF)"] += 1
                continue
            # A noun en.tsv has ("issue an ultimatum", "halt aid") is read by
            # its own curated frame with the verb as context; a verb row
            # would take the event from it, with CAMEO's type and roles.
            if word in cur_nouns or word.rstrip("s") in cur_nouns:
                skipped["object word that is a curated noun trigger"] += 1
                continue
            if (lemma, word) in cur_objects:
                skipped["object word the curated table has for the verb"] += 1
                continue
            if len({k[0] for k in kinds}) > 1:
                skipped["object word with two types for the verb"] += 1
                continue
            groups[min(kinds)].append(word)
        for (typ, tgt), words in sorted(groups.items()):
            out.append(row(lemma, typ, tgt, ["object=" + "/".join(words)]))
        plain = conv.plain.get(lemma, set())
        if not plain:
            continue
        if not PLAIN_ROWS:
            skipped["plain row (block default; not kept, see PLAIN_ROWS)"] += 1
            continue
        if len({p[0] for p in plain}) > 1:
            skipped["verb with two default types (blocks disagree)"] += 1
            continue
        typ = next(iter(plain))[0]
        tgts = []
        for _, t in sorted(plain):
            for r in t.split("|"):
                if r not in tgts:
                    tgts.append(r)
        out.append(row(lemma, typ, "|".join(tgts), []))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reference", default=os.path.join(ROOT, "..", "shared", "reference",
                                                        "petrarch2"))
    ap.add_argument("--curated", default=os.path.join(ROOT, "data", "triggers", "en.tsv"))
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "triggers", "en-cameo.tsv"))
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    conv = Converter(read_plover(os.path.join(a.reference, "CAMEO2PLOVER-2021.txt")))
    conv.read(os.path.join(a.reference, "CAMEO.2.0.txt"))
    cur_plain, cur_objects, cur_nouns = curated(a.curated)
    skipped = conv.skipped
    body = rows(conv, cur_plain, cur_objects, cur_nouns, skipped)
    header = [
        "# lemma\tpos\trelation\tsource\ttarget\tflags\tforms",
        "# Generated by scripts/convert-cameo.py from PETRARCH2's CAMEO.2.0.txt (MIT,",
        "# Copyright (c) 2015 Open Event Data Alliance) with codes mapped by",
        "# CAMEO2PLOVER-2021.txt (openeventdata/PLOVER, CC BY-SA 4.0); see README.md.",
        "# Do not edit: change the script or en.tsv and re-run it.",
    ]
    text = "\n".join(header + body) + "\n"
    summary = [f"{len(body)} rows: "
               f"{sum('object=' in r for r in body)} object rows, "
               f"{sum('object=' not in r for r in body)} plain rows"]
    summary += [f"  read {n} {k}" for k, n in sorted(conv.counts.items())]
    summary += [f"  skipped {n}: {k}" for k, n in sorted(skipped.items(), key=lambda x: (-x[1], x[0]))]
    print("\n".join(summary), file=sys.stderr)
    if a.check:
        old = open(a.out, encoding="utf-8").read() if os.path.exists(a.out) else ""
        if old != text:
            print(f"{a.out} differs from the converter's output; re-run scripts/convert-cameo.py",
                  file=sys.stderr)
            return 1
        return 0
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
