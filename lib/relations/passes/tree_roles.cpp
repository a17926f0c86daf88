// Roles read off the parser's tree (SentenceSyntax::tree): which mention is
// the subject or object of a predicate, seen through coordination,
// apposition and the modifiers that name a noun's owner.  The tree is
// trusted only where it is consistent with itself and the clause analysis;
// elsewhere the passes keep their clause heuristics.
#include <algorithm>

#include "relations/passes/sentence.hpp"

namespace geokg {

std::int32_t tree_head(const Tree& t, const Mention& m) {
  if (!t.has(m.first) || m.last > t.head.size()) return -1;
  for (std::uint32_t k = m.first; k < m.last; ++k) {
    std::int32_t h = t.head[k];
    if (h < static_cast<std::int32_t>(m.first) || h >= static_cast<std::int32_t>(m.last))
      return static_cast<std::int32_t>(k);
  }
  return static_cast<std::int32_t>(m.first);
}

// A trigger noun of a verbal event: a demand, offer, accusation, threat,
// praise.
bool statement_noun(const SentenceView& v, std::int32_t h) {
  if (h < 0) return false;
  const auto* entries = v.syn.noun[static_cast<std::size_t>(h)];
  if (!entries || entries->empty()) return false;
  Quad q = quad_of(v.triggers().at(entries->front()).relation);
  return q == Quad::verbal_conflict || q == Quad::verbal_cooperation;
}

namespace {

// "der Angriff Russlands", "the positions of the forces", "die Angriffe von
// Russland", "calls by Belarus": an attribute naming the owner of its noun.
// Where a verb judges a statement ("rejected an offer from Kabul", "demands
// from Ankara"), English "from" names its author too -- not on other nouns
// ("the withdrawal of troops from Ukraine").
bool owner_attribute(const SentenceView& v, std::uint32_t t, bool judged) {
  const Tree& tr = v.syn.tree();
  if (tr.dep[t] == Dep::nmod_poss) return true;
  if (tr.dep[t] != Dep::nmod) return false;
  std::int32_t c = tr.child(t, Dep::case_);
  if (c < 0) return v.de && tr.gcase[t] == 'G';
  std::string_view prep = v.tok[static_cast<std::size_t>(c)].fold;
  if (v.grammar().is(prep, kAgentPrep) || v.grammar().is(prep, kOfPrep)) return true;
  return judged && v.grammar().author(prep) && statement_noun(v, tr.head[t]);
}

// An apposition names the same entity: a phrase headed at `h` that names
// another actor than `m` is none ("Pakistan, a U.S. ally" read as two).
bool other_actor_at(const SentenceView& v, const Mention& m, std::uint32_t h) {
  if (!m.actor) return false;
  for (const Mention& o : v.syn.mentions)
    if (o.actor && o.first <= h && h < o.last) return o.actor->code != m.actor->code;
  return false;
}

}  // namespace

TreeRole tree_role(const SentenceView& v, const Mention& m, bool through_events) {
  const Tree& tr = v.syn.tree();
  TreeRole r;
  std::int32_t t = tree_head(tr, m);
  if (t < 0) return r;
  int hops = 0;
  for (int guard = 0; guard < 12; ++guard) {
    auto ut = static_cast<std::uint32_t>(t);
    Dep d = tr.dep[ut];
    std::int32_t h = tr.head[ut];
    if (h < 0) break;
    auto uh = static_cast<std::uint32_t>(h);
    // "Frankreich und Deutschland", "Putin, der russische Präsident": the
    // first conjunct's role, the noun the apposition names -- but "a key U.S.
    // ally" after a name is that name, not the one that modifies "ally".
    // A name after its noun without preposition or genitive is that noun:
    // "die Organisation Islamischer Staat", "the group Hamas".
    const bool names_noun = d == Dep::nmod && tr.child(ut, Dep::case_) < 0 &&
                            !(v.de && tr.gcase[ut] == 'G');
    if (d == Dep::conj ||
        ((d == Dep::appos || names_noun) && !r.owner && !other_actor_at(v, m, uh))) {
      t = h;
      continue;
    }
    bool modifier = d == Dep::amod || d == Dep::compound || d == Dep::flat;
    if ((modifier || owner_attribute(v, ut, through_events)) && hops < 2) {
      // An event noun's owner is a side of that event, which its noun frame
      // reads -- unless the verb judges or rejects the event itself.
      if (v.syn.noun[uh] && !through_events && d != Dep::flat) {
        r.dep = d, r.to = h;
        return r;
      }
      if (d != Dep::flat) r.owner = true, ++hops;
      t = h;
      continue;
    }
    r.dep = d, r.to = h;
    return r;
  }
  r.dep = tr.dep[static_cast<std::uint32_t>(t)];
  r.to = tr.head[static_cast<std::uint32_t>(t)];
  return r;
}

bool in_apposition(const SentenceView& v, const Mention& m) {
  return v.syn.tree().has(m.first) && tree_role(v, m, false).dep == Dep::appos;
}

std::int32_t tree_subject(const SentenceView& v, std::uint32_t p) {
  const Tree& t = v.syn.tree();
  for (int guard = 0; guard < 6 && t.has(p); ++guard) {
    std::int32_t found = -1;
    for (std::size_t k = 0; k < t.head.size(); ++k)
      if (t.head[k] == static_cast<std::int32_t>(p) &&
          (t.dep[k] == Dep::nsubj || t.dep[k] == Dep::nsubj_pass)) {
        // A verb has one subject, a noun phrase in the nominative: a second
        // one, or one the tagger puts in another case, is the parser's
        // mistake; so is a subject that is no noun phrase ("Bewaffnet von").
        syntax::Upos u = t.upos[k];
        bool nominal = u == syntax::Upos::NOUN || u == syntax::Upos::PROPN ||
                       u == syntax::Upos::PRON || u == syntax::Upos::NUM ||
                       u == syntax::Upos::X;
        // And a subject stands in its verb's clause ("Poland, which borders
        // Ukraine, criticized": not "borders").
        if (found >= 0 || !nominal || (t.gcase[k] != 'N' && t.gcase[k] != '-') ||
            v.syn.clause_of[k] != v.syn.clause_of[p])
          return kNoTreeSubject;
        found = static_cast<std::int32_t>(k);
      }
    if (found >= 0) return found;
    // "drohte, anzugreifen", "threatened to attack", "griff an und tötete":
    // a controlled infinitive or a conjoined verb shares the subject.
    if ((t.dep[p] != Dep::xcomp && t.dep[p] != Dep::conj) || t.head[p] < 0)
      return kNoTreeSubject;
    // Only an infinitive or a coordinated clause shares its subject: a finite
    // verb of a clause of its own ("..., die Nordkorea verlangt") hung on
    // another verb is the parser's mistake.
    const auto& cs = v.syn.clauses;
    int here = v.syn.clause_of[p];
    int above = v.syn.clause_of[static_cast<std::size_t>(t.head[p])];
    Clause::Type type = here >= 0 ? cs[static_cast<std::size_t>(here)].type : Clause::main;
    if (here != above && type != Clause::zu && type != Clause::purpose && type != Clause::coord)
      return kNoTreeSubject;
    p = static_cast<std::uint32_t>(t.head[p]);
  }
  return kNoTreeSubject;
}

std::int32_t tree_auxiliary(const SentenceView& v, std::uint32_t p) {
  const Tree& t = v.syn.tree();
  if (!t.has(p) || t.dep[p] != Dep::xcomp || t.head[p] < 0) return -1;
  auto h = static_cast<std::uint32_t>(t.head[p]);
  return v.cls_has(h, kAux | kAuxPassive | kModalHypo | kFuture | kIntent) ? t.head[p] : -1;
}

Side tree_side(const SentenceView& v, const std::vector<Mention>& ms, std::uint32_t p,
               std::initializer_list<Dep> deps, bool through_events, std::string_view prep) {
  Side out;
  if (!v.syn.tree().has(p)) return out;
  const std::int32_t aux = tree_auxiliary(v, p);
  for (std::size_t k = 0; k < ms.size(); ++k) {
    const Mention& m = ms[k];
    if (!m.actor || m.attribution) continue;
    TreeRole r = tree_role(v, m, through_events);
    if ((r.to != static_cast<std::int32_t>(p) && (r.to != aux || aux < 0)) ||
        std::find(deps.begin(), deps.end(), r.dep) == deps.end())
      continue;
    if (!prep.empty() && m.prep != prep) continue;
    // The coordination the clause analysis found keeps its allies ("die USA
    // und ihre Verbündeten in Südkorea und Japan").
    for (const Mention* g : group_of(ms, m.group >= 0 ? m.group : static_cast<int>(k)))
      if (std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
  }
  return out;
}

}  // namespace geokg
