// Subjects: each clause's subject, as the lead of a coordination group, and a
// relative clause's antecedent -- from the parser's tree where it vouches for
// one (tree_roles.cpp), else from the clause's word order.  Reads the
// analysis and the resolved mentions; writes ClauseRoles per clause.  A
// clause whose subject is a noun phrase naming no actor ("Die Stadt wurde
// ...") gets none.
#include <algorithm>

#include "relations/passes/passes.hpp"

namespace geokg {
namespace {

struct SubjectFinder {
  const SentenceView& v;
  const std::vector<Mention>& ms;
  std::vector<ClauseRoles>& roles;

  const std::vector<Token>& tok() const { return v.tok; }
  bool lead(std::size_t k) const { return ms[k].group == static_cast<int>(k); }

  int first_bare(std::size_t ci) const {
    for (std::size_t k = 0; k < ms.size(); ++k)
      if (ms[k].clause == static_cast<int>(ci) && bare(v, ms[k]) && lead(k))
        return static_cast<int>(k);
    return -1;
  }
  // The clause's first word (after a coordinator for a coordinated clause).
  std::uint32_t start_of(const Clause& c) const {
    std::uint32_t start = c.first;
    while (start < c.last && tok()[start].kind != TokenKind::word) ++start;
    if (c.type == Clause::coord && start < c.last) ++start;
    return start;
  }
  // A sentence-initial word is capitalised anyway; an acronym (CNN, AFP) or a
  // noun suffix (-ung, -heit, -schaft ...) still shows a noun.
  static bool noun_like(const Token& t) {
    if (t.kind != TokenKind::word || !t.upper) return false;
    bool caps = t.form.size() >= 2 && std::all_of(t.form.begin(), t.form.end(), [](char ch) {
                  return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
                });
    if (caps) return true;
    for (std::string_view suf :
         {"ung", "heit", "keit", "schaft", "tion", "ismus", "ität", "nis"})
      if (t.fold.size() > suf.size() + 2 && t.fold.substr(t.fold.size() - suf.size()) == suf)
        return true;
    return false;
  }
  // German: a determiner that starts a noun phrase naming no actor.
  bool nonactor_np_at(std::uint32_t i, std::uint32_t end) const {
    if (!v.de || i >= end || tok()[i].kind != TokenKind::word) return false;
    for (const Mention& m : ms)
      if (m.np_first == i || (m.first <= i && i < m.last)) return false;
    std::uint64_t c = v.cls(i);
    if (!(c & kDet) || (c & kPrep)) return false;
    for (std::uint32_t k = i + 1; k < std::min(end, i + 4); ++k) {
      for (const Mention& m : ms)
        if (m.first == k) return false;
      if (tok()[k].upper) return true;
    }
    return false;
  }
  // The last mention of the clause before this one, right before it.
  int antecedent(std::size_t ci, bool agree_gender, std::string_view pron) const {
    const Clause& c = v.syn.clauses[ci];
    const WordInfo* w = v.grammar().find(pron);
    for (int k = static_cast<int>(ms.size()) - 1; k >= 0; --k) {
      const Mention& m = ms[static_cast<std::size_t>(k)];
      if (m.last > c.first || m.clause != static_cast<int>(ci) - 1) continue;
      // A named place ("der Botschafter in Genf, der ...") is no actor to refer to.
      if (m.territory && m.how == Mention::name) continue;
      bool fits = !agree_gender ||
                  (w && (m.gender == '-' ||
                         (m.gender != '-' && w->genders.find(m.gender) != std::string::npos)));
      if (c.first - m.last <= 2 && m.actor && fits) return k;
      if (m.actor && owns_head_before(m, c.first)) return k;
      break;
    }
    return -1;
  }
  // "Der israelische Botschafter (in Genf), der ...": an actor's adjective or
  // compound on the person or organ noun that ends the noun phrase before the
  // relative pronoun; a place phrase may follow the noun.  So does a state's
  // territory ("im nordirakischen Dorf Sarkel, das ... angegriffen wurde").
  bool owns_head_before(const Mention& m, std::uint32_t start) const {
    if (m.head < 0 || m.how == Mention::name) return false;
    auto h = static_cast<std::uint32_t>(m.head);
    std::uint32_t end = start;
    while (end > h + 1 && tok()[end - 1].kind == TokenKind::punct) --end;
    // The relative clause may follow the verb that closes the clause before
    // ("hatten vom Dorf Sarkel berichtet, das ...").
    if (end > h + 1 && tok()[end - 1].kind == TokenKind::word && !tok()[end - 1].upper &&
        !(v.cls(end - 1) & kFunction))
      --end;
    if (h >= end || end - h > 3 || !(m.territory || v.grammar().actor_head(tok()[h].fold)))
      return false;
    for (std::uint32_t i = h + 1; i < end; ++i) {
      bool prep = i == h + 1 && v.cls_has(i, kPrep);
      if (!prep && !(tok()[i].kind == TokenKind::word && tok()[i].upper)) return false;
    }
    return true;
  }

