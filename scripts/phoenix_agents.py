#!/usr/bin/env python3
"""Convert PETRARCH2's Phoenix.agents.txt into geokg's agent table.

    scripts/phoenix_agents.py [PHOENIX_AGENTS_TXT] > data/actors/agents/phoenix-en.tsv

Phoenix lists generic agents (army, police, ministry ...) with CAMEO agent
codes.  geokg needs the nouns that name a state's organ or official, so that
"the Kenyan police" or "the army of Sudan" acts for the state named with them
(GUIDELINES: a state's government, ministries, army, police, courts,
officials, diplomats are coded as the state).  Only the agent codes that are
such organs are kept; civilians, business, media, religion, opposition and
rebels are not organs of a state (rebels are coded by data/grammar).

Re-runnable: the output depends only on the input file and this script.
"""
import re
import sys

DEFAULT = "/work/shared/reference/petrarch2/Phoenix.agents.txt"

# CAMEO agent codes (the first three letters after ~) that are organs of a state.
STATE_ORGANS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}

# "X in Y" names Y as the place, not the owner, for armed forces (troops are
# stationed abroad) and diplomats (an ambassador in Berlin is accredited
# there); for other organs Y is whose they are ("the police in France").
DIPLOMATS = {"ambassador", "consul", "consulate", "diplomat", "embassy", "emissary",
             "envoy", "legate"}

# Words Phoenix lists that are mostly something else in news, or people who
# act privately: they would make actors of ordinary phrases ("a deputy
# director", "the prison", "an airline carrier", "his lawyer").
COMMON_WORDS = {
    "deputy", "prison", "detective", "sheriff", "constable", "lawman",
    "carrier", "captain", "ensign", "echelon", "phalanx", "privateer", "battlewagon",
    "naval", "mig", "kfir", "hmmwv", "humvee", "generals", "barracks", "garrison",
    "state-owned", "semi-official", "firefighter", "fireman", "firemen", "firewoman",
    "firewomen", "fireperson", "governance", "polity", "kingdom", "sovereign",
    "prince", "emperor", "empress", "potentate", "despot", "tyrant", "autocrat",
    "advocate", "attorney", "barrister", "conveyancer", "counsel", "counsellor",
    "counselor", "counsellor-at-law", "pleader", "lawyer", "stipendiary",
    "assemblage", "assemblies", "chamber", "delegate", "representatives",
    "lawgiver", "promulgator", "chancery", "consistory", "judicatory",
    "operative", "regulator", "mayor", "governor", "brigaider",
}

# The substitution sets at the top of the file, which the entries use.
SUBSTITUTIONS = {}


def plural(word):
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    return word + "s"


def expand(phrase):
    """A phrase with !SET! substitutions -> its forms."""
    m = re.search(r"!([A-Z]+)!", phrase)
    if not m:
        return [phrase]
    out = []
    for alt in SUBSTITUTIONS.get(m.group(1), []):
        out += expand(phrase[:m.start()] + alt + phrase[m.end():])
    return out


def place_of(head):
    return head in DIPLOMATS


def forms_of(phrase, irregular):
    """The singular and plural forms of one entry, lower case, words joined by ' '."""
    words = [w for w in re.split(r"[_ ]+", phrase.lower()) if w]
    # A head noun with at most one modifier ("security force"): longer phrases
    # name particular offices their head covers; a trailing preposition
    # ("ambassador to") or a stem ("minist") is no noun.
    if not words or len(words) > 2 or words[-1] in {"at", "for", "to", "in", "of"}:
        return []
    if any(w.startswith("minist") and w not in {"minister", "ministry"} for w in words):
        return []
    out = [words]
    if irregular is not None:  # "{}" keeps a word without a plural
        out += [words[:-1] + [p.lower()] for p in irregular.split()]
    elif not words[-1].endswith("s") and not re.search(r"(man|men|person)$", words[-1]):
        out.append(words[:-1] + [plural(words[-1])])  # Phoenix removed regular plurals
    return [" ".join(f) for f in out]


def parse(lines):
    """Yields (form, agent, in) for every noun form of a state organ."""
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        sub = re.match(r"!([A-Z]+)!\s*=\s*(.*)", line)
        if sub:
            SUBSTITUTIONS[sub.group(1)] = [w.strip() for w in sub.group(2).split(",")]
            continue
        m = re.match(r"(.+?)\s*(\{([^}]*)\})?\s*\[~([A-Z]{3})[A-Z]*\]$", line)
        if not m or m.group(4) not in STATE_ORGANS:
            continue
        for phrase in expand(m.group(1).strip()):
            base = phrase.lower().replace("_", " ").split()
            if not base or any(w in COMMON_WORDS for w in base):
                continue
            where = "place" if m.group(4) == "MIL" or place_of(base[-1]) else "owner"
            for form in forms_of(phrase, m.group(3)):
                if re.fullmatch(r"[a-z' -]+", form):
                    yield form, m.group(4), where


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    rows = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for form, agent, where in parse(f):
            rows.setdefault(form, (agent, where))
    print("# Generated by scripts/phoenix_agents.py from PETRARCH2's Phoenix.agents.txt "
          "(MIT licence, Open Event Data Alliance); do not edit, re-run the script.")
    print("# form\tlang\tagent\tin")
    for form in sorted(rows):
        agent, where = rows[form]
        print(f"{form}\ten\t{agent}\t{where}")


if __name__ == "__main__":
    main()
