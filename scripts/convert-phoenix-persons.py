#!/usr/bin/env python3
"""Converts the persons of PETRARCH2's Phoenix.Countries.actors.txt (MIT,
Copyright (c) 2014 Open Event Data Alliance) into geokg's actor tables:
data/actors/persons-phoenix.tsv (names, coded as the state of the person's
latest role) and data/actors/roles/persons-phoenix.tsv (the periods in which
the person is coded otherwise, read when a document has a date).

Usage: scripts/convert-phoenix-persons.py [--reference DIR] [--corpus DIR] [--check]
  DIR defaults to ../shared/reference/petrarch2 and ../shared/corpus;
  --check compares instead of writing (exit 1 when a committed table differs).

GUIDELINES: a person acting in office is coded as the state they serve.  Only
roles in a state's government, military, legislature, judiciary, police or
intelligence service (CAMEO GOV, MIL, LEG, JUD, COP, SPY) make a person that
state's actor; elites (ELI, former officials), opposition, rebels, business,
media and sub-national territories do not.  The role that holds on a day is
the dated role that holds then, else the undated role (Phoenix's role for a
person outside the dated ones), else none.  A person is written when the role
that holds on the file's last day (FILE_END) is such a role: without a date a
document sees that, the latest, role.  Former officials by then are left out:
most were ministers of a cabinet long gone, and news names them in other
offices (a Latvian minister of 2003 as the Council of Europe's commissioner).
With a date, a periods row says when the person is another state or none ("-").

Curated rows win, decided here and not in the loader: a person any of whose
forms is a form in persons.tsv or persons-historic.tsv is left out (it is
the same person), and a form that names any other curated actor is left out.
Surname-only forms are written only from Phoenix's own one-word synonyms and
only where data/actors/README.md allows: not an ordinary word (a word of the
grammar or trigger tables, or one the corpora have in lower case), not a first
name, not the surname of another person, and never capitalised in the corpora
(gnad-test, plover-dev-docs, wikinews-en-docs) in a document that does not
also name the person in full.  Re-run after editing the curated tables; the
actors-phoenix-persons test says when the committed tables are out of date.
"""
import calendar
import collections
import datetime
import json
import os
import re
import sys

from phoenix_dictionary import arguments, curated_rows, entries, fold, write_or_check

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STATE_ROLES = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
# Phoenix's codes that are not ISO 3166-1 alpha-3 but name a state of today.
STATE_ALIASES = {"KSV": "XKX"}
OPEN_END = 99991231
# The day the file was generated ("Thu Jan 30 16:06:18 2014").
FILE_END = 20140130
CORPORA = ("gnad-test.jsonl", "plover-dev-docs.jsonl", "wikinews-en-docs.jsonl")
# Words that make a synonym a title plus a name ("PRESIDENT_KARZAI"): English
# only, since German titles differ.
TITLES = {"president", "prime", "minister", "general", "gen", "king", "queen", "prince",
          "princess", "sheikh", "sheik", "emir", "sultan", "mr", "mrs", "ms", "dr",
          "col", "colonel", "chancellor", "secretary", "senator", "sen", "rep",
          "ambassador", "acting", "foreign", "defense", "defence", "deputy", "vice",
          "major", "lt", "admiral", "judge", "justice", "ayatollah", "mullah", "premier",
          "governor", "marshal", "field", "captain", "speaker", "commander", "crown",
          "interior", "finance", "president-elect", "leader", "chief", "the", "former"}
PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "di", "del", "der", "van", "von",
             "la", "le", "du", "dos", "das", "y", "ben", "abu", "ould"}
# Spanish-speaking states: a person is named in news by the first of their two
# surnames ("Bruno Rodríguez" for BRUNO_RODRIGUEZ_PARRILLA).
SPANISH = {"ARG", "BOL", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "ESP", "GNQ", "GTM", "HND",
           "MEX", "NIC", "PAN", "PER", "PRY", "SLV", "URY", "VEN"}
# Surnames shorter than this are too often something else ("Ali", "Kim", "Lee").
MIN_SURNAME = 5


def words(s):
    return re.findall(r"[\w'.-]+", s)


