#!/usr/bin/env python3
"""Converts the armed and non-state groups of PETRARCH2's
Phoenix.MilNonState.actors.txt and the international organisations of
Phoenix.International.actors.txt (MIT, Copyright (c) 2014 Open Event Data
Alliance) into geokg's actor table data/actors/groups-phoenix.tsv.

Usage: scripts/convert-phoenix-groups.py [--reference DIR] [--corpus DIR] [--check]
  DIR defaults to ../shared/reference/petrarch2 and ../shared/corpus;
  --check compares instead of writing (exit 1 when the committed table differs).

Codes (GUIDELINES: a group takes the state it is based in; IS and ALQ are
transnational; an organisation takes its own code):
- a group coded XXXREB... whose XXX is a state of states.tsv is that state;
- IMGMUSALQ (Phoenix's al-Qaeda) is ALQ, IMGMUSRUSCNY (Chechen groups) RUS;
  every other code (regions such as MEA, SAS, SEA, WEU; INT, KKL; religious
  and regional IMG codes) names no single state and is skipped, as are
  entries Phoenix codes wrongly (WRONG below);
- an organisation is written only when its Phoenix code maps onto a code
  organisations.tsv already has (IGO_CODES); NGOs, companies and every other
  IGO are skipped: geokg does not invent codes.
Only names of groups and organisations are written: a form needs a word
naming a body (GROUP_WORDS: army, front, brigades, organisation, union,
lashkar, jemaah ...), which leaves out persons (leaders and officials
listed among the synonyms, entries with dated roles) and bare one-word names
("Aleph", "Provos": ambiguous, and the common ones are curated).  A form is
left out when it is generic (every word an ordinary English word, a
generic adjective or a state's name: "Angry Brigade", "Islamic Group",
"People's Liberation Army", "Lebanese Liberation Front"; an organisation's
official name of three words or more is kept: "World Tourism Organization"),
when it names a state other than its code ("Armenian Secret Army"
coded TUR: GUIDELINES code a group named with a state's adjective as that
state), or when Phoenix gives it to two actors of different codes.

Curated rows win: a form of any other table (groups, organisations, states,
persons ...) is left out.  An entry that shares a form with a curated actor
is that actor: its other forms are written under the curated id when
Phoenix's code agrees with the curated code, else the entry is skipped.
Forms are English (`en`); a form without an English word (a transliterated
proper name such as "Lashkar-e-Jhangvi") is used unchanged in German news
and is written for both languages (`*`).
"""
import collections
import json
import os
import re
import sys

from phoenix_dictionary import arguments, curated_rows, entries, fold, write_or_check

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = "groups-phoenix.tsv"
# Every other table of data/actors wins, persons-phoenix.tsv included.
# English texts whose lower-case words are ordinary English words.
CORPORA = ("plover-dev-docs.jsonl", "wikinews-en-docs.jsonl")

