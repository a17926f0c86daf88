// Noun frames: each event noun no verb took ("Sanktionen der EU gegen
// Russland", "Russian air strikes on Syria", "bei einem Treffen mit ...") and
// the sides its table row names: genitive, possessor or adjective,
// prepositional phrases after it, or the clause's subject.  Reads the
// analysis, resolved mentions, subjects, moods, the Discourse and the
// clause's verb frames; writes NounFrames.
#include <algorithm>

#include "relations/passes/passes.hpp"
#include "relations/passes/trace.hpp"

namespace geokg {
namespace {

bool between_word(const SentenceView& v, std::string_view w) {
  return v.grammar().is(w, kBetweenPrep);
}

struct NounReader {
  const FrameInputs& in;
  std::size_t ci;
  const VerbFrames& verbs;
  NounFrames& out;

  // The noun being read.
  std::uint32_t i = 0;
  const Trigger* tr = nullptr;
  std::uint32_t reach = 0;     // the end of its noun phrase's reach
  std::uint32_t np_start = 0;  // its article and modifiers
  bool in_pp = false;          // its phrase is governed by a preposition
  bool judged_clause = false;  // an evaluative verb in the clause judges it

  const SentenceView& v() const { return in.v; }
  const std::vector<Token>& tok() const { return in.v.tok; }
  const std::vector<Mention>& ms() const { return in.ms; }
  const Clause& c() const { return in.v.syn.clauses[ci]; }
  std::uint64_t cls(std::uint32_t k) const { return in.v.cls(k); }
  bool de() const { return in.v.de; }
  const ClauseDemand& demand() const { return verbs.demand[ci]; }
  // After "fears that", "feared": the noun's act is feared, not done.  A
  // German verb of fearing closes its clause after its subject or object
  // ("eine Intifada wird befürchtet", "hat einen Angriff befürchtet").
  bool feared() const {
    if (c().feared < 0) return false;
    const auto at = static_cast<std::uint32_t>(c().feared);
    return i > at || (de() && !in_pp && !tok()[at].upper);
  }
  void drop(Drop d) const {
    if (v().trace) v().trace->drop(d);
  }
  // "a call with Moscow" is a phone call, "a call on Moscow" a demand: a
  // noun's target named by a switching preposition switches its type.
  Relation relation_for(const Side& target) const {
    for (const auto& [prep, switched] : tr->switches)
      for (const Mention* m : target)
        if (m->prep == prep) return switched;
    return tr->relation;
  }