def parse_date(s, not_before=None):
    """YYMMDD or YYYYMMDD -> YYYYMMDD; two-digit years up to 14 are 20YY (the
    file ends in 2014), an end before its start is a century later, and a day
    past the month's end ("780431") is its last day."""
    if not re.fullmatch(r"\d{6}|\d{8}", s):
        return None
    y, md = (int(s[:4]), s[4:]) if len(s) == 8 else (int(s[:2]), s[2:])
    if len(s) == 6:
        y += 2000 if y <= 14 else 1900
        if not_before is not None and y * 10000 + int(md) < not_before:
            y += 100
    m, d = int(md[:2]), int(md[2:])
    if not (1 <= m <= 12 and 1 <= y <= 9998):
        return None
    return y * 10000 + m * 100 + max(1, min(d, calendar.monthrange(y, m)[1]))


def next_day(v, days=1):
    d = datetime.date(v // 10000, v // 100 % 100, v % 100) + datetime.timedelta(days=days)
    return d.year * 10000 + d.month * 100 + d.day


def parse_role(text):
    """'[AFGGOV 030101-041231]' -> (code, start, end); undated: (code, None, None)."""
    m = re.fullmatch(r"\[(\S+)\s*(.*)\]", text)
    if not m or m.group(1).startswith("-"):
        return None
    code, d = m.group(1), m.group(2).replace(" ", "")
    if not d:
        return (code, None, None)
    if d.startswith(">"):
        start = parse_date(d[1:])
        return (code, start, OPEN_END) if start else "bad"
    if d.startswith("<"):
        end = parse_date(d[1:])
        return (code, 0, end) if end else "bad"
    a, _, b = d.partition("-")
    start = parse_date(a)
    end = parse_date(b, start) if start else None
    return (code, start, end) if start and end and start <= end else "bad"


def read_entries(path):
    """Yields each entry: its name, inline code, synonyms and role lines."""
    for head, lines in entries(path):
        # "THORGEDUR_ GUNNARSDOTTIR_": a stray space inside a name.
        m = re.match(r"([^\[]+)(\[[^\]]*\])?", head)
        name = re.sub(r"\s+", "_", m.group(1).strip())
        yield {"name": name, "inline": m.group(2),
               "syn": [re.sub(r"\s+", "_", l[1:].strip()) for l in lines if l[0] == "+"],
               "roles": [l.strip() for l in lines if l[0] != "+"]}


def state_of(code, states):
    """The ISO code a role makes its holder act for, or None."""
    if code[3:6] not in STATE_ROLES:
        return None
    iso = STATE_ALIASES.get(code[:3], code[:3])
    return iso if iso in states else None


def display(phoenix_name):
    """'MAHMOUD_ABBAS_' -> 'Mahmoud Abbas', 'OMAR_AL-BASHIR' -> 'Omar al-Bashir'."""
    out = []
    for i, w in enumerate(w for w in phoenix_name.strip("_").split("_") if w):
        parts = []
        for j, p in enumerate(w.split("-")):
            low = p.lower()
            keep_low = low in PARTICLES and (i > 0 or j < len(w.split("-")) - 1)
            parts.append(low if keep_low else p[:1].upper() + p[1:].lower())
        out.append("-".join(parts))
    return " ".join(out)


def role_at(day, dated, fallback):
    """The state code at `day` (YYYYMMDD), '-' for no state: the dated role
    that holds then (a state role before another, then the latest begun),
    else the undated role, else none."""
    holding = [r for r in dated if r[1] <= day <= r[2]]
    if holding:
        return max(holding, key=lambda r: (r[3] is not None, r[1]))[3] or "-"
    return (fallback[3] or "-") if fallback is not None else "-"


def periods(dated, fallback, code):
    """The periods (from, to, code) in which the person is not `code`."""
    cuts = sorted({0} | {r[1] for r in dated} | {next_day(r[2]) for r in dated if r[2] < OPEN_END})
    segs = []
    for k, start in enumerate(cuts):
        end = next_day(cuts[k + 1], -1) if k + 1 < len(cuts) else OPEN_END
        c = role_at(start, dated, fallback)
        if segs and segs[-1][2] == c:
            segs[-1][1] = end
        else:
            segs.append([start, end, c])
    return [tuple(s) for s in segs if s[2] != code]


def iso_day(v):
    if v in (0, OPEN_END):
        return "-"
    return f"{v // 10000:04d}-{v // 100 % 100:02d}-{v % 100:02d}"


def read_table_forms(rows):
    """(id, type, kind, folded form) of actor table rows."""
    return [(r["id"], r["type"], r["kind"], fold(r["form"])) for r in rows]


def slug(name):
    s = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    return s or "person"


class Person:
    def __init__(self, entry, states):
        self.entry = entry
        self.dated, self.fallback, self.bad_dates = [], None, 0
        for text in entry["roles"]:
            r = parse_role(text)
            if r == "bad":
                self.bad_dates += 1
            elif r and r[1] is None:
                if self.fallback is None:
                    self.fallback = r + (state_of(r[0], states),)
            elif r:
                self.dated.append(r + (state_of(r[0], states),))
        now = role_at(FILE_END, self.dated, self.fallback) if self.dated else "-"
        self.code = None if now == "-" else now
        self.name = display(entry["name"])
        self.id = "phx-" + slug(self.name)
        # (kind, lang, display form) for the name and each synonym.
        self.forms = []
        for n, raw in enumerate([entry["name"]] + entry["syn"]):
            shown = display(raw)
            ws = shown.split(" ")
            if not ws or not ws[0]:
                continue
            # The entry's own name is a name ("SULTAN_ALI_KESHTMAND"); a
            # synonym may be a title and a surname.
            titled = n > 0 and fold(ws[0]) in TITLES
            if titled:
                kind = "name" if len(ws) > 1 and fold(ws[-1]) not in TITLES else None
                lang = "en"
            else:
                kind, lang = ("surname" if len(ws) == 1 else "name"), "*"
            if kind and (kind, lang, shown) not in self.forms:
                self.forms.append((kind, lang, shown))

        if self.code in SPANISH:
            ws = self.name.split(" ")
            if len(ws) == 3 and not any(fold(w) in PARTICLES for w in ws):
                self.forms.append(("name", "*", " ".join(ws[:2])))

    def full_names(self):
        return [fold(f) for k, l, f in self.forms if k == "name" and l == "*"]


class Corpus:
    """Word use in the shared corpora: which words occur in lower case, and
    the folded texts of the documents with each capitalised word."""

    def __init__(self, folder):
        self.lower, self.docs_with = set(), collections.defaultdict(list)
        self.texts = []
        for name in CORPORA:
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        self.add(json.loads(line).get("text", ""))

    def add(self, text):
        k = len(self.texts)
        self.texts.append(fold(text))
        for w in set(re.findall(r"\w+", text)):
            if w[0].islower():
                self.lower.add(fold(w))
            elif w[0].isupper():
                self.docs_with[fold(w)].append(k)

    def used_otherwise(self, word, full_names):
        """True when the corpora have `word` in lower case, or capitalised in a
        document that names the person by no full name."""
        if word in self.lower:
            return True
        return any(not any(n in self.texts[k] for n in full_names) for k in self.docs_with[word])


def lexicon_words(root):
    """Every word of the grammar and trigger tables: ordinary words."""
    out = set()
    for sub, cols in (("grammar", (0,)), ("triggers", (0, 6))):
        folder = os.path.join(root, "data", sub)
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".tsv"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for line in f:
                    if line.startswith("#"):
                        continue
                    c = line.rstrip("\n").split("\t")
                    for i in cols:
                        if i < len(c):
                            out.update(fold(w) for w in re.findall(r"\w+", c[i]))
    return out


def curated_tables(root):
    # groups-phoenix.tsv is generated after this table and leaves out its forms.
    return read_table_forms(curated_rows(root, ("persons-phoenix.tsv", "groups-phoenix.tsv")))


def select_persons(entries, states, curated, skipped):
    """The persons to write: a dated state role last, no form of a curated person."""
    curated_person_forms = {r[3] for r in curated if r[1] == "person"}
    persons = []
    for e in entries:
        if e["inline"]:
            continue  # a state's own names
        p = Person(e, states)
        skipped["bad dates (role dropped)"] += p.bad_dates
        if not p.dated:
            skipped["no dated role (institutions, undated persons)"] += 1
        elif p.code is None:
            skipped["no state office on the file's last day"] += 1
        elif any(fold(f) in curated_person_forms for k, l, f in p.forms):
            skipped["a curated person"] += 1
        else:
            persons.append(p)
    return persons


def form_owners(persons):
    owners = collections.defaultdict(set)
    for i, p in enumerate(persons):
        for k, l, f in p.forms:
            owners[fold(f)].add(i)
    return owners


def name_words(persons, curated):
    """First and last words of every full name: first names, and surnames."""
    firsts, lasts = set(), collections.defaultdict(set)
    for i, p in enumerate(persons):
        for n in p.full_names():
            ws = n.split(" ")
            firsts.add(ws[0])
            lasts[ws[-1]].add(i)
    for r in curated:
        if r[1] == "person" and r[2] == "name":
            ws = r[3].split(" ")
            firsts.add(ws[0])
            lasts[ws[-1]].add(("curated", r[0]))
    return firsts, lasts


def surname_reason(word, i, p, ctx):
    """Why a one-word form may not stand alone, or None."""
    firsts, lasts, lexicon, corpus = ctx
    if len(word) < MIN_SURNAME or not word.isalpha():
        return "surname: short or not a word"
    if word in lexicon:
        return "surname: a word of the grammar or trigger tables"
    if word in firsts:
        return "surname: a first name"
    if lasts.get(word, {i}) - {i}:
        return "surname: another person's surname"
    if corpus.used_otherwise(word, p.full_names()):
        return "surname: used otherwise in the corpora"
    return None


def first_names_only(key, firsts):
    """'Abdul Ali', 'Chris Evans': two words each of which starts some name are
    more likely someone else of that name than the official."""
    ws = key.split(" ")
    return len(ws) == 2 and all(w in firsts for w in ws)


def rows(persons, curated, lexicon, corpus, skipped):
    taken = {r[3] for r in curated}
    owners = form_owners(persons)
    firsts, lasts = name_words(persons, curated)
    ctx = (firsts, lasts, lexicon, corpus)
    names, roles, ids = [], [], collections.Counter()
    for i, p in enumerate(persons):
        ids[p.id] += 1
        pid = p.id if ids[p.id] == 1 else f"{p.id}-{ids[p.id]}"
        out = []
        for kind, lang, form in p.forms:
            key = fold(form)
            if key in taken:
                skipped["form: names a curated actor"] += 1
            elif len(owners[key]) > 1:
                skipped["form: names several Phoenix persons"] += 1
            elif kind == "name" and first_names_only(key, firsts):
                skipped["form: two first names"] += 1
            elif kind == "surname" and surname_reason(key, i, p, ctx):
                skipped[surname_reason(key, i, p, ctx)] += 1
            else:
                out.append(f"{pid}\t{p.code}\tperson\t{kind}\t{lang}\t{form}\t-")
        if not any("\tname\t" in r for r in out):
            skipped["person: no full name left"] += 1
            continue
        names += out
        roles += [f"{pid}\t{iso_day(a)}\t{iso_day(b)}\t{c}"
                  for a, b, c in periods(p.dated, p.fallback, p.code)]
    return names, roles


HEADER = [
    "# Generated by scripts/convert-phoenix-persons.py from PETRARCH2's",
    "# Phoenix.Countries.actors.txt (openeventdata/petrarch2, MIT licence,",
    "# Copyright (c) 2014 Open Event Data Alliance); see data/actors/README.md.",
    "# Do not edit: change the script or the curated tables and re-run it.",
]


def main():
    a = arguments(__doc__, ROOT)
    curated = curated_tables(ROOT)
    states = {r[0] for r in curated if r[1] == "state"}
    skipped = collections.Counter()
    phoenix = read_entries(os.path.join(a.reference, "Phoenix.Countries.actors.txt"))
    persons = select_persons(phoenix, states, curated, skipped)
    names, roles = rows(persons, curated, lexicon_words(ROOT), Corpus(a.corpus), skipped)
    name_text = "\n".join(["# id\tcode\ttype\tkind\tlang\tform\tgender"] + HEADER + names) + "\n"
    role_text = "\n".join(["# id\tfrom\tto\tcode"] + HEADER + roles) + "\n"
    n_persons = len({r.split("\t")[0] for r in names})
    print(f"{n_persons} persons, {len(names)} form rows "
          f"({sum(chr(9) + 'surname' + chr(9) in r for r in names)} surnames), "
          f"{len(roles)} period rows", file=sys.stderr)
    for k, n in sorted(skipped.items(), key=lambda x: (-x[1], x[0])):
        print(f"  skipped {n}: {k}", file=sys.stderr)
    actors = os.path.join(ROOT, "data", "actors")
    script = "scripts/convert-phoenix-persons.py"
    status = write_or_check(os.path.join(actors, "persons-phoenix.tsv"), name_text, a.check,
                            script)
    status |= write_or_check(os.path.join(actors, "roles", "persons-phoenix.tsv"), role_text,
                             a.check, script)
    return status


if __name__ == "__main__":
    sys.exit(main())