# Phoenix IGO codes (longest prefix first) -> a code of organisations.tsv;
# None: skipped although the prefix would match a shorter one.
IGO_CODES = [
    ("IGOUNOIAE", "IAEA"),
    ("IGOUNODEVWBK", "WB"), ("IGOUNOWBK", "WB"),
    ("IGOUNOAIE", None),        # the International Energy Agency is the OECD's, not the UN's
    ("IGOUNO", "UN"),
    ("IGOEUREEC", "EU"),
    ("IGOWSTNAT", "NATO"),
    ("IGOWSTBUS", "OECD"),
    ("IGOBUSIMF", "IMF"),
    ("IGOBUSWTO", "WTO"),
    ("IGOBUSOPCDEV", None),     # the OPEC Fund, not OPEC
    ("IGOBUSOPC", "OPEC"), ("IGOOPC", "OPEC"),
    ("IGOMEAARL", "ARL"),
    ("IGOAFRAFU", "AU"),
    ("IGOSEAASN", "ASEAN"),
    ("IGOJUDICC", "ICC"),
    ("IGOOAS", "OAS"),
    ("IGOWAFWAS", "ECOWAS"), ("IGOWAFBUSWAS", "ECOWAS"),
    ("IGOSAFDEVSAD", "SADC"), ("IGOSAFSAD", "SADC"),
    ("IGOEAFDEVIAD", "IGAD"), ("IGODEVIAD", "IGAD"),
    ("IGOCOPITP", "INTERPOL"),
    ("IGOMOSOICBUS", None),     # an OIC chamber of commerce
    ("IGOMOSOIC", "OIC"),
    ("IGOEURCOE", "COE"),
    ("IGOEURSCE", "OSCE"),
    ("IGOGOS", "G7"),
    ("IGOPGSGCC", "GCC"),
    ("IGOCAS", "SCO"),
]
# Entries whose Phoenix code is wrong: not the state or organisation it gives.
WRONG = {
    "abu nidal organization",   # a Palestinian group, not al-Qaeda (IMGMUSALQ)
    "western european union",   # not the EU (IGOEUREEC)
}
# Words that make a form the name of a body rather than of a person.
GROUP_WORDS = set("""
army armies armed front brigade brigades battalion battalions movement organization
organisation organizations organisations party group groups force forces command commando
commandos cell cells league union council committee faction factions nuclei alliance
federation society militia militias fighters regiment squad squads legion mujahideen
mujahidin mujahiden mujahedin jihad guerrilla guerrillas network networks resistance
tigers nations agency bank fund commission court tribunal association programme program
assembly secretariat panel conference community parliament mission treaty secretary-general
secretary coalition
lashkar laskar jaish jaysh jamaat jemaah jamaah jamiat harakat harkat harakut hizb hizbul
tehrik tehreek ansar sipah kataib liwa saraya majlis jabhat tanzim
""".split())
# Capitalised in English and yet no proper name of one group.
GENERIC = set("""
islamic islamist islamists muslim muslims arab arabs arabic christian jewish catholic
protestant communist communists socialist marxist maoist leninist anarchist anarchists
revolutionary national nationalist popular people's peoples people democratic liberation
international united free patriotic holy secret armed red black new
asian african european american latin southeast south north east west western eastern
northern southern central islam
""".split())
# Ordinary English words that the vocabulary above (built from the corpora
# and PETRARCH2's patterns) happens to miss, found in Phoenix's group names.
MORE_ENGLISH = set("""
angry white green god zero knights hawk hawks horrors calamities vengeance avenging wrath
divine glory pride victorious wisdom warriors martyr martyrs patriot patriots partisans
protectors defenders righteousness virtue prevention promotion promoting propagation
prohibition liberty lion lions nucleus sect mechanical mechanism preserves informal
unofficial totally loving clandestine expansion outburst detachments dissidents
defenseless combatants coordinating subversive subversion racist capitalist capitals
anticapitalist antifascist imperialist imperialism internationalism nihilists
intransigence liquidation reconnaissance suppressing monotheism prophet prophets shrines
revolution republican loyalist proletarian chaotic erotic vanguard county hill hills
mountaineer foreigners arbitrariness tracts jailers unionist torched raiders
january february march april may june july august september october november december
""".split())
STOPWORDS = {"of", "the", "for", "and", "in", "on", "to", "de", "la", "del", "des", "du",
             "el", "al", "a", "an"}
PARTICLES = {"al", "el", "ul", "e", "i", "bin", "ibn", "wa", "ad", "ud", "an", "as", "ash",
             "ar", "az", "at", "ut", "ur", "us", "of", "the", "for", "and", "in", "on", "to"}
# Phoenix's group codes that are a state without the three letters of one.
IMG_CODES = {"IMGMUSALQ": "ALQ", "IMGMUSRUSCNY": "RUS"}