  // German: a finite verb in -en is plural ("machen", "wollen", "hatten"),
  // and a plural verb cannot have a single named actor as its subject
  // ("Aktivisten machen Russland ... verantwortlich").
  bool plural_verb(std::uint32_t fin) const {
    std::string_view f = tok()[fin].fold;
    return f.size() > 3 && f.substr(f.size() - 2) == "en" && !(v.cls(fin) & kFunction);
  }
  bool single_name(int k) const {
    const Mention& m = ms[static_cast<std::size_t>(k)];
    bool alone = std::none_of(ms.begin(), ms.end(), [&](const Mention& o) {
      return &o != &m && o.group == m.group;
    });
    return alone && m.how == Mention::name && (m.gender == 'm' || m.gender == 'f' || m.gender == 'n');
  }
  bool hangs_on_function_word(std::size_t ci) const;
  int from_tree(std::size_t ci, bool& decided) const;
  ClauseRoles german_relative(std::size_t ci) const;
  ClauseRoles english_relative(std::size_t ci) const;
  int controller(const Clause& c) const;
  int german_main(std::size_t ci) const;
  int german_verb_final(std::size_t ci) const;
  int english(std::size_t ci) const;
  ClauseRoles of(std::size_t ci) const;
};

// "Nordkorea, das ...": the relative pronoun stands for the name before.
ClauseRoles SubjectFinder::german_relative(std::size_t ci) const {
  const Clause& c = v.syn.clauses[ci];
  std::uint32_t start = start_of(c);
  std::uint32_t rp = start;
  if (rp < c.last && v.cls_has(rp, kPrep)) ++rp;
  std::string_view pron = rp < c.last ? tok()[rp].fold : std::string_view();
  ClauseRoles r;
  r.antecedent = antecedent(ci, true, pron);
  bool nominative = rp < c.last && v.cls_has(rp, kRelSubject);
  // Unless another bare actor agrees better, the antecedent is the subject.
  r.subject = r.antecedent >= 0 && nominative && rp == start ? r.antecedent : first_bare(ci);
  return r;
}

// "Poland, which borders Ukraine": the antecedent, unless a bare actor stands
// before the verb ("which Russia attacked").
ClauseRoles SubjectFinder::english_relative(std::size_t ci) const {
  const Clause& c = v.syn.clauses[ci];
  std::uint32_t start = start_of(c);
  ClauseRoles r;
  r.antecedent = antecedent(ci, false, {});
  int fb = first_bare(ci);
  // Without a verb we know ("which borders Ukraine"), a bare actor right after
  // the pronoun is the subject, one further on is not.
  std::uint32_t verb = c.finite >= 0 ? static_cast<std::uint32_t>(c.finite) : start + 1;
  if (r.antecedent >= 0 && start < c.last && v.cls_has(start, kRelSubject) &&
      (fb < 0 || ms[static_cast<std::size_t>(fb)].first > verb)) {
    r.subject = r.antecedent;
    return r;
  }
  r.subject = english(ci);
  return r;
}

// A zu-infinitive or purpose clause has no subject of its own: the controller
// is the subject of the clause it depends on (object control after demands
// is settled with the triggers).
int SubjectFinder::controller(const Clause& c) const {
  const auto& cs = v.syn.clauses;
  int gov = c.governor;
  while (gov >= 0 && roles[static_cast<std::size_t>(gov)].subject < 0 &&
         cs[static_cast<std::size_t>(gov)].type != Clause::main)
    gov = cs[static_cast<std::size_t>(gov)].governor;
  return gov >= 0 ? roles[static_cast<std::size_t>(gov)].subject : -1;
}

// German main clause: the Vorfeld (the phrase before the finite verb), else
// the first bare actor -- unless a noun phrase naming no actor holds the place.
int SubjectFinder::german_main(std::size_t ci) const {
  const Clause& c = v.syn.clauses[ci];
  int fb = first_bare(ci);
  std::int32_t fin = c.finite;
  if (fin < 0) return fb;
  const auto ufin = static_cast<std::uint32_t>(fin);
  std::uint32_t start = start_of(c);
  int in_vorfeld = -1;
  for (std::size_t k = 0; k < ms.size() && in_vorfeld < 0; ++k)
    if (ms[k].clause == static_cast<int>(ci) && ms[k].first < ufin && bare(v, ms[k]) && lead(k))
      in_vorfeld = static_cast<int>(k);
  // "Moskaus Unterstützung ... helfe": a possessive opening the Vorfeld owns
  // a subject that is no actor.
  bool owned_vorfeld = false;
  for (const Mention& m : ms)
    if (m.clause == static_cast<int>(ci) && m.first == start && m.possessive &&
        static_cast<std::int32_t>(m.last) < fin)
      owned_vorfeld = true;
  if (in_vorfeld < 0 && owned_vorfeld) return -1;
  const auto& t = tok();
  // A clause has one nominative: with "er" right after the verb, the name
  // before it is fronted object ("Schäuble warf er vor").
  if (in_vorfeld >= 0 && ufin + 1 < c.last && v.ctx.grammar.nominative(t[ufin + 1].fold)) {
    for (std::size_t k = 0; k < ms.size(); ++k)
      if (ms[k].clause == static_cast<int>(ci) && ms[k].first == ufin + 1)
        return static_cast<int>(k);
    return -1;
  }
  if (in_vorfeld >= 0) return in_vorfeld;
  if (ufin > start && (nonactor_np_at(start, ufin) ||
                       (start > 0 && t[start].upper &&
                        !v.cls_has(start, kPrep | kSub | kSubCond | kCoord | kAttrib)) ||
                       (ufin == start + 1 && noun_like(t[start]))))
    return -1;
  // "... und fügte hinzu": the coordinated clause shares the subject.
  if (c.type == Clause::coord && ufin == start)
    return c.governor >= 0 ? roles[static_cast<std::size_t>(c.governor)].subject : -1;
  if (fb >= 0 && plural_verb(ufin) && single_name(fb)) return -1;
  // A non-actor noun phrase right after the finite verb is the subject ("Am
  // Montag behauptete der Nationale Sicherheitsrat").
  if (nonactor_np_at(ufin + 1, c.last) &&
      (fb < 0 || ms[static_cast<std::size_t>(fb)].np_first > ufin + 1))
    return -1;
  return fb;
}

// Verb-final clause: the first noun phrase after the subordinator.
int SubjectFinder::german_verb_final(std::size_t ci) const {
  const Clause& c = v.syn.clauses[ci];
  int fb = first_bare(ci);
  std::uint32_t after = start_of(c) + 1;
  if (nonactor_np_at(after, c.last) &&
      (fb < 0 || ms[static_cast<std::size_t>(fb)].np_first > after))
    return -1;
  return fb;
}

// English: the subject precedes the verb; without a verb we know
// ("undertook", "issued"), the first bare actor.
int SubjectFinder::english(std::size_t ci) const {
  const Clause& c = v.syn.clauses[ci];
  std::int32_t fin = c.finite;
  int best = -1;
  for (std::size_t k = 0; k < ms.size() && fin >= 0; ++k) {
    if (ms[k].clause != static_cast<int>(ci) || !bare(v, ms[k]) || in_apposition(v, ms[k]) ||
        backer_name(v, ms[k]))
      continue;
    if (ms[k].first > static_cast<std::uint32_t>(fin)) break;
    if (lead(k)) best = static_cast<int>(k);
  }
  if (best < 0 && fin < 0) best = first_bare(ci);
  // "Poland, which borders Ukraine, criticized Russia": a clause that opens
  // with its verb continues the last clause that is no relative clause.
  // ("according to a report ..." is an attribution, no continuation.)
  std::uint32_t start = start_of(c);
  if (best < 0 && (c.type == Clause::coord || c.type == Clause::main) && c.governor >= 0 &&
      !(start < c.last && v.cls_has(start, kAttrib))) {
    int gov = c.governor;
    while (gov >= 0 && v.syn.clauses[static_cast<std::size_t>(gov)].type == Clause::rel)
      gov = v.syn.clauses[static_cast<std::size_t>(gov)].governor;
    if (gov >= 0) return roles[static_cast<std::size_t>(gov)].subject;
  }
  return best;
}

// Function words take no dependents: an actor of the clause hung on a
// subordinator, preposition, article or conjunction ("dass (Nordkorea) ...")
// shows the parser lost the clause.
bool SubjectFinder::hangs_on_function_word(std::size_t ci) const {
  const Tree& t = v.syn.tree();
  for (const Mention& m : ms) {
    if (m.clause != static_cast<int>(ci) || !m.actor) continue;
    std::int32_t h = tree_head(t, m);
    if (h < 0 || t.head[static_cast<std::size_t>(h)] < 0) continue;
    Dep d = t.dep[static_cast<std::size_t>(t.head[static_cast<std::size_t>(h)])];
    if (d == Dep::mark || d == Dep::case_ || d == Dep::det || d == Dep::cc || d == Dep::punct)
      return true;
  }
  return false;
}

// The tree's subject of the clause's predicate (the finite verb, or the verb
// its auxiliary or copula serves): the first actor mention of that phrase, or
// none when it names no actor.  Not decided when the predicate has no subject.
int SubjectFinder::from_tree(std::size_t ci, bool& decided) const {
  const Tree& t = v.syn.tree();
  const Clause& c = v.syn.clauses[ci];
  decided = false;
  if (c.finite < 0 || !t.has(static_cast<std::uint32_t>(c.finite))) return -1;
  auto p = static_cast<std::uint32_t>(c.finite);
  Dep d = t.dep[p];
  // The clause analysis and the tree must agree that it is a verb.
  if (t.upos[p] != syntax::Upos::VERB && t.upos[p] != syntax::Upos::AUX) return -1;
  if ((d == Dep::aux || d == Dep::aux_pass || d == Dep::cop) && t.head[p] >= 0)
    p = static_cast<std::uint32_t>(t.head[p]);
  std::int32_t s = tree_subject(v, p);
  if (s < 0 || hangs_on_function_word(ci)) return -1;
  decided = true;
  Side side = tree_side(v, ms, static_cast<std::uint32_t>(t.head[static_cast<std::size_t>(s)]),
                        {Dep::nsubj, Dep::nsubj_pass}, false);
  std::erase_if(side, [&](const Mention* m) { return backer_name(v, *m); });
  if (side.empty()) return -1;
  int k = index_in(ms, side.front());
  return ms[static_cast<std::size_t>(k)].group >= 0 ? ms[static_cast<std::size_t>(k)].group : k;
}

ClauseRoles SubjectFinder::of(std::size_t ci) const {
  const Clause& c = v.syn.clauses[ci];
  if (c.type == Clause::rel) return v.de ? german_relative(ci) : english_relative(ci);
  ClauseRoles r;
  bool decided = false;
  if (c.type == Clause::zu || c.type == Clause::purpose) {
    r.subject = controller(c);
  } else if (!v.de) {
    int tree = from_tree(ci, decided);
    r.subject = decided ? tree : english(ci);
  } else {
    // German subjects come from the clause analysis's word order and
    // articles.  Nominative and accusative look alike in most noun phrases
    // ("ein Abenteuer", "die Ukraine"), and with the shipped model the tree's
    // guess between them reversed events on German news, also where the
    // analysis found no subject.
    r.subject = c.type == Clause::main || c.type == Clause::coord ? german_main(ci)
                                                                   : german_verb_final(ci);
  }
  return r;
}

}  // namespace

void find_subjects(const SentenceView& v, const std::vector<Mention>& ms,
                   std::vector<ClauseRoles>& out) {
  out.assign(v.syn.clauses.size(), ClauseRoles{});
  SubjectFinder f{v, ms, out};
  for (std::size_t ci = 0; ci < out.size(); ++ci) out[ci] = f.of(ci);
}

}  // namespace geokg