  bool gated(std::uint32_t k) const;
  bool modifier_noun(std::uint32_t k) const;
  bool weapon_unused() const;
  void measure_phrase();
  bool side_of_other(const Mention& m) const;
  bool in_np_after(const Mention& m) const {
    return m.np_first > i && m.np_first < reach + 2 && m.first < c().last;
  }
  Side genitive() const;
  Side possessive_pronoun() const;
  const Actor* named_ahead(std::uint32_t p, std::string_view genders) const;
  Side participant() const;
  Side resolve(const Role& r) const;
  Side nearest_prep(const std::vector<Role>& roles) const;
  bool between(Side& src, Side& tgt) const;
  Side objective_genitive(const Side& src) const;
  bool claim_in_clause() const;
  bool culprit_in_clause() const;
  bool claimed_act() const;
  void fill_side(Side& src, Side& tgt, Provenance& why) const;
  bool predicative() const;
  Status status_of() const;
  std::string_view pp_prep() const;  // the preposition governing the noun's phrase
  bool visit() const;
  bool for_talks() const;
  bool halted() const;
  void sides(Side& src, Side& tgt, bool& source_is_subject, Provenance& why) const;
  void code(const Side& src, const Side& tgt, bool source_is_subject, Provenance why);
  void token(std::uint32_t k);
};

// Whether token `k` may be read as a noun here: German nouns are capitalised
// (a sentence-initial one only when it is no verb); English forms a verb took
// are no nouns unless read as one.
bool NounReader::gated(std::uint32_t k) const {
  const Token& t = tok()[k];
  const bool start = sentence_start(tok(), k);
  bool vforms = verbs.verb_entry[k];
  if (de()) return (t.upper && !start) || (t.upper && start && !vforms);
  return !vforms || verbs.as_noun[k];
}

// English noun compounds put the head last: in "war crimes", "aid groups" the
// event noun only modifies (heads of class event_head, "mediation efforts",
// keep the event).
bool NounReader::modifier_noun(std::uint32_t k) const {
  const auto& t = tok();
  if (de() || k + 1 >= c().last) return false;
  const Token& next = t[k + 1];
  return next.kind == TokenKind::word && !next.upper && !(cls(k + 1) & kEventHead) &&
         no_function_class(cls(k + 1)) && !v().syn.verb[k + 1] && next.fold.size() > 3 &&
         next.fold.back() == 's' && next.fold.substr(next.fold.size() - 2) != "ss";
}

// "setzten Senfgas ein", "used chemical weapons": a weapon names an attack
// only when it is used.
bool NounReader::weapon_unused() const {
  if (!tr->weapon) return false;
  for (std::uint32_t k = c().first; k < c().last; ++k)
    if (cls(k) & kUse) return false;
  return true;
}

// The noun phrase's reach (up to the next verb, the next event noun, which
// opens a phrase of its own, or the clause end) and its start (the article
// and modifiers before the noun; English "to impose sanctions": "to" marks an
// infinitive, so the verb before the noun ends the phrase).
void NounReader::measure_phrase() {
  const auto& t = tok();
  const SentenceView& sv = v();
  reach = i + 1;
  while (reach < c().last && reach < i + 10 &&
         !is_verbal(t[reach], cls(reach), sv.syn.verb[reach], sv.ctx, false) &&
         !(reach > i + 1 && t[reach].kind == TokenKind::word &&
           (de() ? t[reach].upper : true) && sv.syn.noun[reach] &&
           !(cls(reach) & kNotTrigger) &&
           !(!de() && reach + 1 < c().last && t[reach + 1].kind == TokenKind::word &&
             !t[reach + 1].upper && t[reach + 1].fold.size() > 3 &&
             t[reach + 1].fold.back() == 's')))
    ++reach;
  np_start = i;
  while (np_start > c().first) {
    std::uint32_t p = np_start - 1;
    std::uint64_t pc = cls(p);
    bool infinitive =
        !de() && no_function_class(pc) && p > c().first && sv.cls_has(p - 1, kInfMarker);
    bool mod = t[p].kind == TokenKind::word && !t[p].upper && !infinitive &&
               ((pc & (kDet | kDetOblique | kPoss | kHypoAdj | kNeg)) ||
                no_function_class(pc) || (de() && sv.cls_has(p, kRelPossessive)));
    bool ment = std::any_of(ms().begin(), ms().end(), [&](const Mention& m) {
      return m.last == np_start &&
             (m.how == Mention::adjective || m.how == Mention::compound || m.possessive);
    });
    if (!mod && !ment && !(t[p].kind == TokenKind::punct && t[p].form == "-")) break;
    if (ment) {
      for (const Mention& m : ms())
        if (m.last == np_start) np_start = m.np_first;
    } else {
      np_start = p;
    }
  }
  in_pp = np_start > c().first && (cls(np_start - 1) & kPrep);
  judged_clause = false;
  for (std::uint32_t k = c().first; k < c().last && !judged_clause; ++k)
    if (k != i && sv.syn.verb[k] && !(de() && t[k].upper))
      for (const VerbForm& vf : *sv.syn.verb[k]) {
        const Trigger& tr = sv.triggers().at(vf.trigger);
        // A split form whose particle the verb frames did not find is
        // another verb ("hielt ein Manöver ab" is no "vorhalten").
        if (vf.needs_particle && !verbs.taken[k]) continue;
        judged_clause |= sv.in(RelationSet::evaluative, tr.relation) &&
                         (vf.types & (kFinite | kParticiple | kInfinitive)) &&
                         has_object_word(tr, t, c().first, c().last);
      }
  if (np_start < t.size() && (cls(np_start) & kPrep)) in_pp = true;
}

// "für den Iran-Deal", "gegen US-Sanktionen": a name that modifies another
// event noun is a side of that event, not of this one.
bool NounReader::side_of_other(const Mention& m) const {
  return (m.how == Mention::compound || m.how == Mention::adjective) && m.head >= 0 &&
         static_cast<std::uint32_t>(m.head) != i &&
         v().syn.noun[static_cast<std::size_t>(m.head)];
}

// The noun's owner: an adjective or compound on it, a possessive
// ("Russlands Krieg"), a genitive after it ("der Krieg Russlands"), an agent
// phrase ("Angriffe von Russland", "attacks by"), or a possessive pronoun.
Side NounReader::genitive() const {
  const SentenceView& sv = v();
  const auto& m_ = ms();
  int k = first_group(m_, [&](const Mention& m) {
    return m.actor &&
           ((m.head == static_cast<std::int32_t>(i) &&
             (m.how == Mention::adjective || m.how == Mention::compound || m.possessive)) ||
            (m.genitive_attr && m.np_first == i + 1));
  });
  if (k < 0 && de())
    k = first_group(m_, [&](const Mention& m) {
      return m.actor && m.genitive_attr && m.np_first > i && m.np_first <= i + 2;
    });
  if (k < 0)
    k = first_group(m_, [&](const Mention& m) {
      return m.actor && sv.grammar().is(m.prep, kAgentPrep) && m.np_first == i + 1;
    });
  if (k < 0) return possessive_pronoun();
  return group_of(m_, k);
}

// A word that claims an act for the subject ("bekannte", "responsibility"),
// looked up only for a noun that may be claimed: most clauses have none.
bool NounReader::claim_in_clause() const {
  for (std::uint32_t k = c().first; k < c().last; ++k)
    if (tok()[k].kind == TokenKind::word && v().grammar().claim(tok()[k].fold)) return true;
  return false;
}

// "Die Hamas ist für den Anschlag verantwortlich", "Hinter dem Anschlag
// steckt die Hamas": the subject is named as the culprit -- in a clause of
// its own, not in a zu-clause under an accusation ("warf X vor, hinter ...
// zu stecken") and not where an accusing verb blames its object ("macht X
// für ... verantwortlich").
bool NounReader::culprit_in_clause() const {
  if (c().type == Clause::zu) return false;
  bool culprit = false;
  for (std::uint32_t k = c().first; k < c().last; ++k) {
    if (const auto* gv = v().syn.verb[k])
      if (v().triggers().at(gv->front().trigger).relation == Relation::ACCUSE) return false;
    culprit |= tok()[k].kind == TokenKind::word && v().grammar().culprit(tok()[k].fold);
  }
  return culprit;
}

// "bekannte sich zu dem Anschlag", "claimed responsibility for the attack",
// "ist für den Anschlag verantwortlich": the act in the phrase is the
// subject's, and the clause's mood is the act's.
bool NounReader::claimed_act() const {
  if (!in_pp || np_start <= c().first) return false;
  const std::string_view prep = pp_prep();
  return ((prep == "zu" || prep == "für" || prep == "for") && claim_in_clause()) ||
         ((prep == "für" || prep == "hinter") && de() && culprit_in_clause());
}

// "die israelische Besatzung des Westjordanlands", "Russlands Annexion der
// Krim", "Russia's invasion of Ukraine": where the doer stands in the noun
// phrase before the noun, the genitive or of-phrase right after it is the
// one acted on.
Side NounReader::objective_genitive(const Side& src) const {
  if (!std::all_of(src.begin(), src.end(),
                   [&](const Mention* m) { return m->first >= np_start && m->first < i; }))
    return {};
  return group_of(ms(), first_group(ms(), [&](const Mention& m) {
                    bool marked = de() ? m.genitive_attr : v().grammar().is(m.prep, kOfPrep);
                    bool after = marked && m.np_first > i && m.np_first <= i + 2;
                    return m.actor && after && !shares_code(src, m.actor);
                  }));
}

// "Nach seinen Gesprächen mit Merkel zog Fischer Bilanz": a German possessive
// before a main clause's finite verb may point ahead to the person named
// right after the verb, the clause's subject, if the genders fit.  A relative
// clause may come between the fronted phrase and the verb ("Nach seinen
// Gesprächen mit Gauck, der ihn empfing, zog Fischer Bilanz").
const Actor* NounReader::named_ahead(std::uint32_t p, std::string_view genders) const {
  const auto& cs = v().syn.clauses;
  if (!de() || c().type != Clause::main) return nullptr;
  std::int32_t fin = c().finite;
  for (std::size_t k = ci + 1; fin < 0 && k < cs.size(); ++k) {
    if (cs[k].type == Clause::rel) continue;
    // The clause that goes on must open with its finite verb.
    std::uint32_t first = cs[k].first;
    while (first < cs[k].last && tok()[first].kind != TokenKind::word) ++first;
    if (cs[k].finite != static_cast<std::int32_t>(first)) return nullptr;
    fin = cs[k].finite;
  }
  if (fin <= static_cast<std::int32_t>(p)) return nullptr;
  for (const Mention& m : ms())
    if (m.first == static_cast<std::uint32_t>(fin) + 1 && m.actor &&
        m.how == Mention::name && m.actor->type == ActorType::person && m.gender != '-' &&
        genders.find(m.gender) != std::string_view::npos)
      return m.actor;
  return nullptr;
}

// "ihre Angriffe auf", "deren Unterstützung für", "their attacks on": a
// possessive pronoun stands for an actor named before.  A relative
// possessive ("der Regierung in Ankara, ... deren Angriffe") points back to
// the nearest actor, whatever the gender of the noun in between.
Side NounReader::possessive_pronoun() const {
  const SentenceView& sv = v();
  for (std::uint32_t p = np_start; p < i; ++p) {
    const WordInfo* w = (cls(p) & (kPoss | kRel)) ? sv.grammar().find(tok()[p].fold) : nullptr;
    if (!w || w->genders.empty() || ((cls(p) & kRel) && !sv.cls_has(p, kRelPossessive)))
      continue;
    bool rel = (cls(p) & kRel) != 0;
    // "Beide Länder haben ihre Zusammenarbeit verstärkt": a plural
    // possessive after "beide Länder" in its clause is the pair's.
    const auto pair = std::find_if(ms().begin(), ms().end(), [&](const Mention& m) {
      return m.how == Mention::pair && m.actor && m.clause == static_cast<int>(ci) && m.last <= p;
    });
    if (!rel && pair != ms().end() && w->genders.find('p') != std::string::npos)
      return group_of(ms(), static_cast<int>(pair - ms().begin()));
    const Actor* a = rel ? nullptr : named_ahead(p, w->genders);
    if (!a) a = in.discourse.resolve(ms(), rel ? "mfnp" : w->genders, p, nullptr, false, sv.index);
    if (!a) continue;
    Mention& pm = out.possessors.emplace_back();
    pm.first = p;
    pm.last = p + 1;
    pm.np_first = p;
    pm.actor = a;
    pm.how = Mention::pronoun;
    pm.clause = static_cast<int>(ci);
    pm.text = std::string(tok()[p].form);
    return {&pm};
  }
  return {};
}

// The clause's subject as a side of the noun: who takes part in "bei einem
// Treffen mit X", "an den Kämpfen gegen den IS teilnehmen", whose visit "bei
// seinem Besuch in Moskau" is, whose means "reagierte mit Luftangriffen auf".
std::string_view NounReader::pp_prep() const {
  const WordInfo* w = v().grammar().find(tok()[np_start - 1].fold);
  return w ? std::string_view(w->prep) : tok()[np_start - 1].fold;
}

// "war zu Besuch in China", "reiste zu einem Besuch nach Kairo": who comes
// for a visit pays it, and the clause says whether it happens ("wird zu
// einem Besuch erwartet").
bool NounReader::visit() const {
  return in_pp && np_start > c().first && de() && tr->relation == Relation::CONSULT &&
         !tr->mutual && pp_prep() == "zu";
}

// "travelled to Beijing for talks with ...", "is in Moscow for talks": who
// goes to a place for talks holds them, and the clause says whether they
// happen ("will travel ... for talks"); "called for talks" is no such trip.
bool NounReader::for_talks() const {
  if (de() || !in_pp || np_start <= c().first || pp_prep() != "for" ||
      tr->relation != Relation::CONSULT)
    return false;
  return std::any_of(ms().begin(), ms().end(), [&](const Mention& m) {
    return m.last + 1 == np_start && (m.prep == "to" || m.prep == "in");
  });
}

Side NounReader::participant() const {
  const SentenceView& sv = v();
  const Clause& cl = c();
  const int subject = in.roles[ci].subject;
  // "Germany condemned the attack on Ukraine": who judges an event did not do it.
  // An event that is only the occasion ("bei seinem Besuch in Ankara
  // kritisierte Lawrow ...") is not what the verb judges.  German only: English
  // "opposed to mediation in negotiations" judges what "in" names.
  const bool occasion_pp =
      de() && in_pp && np_start > cl.first && sv.grammar().is(pp_prep(), kOccasionPrep);
  if (judged_clause && !occasion_pp) return {};
  bool claimed = false;
  if (in_pp && np_start > cl.first) {
    const std::string_view prep = pp_prep();
    bool talks = (tr->mutual || sv.in(RelationSet::occasion, tr->relation)) &&
                 sv.grammar().is(prep, kOccasionPrep);
    // "bei seinem Besuch in Moskau", "during his visit to Cairo": the
    // possessor, the one the clause is about, made the visit.
    bool own = false;
    for (std::uint32_t k = np_start; k < i && !own; ++k) own = (cls(k) & kPoss) != 0;
    if (own && tr->relation == Relation::CONSULT && subject >= 0 &&
        (!de() || ms()[static_cast<std::size_t>(subject)].first < i || cl.type == Clause::main))
      return group_of(ms(), subject);
    bool by_means = sv.grammar().is(prep, kMeansPrep) && !cl.passive &&
                    sv.in(RelationSet::means, tr->relation);
    // "bekannte sich zu dem Anschlag", "claimed responsibility for the attack".
    claimed = claimed_act();
    // "pledged $5 billion in aid": the amount is the verb's object, and
    // "in" names what it is.
    bool amount = !de() && prep == "in" && np_start >= 2 &&
                  (tok()[np_start - 2].kind == TokenKind::number ||
                   sv.grammar().amount(tok()[np_start - 2].fold));
    if (!talks && !by_means && !claimed && !visit() && prep != "an" && !amount && !for_talks())
      return {};
  } else if (in_pp) {
    return {};
  }
  if (demand().demanded && cl.type == Clause::zu)
    return demand().asked >= 0 ? group_of(ms(), demand().asked) : Side{};
  if (subject < 0) return {};
  // "Zu dem Anschlag bekannte sich der IS": a claim's subject may follow.
  if (ms()[static_cast<std::size_t>(subject)].first > i && de() && !claimed) return {};
  return group_of(ms(), subject);
}

Side NounReader::resolve(const Role& r) const {
  switch (r.kind) {
    case Role::gen:
      return genitive();
    case Role::prep:
      return group_of(ms(), first_group(ms(), [&](const Mention& m) {
                        return m.actor && m.prep == r.word && in_np_after(m) &&
                               !side_of_other(m);
                      }));
    case Role::subj:
    case Role::obj:
      return participant();
  }
  return {};
}

// Of the target's prepositions, the phrase nearest the noun wins ("sanctions
// on Russia ... over its war against Ukraine"); else the owner of what the
// first such phrase names ("Angriffe auf Stellungen des IS").
Side NounReader::nearest_prep(const std::vector<Role>& roles) const {
  const SentenceView& sv = v();
  const auto& m_ = ms();
  int best = -1;
  for (std::size_t k = 0; k < m_.size(); ++k) {
    const Mention& m = m_[k];
    if (m.group != static_cast<int>(k) || !m.actor || !in_np_after(m) || side_of_other(m))
      continue;
    // English "of" belongs to the noun right before it ("the blockade of
    // Gaza", not "blockades ... following the deaths of two Israelis").
    bool wanted = std::any_of(roles.begin(), roles.end(), [&](const Role& r) {
      return r.kind == Role::prep && r.word == m.prep && !between_word(sv, r.word) &&
             (de() || !sv.grammar().is(r.word, kOfPrep) || m.np_first == i + 1);
    });
    if (wanted && (best < 0 || m.np_first < m_[static_cast<std::size_t>(best)].np_first))
      best = static_cast<int>(k);
  }
  for (std::uint32_t j = i + 1; best < 0 && j < reach; ++j) {
    const WordInfo* w = (cls(j) & kPrep) ? sv.grammar().find(tok()[j].fold) : nullptr;
    bool wanted =
        w && std::any_of(roles.begin(), roles.end(), [&](const Role& r) {
          return r.kind == Role::prep && r.word == w->prep && !between_word(sv, r.word);
        });
    if (!wanted) continue;
    for (std::size_t k = 0; k < m_.size(); ++k)
      if (m_[k].group == static_cast<int>(k) && m_[k].actor && m_[k].first > j &&
          m_[k].np_first <= j + 4 &&
          (m_[k].genitive_attr || (!de() && sv.grammar().is(m_[k].prep, kOfPrep)))) {
        best = static_cast<int>(k);
        break;
      }
    break;  // only the first such phrase: later ones belong to other nouns
  }
  return group_of(m_, best);
}

// "Gespräche zwischen X und Y", "talks between X and Y": both sides at once;
// "mediation between X and Y" by a third party: X and Y are the targets.
// True when the noun has a zwischen/between role.
bool NounReader::between(Side& src, Side& tgt) const {
  const SentenceView& sv = v();
  auto is_between = [&](const Role& r) {
    return r.kind == Role::prep && between_word(sv, r.word);
  };
  bool role = std::any_of(tr->source.begin(), tr->source.end(), is_between) ||
              std::any_of(tr->target.begin(), tr->target.end(), is_between);
  if (!role) return false;
  Side both = group_of(ms(), first_group(ms(), [&](const Mention& m) {
                         return m.actor && between_word(sv, m.prep) && in_np_after(m);
                       }));
  bool between_source = std::any_of(tr->source.begin(), tr->source.end(), is_between);
  // A third party hosts talks between two ("Egypt hosted talks between
  // Israel and Hamas"), but an agreement between two binds them, whoever
  // brokered it ("the US-brokered ceasefire between Israel and Hezbollah").
  Side third;
  if (!between_source && both.size() >= 2 && tr->relation != Relation::AGREE)
    for (const Role& r : tr->source)
      if (third.empty() && r.kind != Role::prep) third = resolve(r);
  if (!third.empty() && std::none_of(third.begin(), third.end(), [&](const Mention* m) {
        return std::find(both.begin(), both.end(), m) != both.end();
      })) {
    src = third;
    tgt = both;
  } else if (both.size() >= 2) {
    src.push_back(both.front());
    tgt.assign(both.begin() + 1, both.end());
  }
  return true;
}

// War and sanctions always have two sides: the missing one is the nearest
// other actor, in this clause first, then in the sentence.
void NounReader::fill_side(Side& src, Side& tgt, Provenance& why) const {
  if (!tr->fill || src.empty() == tgt.empty()) return;
  const Mention* have = src.empty() ? tgt.front() : src.front();
  const Mention* best = nullptr;
  std::uint32_t best_d = UINT32_MAX;
  auto side_prep = [&](const Mention& m) {
    auto named = [&](const Role& r) { return r.kind == Role::prep && r.word == m.prep; };
    return m.prep.empty() || std::any_of(tr->target.begin(), tr->target.end(), named) ||
           std::any_of(tr->source.begin(), tr->source.end(), named);
  };
  for (int pass = 0; pass < 2 && !best; ++pass)
    for (const Mention& m : ms()) {
      if (!m.actor || m.actor->code == have->actor->code || m.attribution) continue;
      // Only names: a pronoun far from the noun is too weak a guess; only a
      // phrase that can be a side, not "zum Strafgerichtshof"; nor the
      // attribute of another noun ("Reaktion auf die Annexion der Krim").
      if (m.how == Mention::pronoun || m.how == Mention::first_person) continue;
      if (m.genitive_attr || side_of_other(m) || !side_prep(m)) continue;
      if (pass == 0 && m.clause != static_cast<int>(ci)) continue;
      bool right_side = src.empty() ? m.first < i : m.first > i;
      std::uint32_t d = m.first < i ? i - m.first : m.first - i;
      if (!right_side) d += 1000;
      if (d < best_d) {
        best_d = d;
        best = &m;
      }
    }
  if (!best) return;
  bool to_source = src.empty();
  (to_source ? src : tgt).push_back(best);
  why.steps.push_back({Step::implicit_side});
  if (v().trace) v().trace->role(to_source ? "source" : "target", "implicit side", {best});
}

// "bezeichnete die Behandlung ... als Völkermord", "denounced it as
// aggression": a conflict noun after als/as classifies what the object did.
bool NounReader::predicative() const {
  const SentenceView& sv = v();
  bool found = false;
  for (std::uint32_t k = np_start; k > c().first && k + 4 > np_start && !found; --k) {
    if (sv.cls_has(k - 1, kAs))
      found = k - 1 > c().first && !(cls(k - 2) & (kCoord | kSub));
    else if (!(cls(k - 1) & (kDet | kDetOblique)) && !sv.cls_has(k - 1, kKindOf))
      break;
  }
  return found && sv.in(RelationSet::charge, tr->relation);
}

// The noun's sides, by its table row's roles.
void NounReader::sides(Side& src, Side& tgt, bool& source_is_subject, Provenance& why) const {
  const SentenceView& sv = v();
  Trace* trace = sv.trace;
  const Clause& cl = c();
  bool has_between = between(src, tgt);
  bool undergo = cl.undergo && !in_pp;
  source_is_subject = false;
  for (const Role& r : tr->source)
    if (src.empty() && !(undergo && (r.kind == Role::subj || r.kind == Role::obj))) {
      src = resolve(r);
      source_is_subject = !src.empty() && (r.kind == Role::subj || r.kind == Role::obj);
      if (trace) trace->role("source", role_name(r), src);
    }
  if (tgt.empty()) tgt = nearest_prep(tr->target);
  for (const Role& r : tr->target)
    if (tgt.empty() && r.kind != Role::subj && r.kind != Role::obj) {
      tgt = resolve(r);
      if (trace) trace->role("target", role_name(r), tgt);
    }
  // A pair description ("die beiden Länder") names both sides.
  auto pair_sides = [&]() {
    if (tgt.empty() && src.size() == 1 && src[0]->how == Mention::pair && src[0]->second)
      tgt.push_back(src[0]);
  };
  pair_sides();
  if (undergo && tgt.empty() && in.roles[ci].subject >= 0)
    tgt = group_of(ms(), in.roles[ci].subject);
  tgt.erase(std::remove_if(tgt.begin(), tgt.end(),
                           [&](const Mention* m) {
                             return std::find(src.begin(), src.end(), m) != src.end();
                           }),
            tgt.end());
  // A side of the source's own code is no target ("Israeli blockades ... of
  // Israelis"): look for the place instead.
  tgt.erase(std::remove_if(tgt.begin(), tgt.end(),
                           [&](const Mention* m) {
                             return m->actor &&
                                    std::any_of(src.begin(), src.end(), [&](const Mention* x) {
                                      return x->actor && x->actor->code == m->actor->code &&
                                             x->how != Mention::pair;
                                    });
                           }),
            tgt.end());
  bool between_source = std::any_of(tr->source.begin(), tr->source.end(), [&](const Role& r) {
    return r.kind == Role::prep && between_word(sv, r.word);
  });
  if (has_between && between_source && tgt.empty() && src.size() >= 2) {
    tgt.assign(src.begin() + 1, src.end());
    src.erase(src.begin() + 1, src.end());
  }
  pair_sides();
  // "der EU-Türkei-Gipfel", "die Gespräche Russlands und Chinas": a mutual
  // act within one group.
  if (tr->mutual && tgt.empty() && src.size() >= 2) {
    tgt.assign(src.begin() + 1, src.end());
    src.erase(src.begin() + 1, src.end());
  }
  if (tgt.empty() && !src.empty()) tgt = objective_genitive(src);
  // "Anschläge in Brüssel und Paris": without a named target the state whose
  // territory is hit is the target (GUIDELINES).  Only for force: "Hilfe im
  // Irak", "Einsätze in Mali" name where, not whom.
  const bool force = tr->relation == Relation::ASSAULT || tr->relation == Relation::COERCE;
  if (force && tgt.empty() && !src.empty() && sv.in(RelationSet::on_place, tr->relation) &&
      !other_group_named(ms(), src, ci)) {
    tgt = group_of(ms(), first_group(ms(), [&](const Mention& m) {
                     return m.actor && m.actor->type == ActorType::state && m.prep == "in" &&
                            in_np_after(m) && !shares_code(src, m.actor);
                   }));
    if (sv.trace && !tgt.empty()) sv.trace->role("target", "place (in)", tgt);
  }
  fill_side(src, tgt, why);
}

// Status: the noun phrase's own words, and the clause's when the noun is the
// clause's subject or object.
Status NounReader::status_of() const {
  const SentenceView& sv = v();
  const Clause& cl = c();
  const ClauseMood& mood = in.moods[ci];
  Trace* trace = sv.trace;
  Status st = Status::fact;
  auto set = [&](Status s, std::string_view why) {
    if (trace) trace->status(st, s, why);
    st = s;
  };
  for (std::uint32_t k = np_start; k < i; ++k) {
    if (cls(k) & kNeg)
      set(Status::negated, "negated noun phrase");
    else if ((cls(k) & kHypoAdj) && st == Status::fact)
      set(Status::hypothetical, "possible, planned");
  }
  const bool claimed = claimed_act();
  // "Die Hamas soll hinter dem Anschlag stecken": a culprit named with a
  // reportive modal is still the culprit (GUIDELINES: hedged perpetrator).
  bool reported = false;
  for (std::uint32_t k = cl.first; claimed && k < cl.last; ++k)
    reported |= (cls(k) & kReportive) != 0;
  if (st == Status::fact && (!in_pp || visit() || for_talks() || claimed)) {
    if (mood.negates(i) && !(tr->relation == Relation::SANCTION && cl.undergo))
      set(Status::negated, "clause negated");
    else if (demand().hypothetical && !reported)
      set(Status::hypothetical, "clause hypothetical");
  }
  // "Treffen ... diese Woche möglich", "a meeting is possible": a predicative
  // possibility after the noun.  (German only: English "threatened" after a
  // noun is a verb; "wie erwartet" is as expected.)
  for (std::uint32_t k = i + 1; de() && k < cl.last && st == Status::fact && !in_pp; ++k)
    if ((cls(k) & kHypoAdj) && !sv.cls_has(k - 1, kComparison) &&
        (k + 1 >= cl.last || tok()[k + 1].kind != TokenKind::word || !tok()[k + 1].upper))
      set(Status::hypothetical, "possible after the noun");
  // The object of a demand, threat, offer or refusal has not happened:
  // "demanded the withdrawal", "threatened to impose restrictions", "refused
  // ... any assistance", "forderte Sanktionen gegen".  A German verb may
  // stand on either side of its object ("hat Sanktionen gefordert"); an
  // English one before it.  A noun of the verb's own relation names the same
  // event ("unterzeichnete den Vertrag", "made a demand"), not its object.
  if (st == Status::fact)
    for (const auto& [at, vrel] : verbs.triggers)
      if (sv.syn.clause_of[at] == static_cast<int>(ci) && at != i && (de() || at < i) &&
          vrel != tr->relation) {
        if (sv.in(RelationSet::refusals, vrel))
          set(Status::negated, "object of a refusal");
        else if (sv.in(RelationSet::demands, vrel))
          set(Status::hypothetical, "object of a demand, threat or offer");
      }
  // "Befürworter eines Austritts", "fears of a war", "Pläne für einen
  // Angriff": an act that is advocated, feared or planned has not happened.
  if (st == Status::fact && np_start > cl.first) {
    std::uint32_t p = np_start - 1;
    if ((cls(p) & kPrep) && p > cl.first) --p;
    if (cls(p) & kProspect) set(Status::hypothetical, "advocated, feared or planned");
    // "Verhandlungen über das Abkommen", "talks on a deal": not yet agreed.
    if (tr->relation == Relation::AGREE && sv.grammar().negotiation(tok()[p].fold))
      set(Status::hypothetical, "under negotiation");
  }
  if (st == Status::fact && feared()) set(Status::hypothetical, "feared or planned");
  return st;
}

// "halted economic aid to Serbia", "cancelled a planned visit", "stellte die
// Hilfe ein": a verb of halting in the clause, or the split "stellte ... ein"
// (einstellen), which closes its clause with the particle.
bool NounReader::halted() const {
  const Clause& cl = c();
  for (std::uint32_t k = cl.first; k < cl.last; ++k)
    if (cls(k) & kHalt) return true;
  if (!de()) return false;
  std::uint32_t e = cl.last;
  while (e > cl.first && tok()[e - 1].kind != TokenKind::word) --e;
  if (e > cl.first && tok()[e - 1].fold == "ein")
    for (std::uint32_t k = cl.first; k + 1 < e; ++k)
      if (tok()[k].fold.substr(0, 5) == "stell" && !tok()[k].upper) return true;
  return false;
}

// The noun's event, after the transforms of a predicative charge, a halt,
// willingness and intent.
void NounReader::code(const Side& src, const Side& tgt, bool source_is_subject,
                      Provenance why) {
  const SentenceView& sv = v();
  Trace* trace = sv.trace;
  const Clause& cl = c();
  const bool negated = in.moods[ci].negates(i);
  Side target = tgt;
  bool charge = predicative();
  // "denounced it as aggression": the subject accuses the last actor named
  // before the noun; nobody attacks.
  if (charge && target.empty() && !src.empty())
    for (const Mention& m : ms())
      if (m.clause == static_cast<int>(ci) && m.actor && m.first < np_start &&
          m.group == static_cast<int>(&m - ms().data()) && !shares_code(src, m.actor))
        target = group_of(ms(), static_cast<int>(&m - ms().data()));
  if (target.empty() && source_is_subject && !in_pp &&
      sv.in(RelationSet::on_place, tr->relation)) {
    target = place_target(ms(), src, ci);
    if (trace && !target.empty()) trace->role("target", "place (in)", target);
  }
  if (src.empty() || target.empty())
    return drop(src.empty() ? Drop::no_source : Drop::no_target);
  Status st = status_of();
  std::string trig(tok()[i].form);
  std::size_t before = out.cands.size();
  auto add = [&](Relation rel, Status s, std::initializer_list<Step> steps) {
    Provenance p = why;
    for (Step step : steps) p.steps.push_back({step});
    add_pairs(out.cands, src, target, rel, s, trig, p, i);
  };
  if (charge) {
    if (st == Status::fact)
      add(sv.transforms.gives(RelationSet::charge), st, {Step::as_charge});
    else
      drop(Drop::charge_not_fact);
  } else if (sv.in(RelationSet::halt, tr->relation) && !in_pp && halted()) {
    bool modal = cl.hypothetical && !negated;
    if (modal && cl.type != Clause::cond && conditioned(sv, ci, i))
      add(sv.transforms.gives(RelationSet::threat), Status::fact,
          {Step::halted, Step::condition});
    add(sv.transforms.gives(RelationSet::halt),
        negated ? Status::negated
        : modal ? Status::hypothetical
                : Status::fact,
        {Step::halted});
  } else if (cl.willing && !in_pp && st != Status::negated &&
             sv.in(RelationSet::offer, tr->relation)) {
    // "willing to send aid": the offer is the event.
    add(sv.transforms.gives(RelationSet::offer), Status::fact, {Step::willing});
  } else {
    if (st == Status::hypothetical && cl.intent && !cl.hypothetical && !in_pp && !feared() &&
        sv.in(RelationSet::threat, tr->relation))
      add(sv.transforms.gives(RelationSet::threat), Status::fact, {Step::intent});
    add(relation_for(target), st, {});
  }
  if (trace)
    for (std::size_t k = before; k < out.cands.size(); ++k) trace->coded(out.cands[k]);
}

void NounReader::token(std::uint32_t k) {
  const SentenceView& sv = v();
  const auto* entries = sv.syn.noun[k];
  if (tok()[k].kind != TokenKind::word || verbs.taken[k] || !entries) return;
  i = k;
  tr = &sv.triggers().at(entries->front());
  if (sv.trace) sv.trace->candidate(k, tok()[k].form, "noun", tr->entry);
  if (verbs.inside_name[k]) return drop(Drop::inside_name);
  if (!gated(k)) return drop(Drop::no_noun_reading);
  if (cls(k) & kNotTrigger) return drop(Drop::not_trigger);
  if (modifier_noun(k)) return drop(Drop::modifier_noun);
  if (weapon_unused()) return drop(Drop::weapon_not_used);
  measure_phrase();
  if (sv.trace)
    sv.trace->gate("noun phrase: tokens " + std::to_string(np_start) + " to " +
                   std::to_string(reach) + (in_pp ? ", inside a prepositional phrase" : "") +
                   (judged_clause ? ", judged by the clause's verb" : ""));
  Side src, tgt;
  bool source_is_subject = false;
  Provenance why = provenance_of(Frame::noun, tr->entry);
  sides(src, tgt, source_is_subject, why);
  code(src, tgt, source_is_subject, std::move(why));
}

}  // namespace

void noun_frames(const FrameInputs& in, std::size_t ci, const VerbFrames& verbs,
                 NounFrames& out) {
  const Clause& c = in.v.syn.clauses[ci];
  if (ci == 0) {  // a new sentence
    out.cands.clear();
    out.possessors.clear();
  }
  NounReader r{in, ci, verbs, out};
  for (std::uint32_t k = c.first; k < c.last; ++k) r.token(k);
}

}  // namespace geokg