def key(s):
    """A form as the matcher compares it, loosely: folded, punctuation as
    spaces, dotted abbreviations closed up ("U.N." as "un")."""
    s = re.sub(r"\b(\w)\.(?=\w\b)", r"\1", fold(s).replace("'", ""))
    return " ".join(re.findall(r"[^\W_]+", s))


def read_entries(path):
    """Yields each entry: its name, synonyms and codes ([(code, dated)])."""
    for head, lines in entries(path):
        m = re.match(r"([^\[]*)(.*)", head)
        cur = {"name": m.group(1).strip(), "syn": [], "codes": []}
        rests = [m.group(2)]
        for body in lines:
            if body[0] == "+":
                # "+A_+_B": two synonyms on one line.
                cur["syn"] += [s for s in re.split(r"\+(?=_?[A-Z])", body[1:].strip()) if s]
            else:
                rests.append(body)
        for rest in rests:
            for c in re.findall(r"\[([^\]]*)\]", rest):
                parts = c.split()
                if parts:
                    cur["codes"].append((parts[0], len(parts) > 1))
        yield cur


def display(raw):
    """'ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_' -> 'Aden Abyan Islamic Army'; None
    for a garbled name (an HTML entity: "C&OACUTE;RDOBA")."""
    if "&" in raw or ";" in raw:
        return None
    s = re.sub(r"\([^)]*\)", " ", raw)
    s = s.split("/")[0]
    ws = [w for w in re.split(r"[_\s]+", s) if w and w != "-"]
    if ws and ws[0].upper() == "THE":
        ws = ws[1:]
    out = []
    for i, w in enumerate(ws):
        if "." in w:
            out.append(w.upper())   # "U.N."
            continue
        parts = []
        for j, p in enumerate(w.split("-")):
            low = p.lower()
            if low in PARTICLES and (i > 0 or j > 0):
                parts.append(low)
            else:
                parts.append(low[:1].upper() + low[1:])
        out.append("-".join(parts))
    return " ".join(out).strip()


def curated_tables(root):
    return curated_rows(root, (OUTPUT,))


def english_words(corpus_dir, root, reference):
    """Ordinary English words: lower-case words of the English corpora, of
    the English grammar and trigger tables, and the words of PETRARCH2's verb
    patterns and agents (CAMEO.2.0.txt, Phoenix.agents.txt)."""
    out = set()
    for name in ("CAMEO.2.0.txt", "Phoenix.agents.txt"):
        with open(os.path.join(reference, name), encoding="utf-8", errors="replace") as f:
            for line in f:
                body = line.split("#", 1)[0]
                out.update(fold(w) for w in re.findall(r"[A-Za-z]+", re.sub(r"\[[^\]]*\]", " ", body)))
    for name in CORPORA:
        with open(os.path.join(corpus_dir, name), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", json.loads(line).get("text", "")):
                        if w[0].islower():
                            out.add(fold(w))
    for sub in ("grammar", "triggers"):
        folder = os.path.join(root, "data", sub)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".tsv") and "en" in name:
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    for line in f:
                        if not line.startswith("#"):
                            out.update(fold(w) for w in re.findall(r"[^\W\d_]+", line.split("\t")[0]))
    return out


def state_names(reference, curated, states):
    """Folded English forms that name a state, IS or ALQ: Phoenix's names of
    states, the English rows of states.tsv, and the curated forms of IS and
    ALQ (a group naming al-Qaeda is ALQ or a branch of it)."""
    names = collections.defaultdict(set)
    for e in read_entries(os.path.join(reference, "Phoenix.Countries.actors.txt")):
        bare = [c for c, dated in e["codes"] if re.fullmatch(r"[A-Z]{3}", c) and c in states]
        if bare and all(re.fullmatch(r"[A-Z]{3}|[A-Z]{6,}", c) for c, _ in e["codes"]):
            for raw in [e["name"]] + e["syn"]:
                k = key(display(raw))
                if k:
                    names[k].add(bare[-1])
    for r in curated:
        if r["type"] == "state" and r["lang"] != "de" or r["code"] in ("IS", "ALQ"):
            names[key(r["form"])].add(r["code"])
    return names


def code_of(phoenix, states):
    """geokg's code for a Phoenix code, or None."""
    if phoenix.startswith("IGO"):
        for prefix, code in IGO_CODES:
            if phoenix.startswith(prefix):
                return code
        return None
    if phoenix in IMG_CODES:
        return IMG_CODES[phoenix]
    if phoenix.startswith(("IMG", "NGO", "MNC")):
        return None
    iso = phoenix[:3]
    return iso if iso in states and phoenix[3:6] == "REB" else None


def form_reason(form, code, typ, ordinary, states_named):
    """Why a display form may not be written, or None."""
    k = key(form)
    ws = k.split(" ")
    if len(ws) < 2 and "-" not in form:
        return "form: one word"
    if not any(w in GROUP_WORDS for w in ws):
        return "form: no word naming a body (a person or a bare name)"
    content = [w for w in ws if w not in STOPWORDS]
    generic = [w in ordinary or w in GENERIC or w in MORE_ENGLISH or w in GROUP_WORDS
               or w in states_named for w in content]
    # An organisation's official name of three words or more is its own
    # ("World Tourism Organization"); a group's name needs a proper word.
    if all(generic) and (typ == "group" or len(content) < 3):
        return "form: generic words and names of states only"
    for n in range(min(4, len(ws)), 0, -1):
        for i in range(len(ws) - n + 1):
            named = states_named.get(" ".join(ws[i:i + n]))
            if named and code not in named:
                return "form: names another state, IS or ALQ"
    return None


def is_english(form, ordinary):
    """True when a word of the form is English ("Tawhid and Jihad"), not only
    transliterated words and their particles ("Jaysh Adan", "Sipah-e-Sahaba")."""
    return any(w not in PARTICLES - STOPWORDS_EN and (w in ordinary or w in ENGLISH_GROUP)
               for w in key(form).split(" "))


STOPWORDS_EN = {"of", "the", "for", "and", "in", "on", "to", "an", "as", "at", "us"}


ENGLISH_GROUP = set("""
army armies armed front brigade brigades battalion battalions movement organization
organisation organizations organisations party group groups force forces command commando
commandos cell cells league union council committee faction factions nuclei alliance
federation society militia militias fighters regiment squad squads legion guerrilla
guerrillas network networks resistance tigers nations agency bank fund commission court
tribunal association programme program assembly secretariat panel conference community
parliament mission treaty secretary-general secretary coalition
""".split())


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "group"


def convert(reference, corpus, root):
    curated = curated_tables(root)
    states = {r["id"] for r in curated if r["type"] == "state"}
    taken = collections.defaultdict(set)   # key -> {(id, code, type)}
    for r in curated:
        taken[key(r["form"])].add((r["id"], r["code"], r["type"]))
    ordinary = english_words(corpus, root, reference)
    states_named = state_names(reference, curated, states)
    skipped, merged = collections.Counter(), collections.Counter()
    actors = []   # (id, code, type, [display forms])
    for fname, typ in (("Phoenix.MilNonState.actors.txt", "group"),
                       ("Phoenix.International.actors.txt", "organisation")):
        for e in read_entries(os.path.join(reference, fname)):
            raws = [e["name"]] + e["syn"]
            codes = {c for c, _ in e["codes"]}
            if not codes:
                skipped[f"{typ} entry: no code"] += 1
                continue
            if any(dated for _, dated in e["codes"]) or "ELI" in codes:
                skipped[f"{typ} entry: dated roles (a person)"] += 1
                continue
            if typ == "organisation" and not all(c.startswith("IGO") for c in codes):
                skipped["organisation entry: an NGO, company or medium"] += 1
                continue
            mapped = {code_of(c, states) for c in codes}
            if len(mapped) != 1 or None in mapped:
                if typ == "organisation":
                    why = "an IGO without a code in organisations.tsv"
                elif any(c.startswith("IMG") for c in codes):
                    why = "an IMG code naming no single state (SEA, SAS, KAS, MUS ...)"
                else:
                    why = "a region or no state (MEA, SAS, WEU, INT, KKL ...)"
                skipped[f"{typ} entry: {why}"] += 1
                continue
            code = mapped.pop()
            forms = []
            for raw in raws:
                d = display(raw)
                if d and d not in forms:
                    forms.append(d)
            if not forms:
                continue
            if key(forms[0]) in WRONG:
                skipped[f"{typ} entry: Phoenix's code is wrong"] += 1
                continue
            owners = set()
            for f in forms:
                owners |= taken.get(key(f), set())
            aid = "phx-" + slug(forms[0])
            if owners:
                same = {o for o in owners if o[1] == code and o[2] != "state"}
                if len(owners) != 1 or not same:
                    skipped[f"{typ} entry: a curated actor of another code"] += 1
                    continue
                aid = same.pop()[0]
                merged[typ] += 1
            actors.append((aid, code, typ, forms))
    # Forms Phoenix gives to actors of different codes name none of them.
    codes_of = collections.defaultdict(set)
    for aid, code, typ, forms in actors:
        for f in forms:
            codes_of[key(f)].add(code)
    rows, written, ids = [], set(), collections.Counter()
    n_actors = 0
    for aid, code, typ, forms in actors:
        if aid.startswith("phx-"):
            ids[aid] += 1
            if ids[aid] > 1:
                aid = f"{aid}-{ids[aid]}"
        out = []
        for f in forms:
            k = key(f)
            if k in taken:
                skipped["form: a curated form"] += 1
                continue
            if len(codes_of[k]) > 1:
                skipped["form: Phoenix gives it to several codes"] += 1
                continue
            why = form_reason(f, code, typ, ordinary, states_named)
            if why:
                skipped[why] += 1
                continue
            if k in written:
                skipped["form: written for an earlier entry"] += 1
                continue
            written.add(k)
            lang = "en" if is_english(f, ordinary) else "*"
            kind = "name" if not out and aid.startswith("phx-") else "alias"
            out.append(f"{aid}\t{code}\t{typ}\t{kind}\t{lang}\t{f}\t-")
        if out:
            n_actors += 1
        else:
            skipped[f"{typ} entry: no form left"] += 1
        rows += out
    return rows, n_actors, skipped, merged


HEADER = [
    "# id\tcode\ttype\tkind\tlang\tform\tgender",
    "# Generated by scripts/convert-phoenix-groups.py from PETRARCH2's",
    "# Phoenix.MilNonState.actors.txt and Phoenix.International.actors.txt",
    "# (openeventdata/petrarch2, MIT licence, Copyright (c) 2014 Open Event Data",
    "# Alliance); see data/actors/README.md.",
    "# Do not edit: change the script or the curated tables and re-run it.",
]


def main():
    a = arguments(__doc__, ROOT)
    rows, n_actors, skipped, merged = convert(a.reference, a.corpus, ROOT)
    text = "\n".join(HEADER + rows) + "\n"
    print(f"{n_actors} actors, {len(rows)} form rows "
          f"({sum(chr(9) + 'group' + chr(9) in r for r in rows)} of groups, "
          f"{sum(chr(9) + '*' + chr(9) in r for r in rows)} for both languages)", file=sys.stderr)
    for typ, n in sorted(merged.items()):
        print(f"  {n} {typ} entries share a form with a curated actor of their code: "
              "their other forms are written under its id", file=sys.stderr)
    for k, n in sorted(skipped.items(), key=lambda x: (-x[1], x[0])):
        print(f"  skipped {n}: {k}", file=sys.stderr)
    return write_or_check(os.path.join(ROOT, "data", "actors", OUTPUT), text, a.check,
                          "scripts/convert-phoenix-groups.py")

if __name__ == "__main__":
    sys.exit(main())
