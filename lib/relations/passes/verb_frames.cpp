// Verb frames: each trigger verb of a clause, its form (finite, participle,
// infinitive, attributive participle), voice, and the roles its table row
// names (subject, object, a preposition) read off the clause.  Reads the
// analysis, resolved mentions, subjects, moods and the candidates of earlier
// clauses; writes VerbFrames.
#include <algorithm>

#include "relations/passes/passes.hpp"
#include "relations/passes/trace.hpp"
#include "relations/transforms.hpp"

namespace geokg {
namespace {

constexpr std::uint32_t bit(Relation r) { return 1u << static_cast<int>(r); }

// "finite verb", "participle", ... for --trace.
std::string form_name(const VerbForm& vf) {
  std::string out = "verb form:";
  const std::pair<std::uint8_t, const char*> names[] = {{kFinite, " finite"},
                                                        {kParticiple, " participle"},
                                                        {kInfinitive, " infinitive"},
                                                        {kAttributive, " attributive"},
                                                        {kZuInfinitive, " zu-infinitive"},
                                                        {kGerund, " -ing"}};
  for (auto [bit, name] : names)
    if (vf.types & bit) out += name;
  if (vf.needs_particle) out += ", particle found";
  return out;
}

// What governs an English to-infinitive ("threatened to shell", "refused to
// meet", "is willing to send", "plans to impose").
struct ToGovernor {
  int relation = -1;  // a governing trigger's relation
  bool intent = false, willing = false;
};

struct VerbReader {
  const FrameInputs& in;
  std::size_t ci;
  VerbFrames& out;
  const ClauseDemand& demand;

  const SentenceView& v() const { return in.v; }
  const std::vector<Token>& tok() const { return in.v.tok; }
  const std::vector<Mention>& ms() const { return in.ms; }
  const Clause& c() const { return in.v.syn.clauses[ci]; }
  const Clause* gov() const {
    return c().governor >= 0 ? &in.v.syn.clauses[static_cast<std::size_t>(c().governor)]
                             : nullptr;
  }
  std::uint64_t cls(std::uint32_t i) const { return in.v.cls(i); }
  bool de() const { return in.v.de; }
  void drop(Drop d) const {
    if (v().trace) v().trace->drop(d);
  }
  bool mention_ends_at(std::uint32_t i, bool (*pred)(const Mention&)) const {
    return std::any_of(ms().begin(), ms().end(),
                       [&](const Mention& m) { return m.last == i && pred(m); });
  }

  const std::vector<VerbForm>* verb_forms(std::uint32_t i, bool sentence_start,
                                          bool& as_noun) const;
  bool english_noun_reading(std::uint32_t i) const;
  bool floating_quantifier(std::uint32_t k) const;
  const VerbForm* select_form(std::uint32_t i, const std::vector<VerbForm>& forms) const;
  bool fits(std::uint32_t i, const VerbForm& f) const;
  bool antecedent_object(const Trigger& tr) const;
  bool attempt(std::uint32_t i, const Trigger& tr) const;
  bool carries_statement(std::uint32_t i, const Trigger& tr) const;
  Side instrument_doer(Relation rel, bool* owner = nullptr) const;
  Side relative_occasion_doer(Relation rel) const;
  std::string_view occasion_before(std::int32_t noun) const;
  int fronted_participle(std::uint32_t i, const VerbForm& vf) const;
  Side event_subject_doer(std::uint32_t i, Relation rel) const;
  bool reciprocal(const Trigger& tr) const;
  bool adjective_participle(std::uint32_t i) const;
  bool stative_participle(std::uint32_t i, const VerbForm& vf) const;
  bool attributive(std::uint32_t i, const VerbForm& vf, const Trigger& tr,
                   const std::string& trig);
  bool english_participle(std::uint32_t i, const VerbForm& vf, bool& reduced) const;
  ToGovernor to_governor(std::uint32_t i, const VerbForm& vf) const;
  bool is_passive(std::uint32_t i, const VerbForm& vf, bool reduced) const;
  void read(std::uint32_t i, const VerbForm& vf);
  void code(std::uint32_t i, const Trigger& tr, const std::string& trig, bool passive,
            const ToGovernor& to, const Side& src, const Side& tgt);
  void token(std::uint32_t i);
};

// The token's verb forms, or none where the word is no verb here.
const std::vector<VerbForm>* VerbReader::verb_forms(std::uint32_t i, bool sentence_start,
                                                    bool& as_noun) const {
  const std::vector<VerbForm>* vforms = v().syn.verb[i];
  if (!vforms) return nullptr;
  // Function words that share a verb's form ("einigen", "die Einigen") are none.
  constexpr std::uint64_t kNotVerb = kDet | kDetOblique | kPrep | kPron | kPoss | kRel | kCoord;
  if (de() && tok()[i].upper && !sentence_start) return drop(Drop::capitalised), nullptr;
  if (cls(i) & kNotVerb) return drop(Drop::function_word), nullptr;
  // English: after an article or possessive a form is a noun ("their arms")
  // -- but not after a quantifier that floats after an auxiliary ("have both
  // criticised").
  if (!de() && i > 0 && (cls(i - 1) & (kDet | kPoss)) && !v().syn.noun[i] &&
      !floating_quantifier(i - 1))
    return drop(Drop::noun_after_article), nullptr;
  as_noun = !de() && english_noun_reading(i);
  return vforms;
}

// "have both criticised", "had all agreed": a determiner right after an
// auxiliary floats away from its noun and leaves the participle a verb.
bool VerbReader::floating_quantifier(std::uint32_t k) const {
  return !de() && k > 0 && (cls(k - 1) & kAux) && (cls(k) & kDet) && !(cls(k) & kPoss);
}

// English: a form that is also a trigger noun is the noun where a noun
// phrase surrounds it.
bool VerbReader::english_noun_reading(std::uint32_t i) const {
  const auto& t = tok();
  if (!v().syn.noun[i]) return false;
  // An English sentence rarely opens with a finite verb: "Talks between ..."
  if (i == 0 || (i + 1 < t.size() && (v().cls_has(i + 1, kBetweenPrep | kOfPrep)))) return true;
  std::uint64_t pc = cls(i - 1);
  // "a U.S. request", "the Russian offer": an article before the modifying
  // name makes the form a noun.
  bool np_before = (pc & (kDet | kPoss | kPrep | kHypoAdj)) ||
                   std::any_of(ms().begin(), ms().end(), [&](const Mention& m) {
                     return m.last == i && (m.possessive || m.how == Mention::adjective ||
                                            (m.first > 0 && (cls(m.first - 1) & kDet)));
                   });
  // "imposed new sanctions": after a plain lowercase word (an adjective or a
  // verb) the form is a noun; after a name, pronoun, auxiliary or adverb it
  // is the verb.
  const Token& prev = t[i - 1];
  bool subject_before = mention_ends_at(
      i, [](const Mention& m) { return !m.possessive && m.how != Mention::adjective; });
  bool adverb = ly_adverb(prev.fold) || (pc & kTimeFiller);
  if (prev.kind == TokenKind::word && !prev.upper && no_function_class(pc) && !adverb &&
      !subject_before)
    np_before = true;
  // "to attack Ukraine", "to impose the ban": an infinitive with its object.
  if (v().cls_has(i - 1, kInfMarker) && i + 1 < t.size() &&
      ((cls(i + 1) & (kDet | kPoss | kPron)) ||
       std::any_of(ms().begin(), ms().end(),
                   [&](const Mention& m) { return m.first == i + 1 && m.prep.empty(); })))
    np_before = false;
  return np_before;
}

// The first form that fits, a verb-object phrase's before the verb's alone.
const VerbForm* VerbReader::select_form(std::uint32_t i,
                                        const std::vector<VerbForm>& forms) const {
  for (bool phrase : {true, false})
    for (const VerbForm& f : forms) {
      const Trigger& tr = v().triggers().at(f.trigger);
      // A phrase's object stands in the verb's clause (English: after the verb).
      if (tr.objects.empty() == phrase ||
          (!has_object_word(tr, tok(), de() ? c().first : i + 1, c().last) &&
           !antecedent_object(tr)))
        continue;
      if (fits(i, f)) return &f;
    }
  return nullptr;
}

// "ein Pakt, den Kiew mit der EU schloss": a German relative clause's
// pronoun stands for the noun before it, which may be the phrase's object.
bool VerbReader::antecedent_object(const Trigger& tr) const {
  if (!de() || tr.objects.empty() || c().type != Clause::rel) return false;
  std::uint32_t k = c().first;
  while (k > 0 && tok()[k - 1].kind != TokenKind::word) --k;
  return k > 0 && has_object_word(tr, tok(), k - 1, k);
}

// A form's conditions: a split particle that closes the clause (German) or
// follows closely (English phrasal verb); English -ing only in progressive
// tenses ("is attacking").
bool VerbReader::fits(std::uint32_t i, const VerbForm& f) const {
  const auto& t = tok();
  if (f.needs_particle) {
    const std::string& p = v().triggers().at(f.trigger).particle;
    bool found = false;
    std::uint32_t lim = de() ? c().last : std::min<std::uint32_t>(c().last, i + 4);
    for (std::uint32_t k = i + 1; k < lim && !found; ++k)
      found =
          t[k].fold == p && (!de() || k + 1 >= c().last || t[k + 1].kind != TokenKind::word ||
                             (cls(k + 1) & (kCoord | kAux | kModalHypo | kFuture | kSpeech)));
    if (!found) return false;
  }
  if (de() || !(f.types & kGerund) || (f.types & ~kGerund)) return true;
  // "is attacking", "is still attacking", "are not sending": an auxiliary,
  // perhaps with an adverb or "not" between.
  std::uint32_t k = i;
  while (k > 0 && i - k < 2 &&
         ((cls(k - 1) & (kTimeFiller | kNeg | kAdverb)) || ly_adverb(t[k - 1].fold)))
    --k;
  return k > 0 && (cls(k - 1) & kAux);
}

// "schickte eine Protestnote an Washington": a verb that only carries its
// object sends no aid when the object is a noun of a verbal event (a protest,
// an invitation, a demand); that noun's frame reads the event.
bool VerbReader::carries_statement(std::uint32_t i, const Trigger& tr) const {
  if (!tr.carrier) return false;
  for (std::uint32_t k = c().first; k < c().last; ++k)
    if (k != i && statement_noun(v(), static_cast<std::int32_t>(k))) return true;
  return false;
}

// "sought to ease tensions": an attempt, not a request.
bool VerbReader::attempt(std::uint32_t i, const Trigger& tr) const {
  const auto& t = tok();
  return tr.attempt && !de() && i + 2 < t.size() && v().cls_has(i + 1, kInfMarker) &&
         t[i + 2].kind == TokenKind::word && !t[i + 2].upper &&
         !(cls(i + 2) & (kDet | kDetOblique | kPoss | kPron));
}

// "mit scharf kritisierten Luftangriffen", "in den besetzten Gebieten": an
// inflected participle between an article or adverb and its noun is an
// adjective, not the finite verb.
bool VerbReader::adjective_participle(std::uint32_t i) const {
  const auto& t = tok();
  if (!(i + 1 < t.size() && t[i + 1].upper && t[i + 1].kind == TokenKind::word &&
        i > c().first))
    return false;
  const Token& prev = t[i - 1];
  bool mention_before = mention_ends_at(
      i, [](const Mention& m) { return m.prep.empty() && m.how != Mention::adjective; });
  bool modifier_before =
      (cls(i - 1) & (kDet | kDetOblique | kPrep | kPoss)) ||
      (prev.kind == TokenKind::word && !prev.upper && no_function_class(cls(i - 1)));
  bool agent_before = std::any_of(ms().begin(), ms().end(), [&](const Mention& m) {
    return m.last == i && v().grammar().is(m.prep, kAgentPrep);
  });
  return modifier_before && !mention_before && !agent_before;
}

// "Paris ist überzeugt, dass ...", "zeigte sich entschlossen": a participle of
// a state of mind after a copula is an adjective, not the act of convincing.
// A perfect or passive auxiliary in the clause ("hat ihn überzeugt", "wurde
// überzeugt") keeps the verb.
bool VerbReader::stative_participle(std::uint32_t i, const VerbForm& vf) const {
  const Grammar& g = v().grammar();
  if (!de() || !(vf.types & kParticiple) || !g.stative(tok()[i].fold)) return false;
  bool copula = false;
  for (std::uint32_t k = c().first; k < c().last; ++k) {
    bool link = g.copula(tok()[k].fold);
    if (!link && (cls(k) & (kAux | kAuxPassive))) return false;
    copula = copula || link;
  }
  return copula;
}

// "die vom Iran unterstützten Houthi-Rebellen": an attributive participle
// codes its agent phrase against the noun it modifies.  True when the form is
// read as attributive (whether or not it gave an event).
bool VerbReader::attributive(std::uint32_t i, const VerbForm& vf, const Trigger& tr,
                             const std::string& trig) {
  const auto& t = tok();
  const Grammar& g = v().grammar();
  const Mention* agent = nullptr;
  const Mention* head = nullptr;
  // The agent phrase, or a preposition the row gives the source ("der in
  // Russland festgenommene Amerikaner": arrests are the state's where they happen).
  auto source_prep = [&](const std::string& p) {
    return g.is(p, kAgentPrep) ||
           std::any_of(tr.source.begin(), tr.source.end(),
                       [&](const Role& r) { return r.kind == Role::prep && r.word == p; });
  };
  for (const Mention& m : ms()) {
    if (m.last <= i && i - m.last <= 1 && !m.prep.empty() && source_prep(m.prep) && m.actor)
      agent = &m;
    if (m.first > i && m.first - i <= 2 && m.actor && !head) head = &m;
  }
  // "die von Russland unterstützte Regierung von Assad / in Damaskus": an
  // institution noun names the state of its attribute.
  if (agent && !head && i + 2 < t.size() && t[i + 1].upper && g.actor_head(t[i + 1].fold))
    for (const Mention& m : ms())
      if (m.actor && m.actor->code != agent->actor->code &&
          ((m.np_first == i + 2 && (m.genitive_attr || m.prep == "von" || m.prep == "in")) ||
           (m.prep.empty() && m.np_first <= i + 1 && m.first > i + 1 && m.first <= i + 4))) {
        head = &m;
        break;
      }
  // "die von Russland unterstützte Regierung": the government of the state in
  // question, the last other state named.
  if (agent && !head && i + 1 < t.size() && (cls(i + 1) & kDefDesc) && t[i + 1].upper)
    for (const Actor* a : in.discourse.states_latest_first()) {
      if (a->code == agent->actor->code) continue;
      for (const Mention& m : ms())
        if (m.actor == a) head = &m;
      if (head) break;
    }
  if ((vf.types & (kFinite | kInfinitive)) && !(agent && head)) return false;
  if (agent && head) {
    std::size_t before = out.cands.size();
    add_pairs(out.cands, {agent}, group_of(ms(), static_cast<int>(head - ms().data())),
              tr.relation, Status::fact, trig,
              provenance_of(Frame::attributive_participle, tr.entry), i);
    if (v().trace)
      for (std::size_t k = before; k < out.cands.size(); ++k) v().trace->coded(out.cands[k]);
  } else {
    drop(Drop::attributive_no_sides);
  }
  return true;
}

// "bei einem US-Luftangriff getötet", "killed in an Israeli airstrike": a
// passive act without an agent was done by the doer of the event noun of the
// same relation that the clause names as its occasion (the noun's adjective,
// compound or genitive).
Side VerbReader::instrument_doer(Relation rel, bool* owner) const {
  const SentenceView& sv = v();
  for (const Mention& m : ms()) {
    if (m.clause != static_cast<int>(ci) || !m.actor) continue;
    // "Bei einem Anschlag der Taliban", "bei Angriffen von Palästinensern":
    // the owner's phrase is inside the occasion phrase of its noun.
    const bool von = m.prep == "von" && m.np_first > 0;
    std::int32_t noun = m.head;
    if ((m.genitive_attr || von) && m.np_first > 0)
      noun = static_cast<std::int32_t>(m.np_first) - 1;
    std::string_view prep = m.prep;
    if ((prep.empty() && m.genitive_attr) || von) prep = noun > 0 ? occasion_before(noun) : "";
    if (!sv.grammar().is(prep, kOccasionPrep)) continue;
    if (noun < 0 ||
        !(m.how == Mention::adjective || m.how == Mention::compound || m.genitive_attr || von))
      continue;
    if (!event_noun_of(sv, static_cast<std::uint32_t>(noun), rel)) continue;
    if (owner) *owner = m.genitive_attr || von;
    return group_of(ms(), static_cast<int>(&m - ms().data()));
  }
  return {};
}

// "verübte einen Angriff, bei dem zwei Palästinenser getötet wurden": a
// relative clause opened by an occasion preposition ("bei dem", "in which")
// names the act its antecedent event noun was; the noun's doer (its
// adjective, compound or genitive, else the subject of a verb of carrying
// it out) did it.
Side VerbReader::relative_occasion_doer(Relation rel) const {
  const Clause& cl = c();
  const Clause* g = gov();
  if (cl.type != Clause::rel || !g || cl.first + 1 >= cl.last) return {};
  if (!(cls(cl.first) & kPrep) || !(cls(cl.first + 1) & kRel)) return {};
  const WordInfo* w = v().grammar().find(tok()[cl.first].fold);
  if (!w || !v().grammar().is(w->prep, kOccasionPrep)) return {};
  // The antecedent: the event noun ending the phrase before the comma
  // ("einen Luftangriff auf Gaza, bei dem ...").
  std::int32_t noun = -1;
  for (std::uint32_t k = cl.first; k > g->first && k + 6 > cl.first && noun < 0; --k)
    if (event_noun_of(v(), k - 1, rel)) noun = static_cast<std::int32_t>(k - 1);
  if (noun < 0) return {};
  const auto n = static_cast<std::uint32_t>(noun);
  for (const Mention& m : ms()) {
    bool own = m.actor && (m.how == Mention::adjective || m.how == Mention::compound) &&
               m.head == noun;
    own = own || (m.actor && m.genitive_attr && m.np_first > n && m.np_first <= n + 2);
    if (own) return group_of(ms(), static_cast<int>(&m - ms().data()));
  }
  // The subject did the act only with a verb of carrying it out
  // ("verübte", "flog"): who condemns, reports or mourns it did not.
  bool performed = false;
  for (std::uint32_t k = g->first; k < g->last; ++k)
    performed |= !tok()[k].upper && v().grammar().perform(tok()[k].fold);
  if (!performed) return {};
  const int subject = in.roles[static_cast<std::size_t>(cl.governor)].subject;
  if (subject < 0 || !occasion_before(noun).empty()) return {};
  return group_of(ms(), subject);
}

// The preposition that opens the phrase of the noun at `noun` ("bei einem
// schweren Anschlag"), or "" when none does.
std::string_view VerbReader::occasion_before(std::int32_t noun) const {
  auto k = static_cast<std::uint32_t>(noun);
  for (int steps = 0; k > 0 && steps < 4; ++steps) {
    const std::uint64_t c = cls(k - 1);
    if (c & kPrep) {
      const WordInfo* w = v().grammar().find(tok()[k - 1].fold);
      return w ? std::string_view(w->prep) : std::string_view();
    }
    bool article = (c & (kDet | kDetOblique)) != 0;
    bool adjective =
        tok()[k - 1].kind == TokenKind::word && !tok()[k - 1].upper && no_function_class(c);
    if (!article && !adjective) break;
    --k;
  }
  return {};
}

// English "Israeli strikes killed 30 people", "Russian shelling hit the
// town": an event noun of the verb's own relation as its subject is the
// means; who carries it out (the noun's adjective, compound or possessive)
// does the verb's act.  The noun ends the subject right before the verb (or
// its auxiliaries and adverbs).
Side VerbReader::event_subject_doer(std::uint32_t i, Relation rel) const {
  const SentenceView& sv = v();
  const auto& t = tok();
  std::uint32_t k = i;
  while (k > c().first && ((cls(k - 1) & (kAux | kTimeFiller)) || ly_adverb(t[k - 1].fold)))
    --k;
  if (k <= c().first || t[k - 1].upper) return {};
  const std::uint32_t noun = k - 1;
  if (!event_noun_of(sv, noun, rel)) return {};
  for (const Mention& m : ms()) {
    if (m.clause != static_cast<int>(ci) || !m.actor || !m.prep.empty() || m.last > noun ||
        !(m.how == Mention::adjective || m.how == Mention::compound || m.possessive))
      continue;
    // Only the noun's own modifiers ("Israeli missile strikes") after the mention.
    bool modifiers = true;
    for (std::uint32_t w = m.last; w < noun; ++w)
      modifiers &= t[w].kind == TokenKind::word && !t[w].upper && !(cls(w) & kFunction);
    if (modifiers) return group_of(ms(), static_cast<int>(&m - ms().data()));
  }
  return {};
}

// English participles: after an article or a number they are adjectives
// ("the besieged town": false); right after a noun, once the clause has had
// its verb, a reduced passive ("a pathologist sent to Israel by").
bool VerbReader::english_participle(std::uint32_t i, const VerbForm& vf, bool& reduced) const {
  reduced = false;
  if (!(vf.types & kParticiple) || i <= c().first) return true;
  const auto& t = tok();
  const Token& prev = t[i - 1];
  std::uint64_t pc = cls(i - 1);
  if (((pc & (kDet | kPoss)) && !floating_quantifier(i - 1)) || prev.kind == TokenKind::number)
    return false;
  auto ed = [](const Token& w) {
    return w.fold.size() > 3 && w.fold.substr(w.fold.size() - 2) == "ed";
  };
  bool noun_before = prev.kind == TokenKind::word && !prev.upper && no_function_class(pc) &&
                     !ly_adverb(prev.fold);
  bool verb_before = false;
  for (std::uint32_t k = c().first; k + 1 < i && !verb_before; ++k)
    verb_before = is_verbal(t[k], cls(k), v().syn.verb[k], v().ctx, false) ||
                  (t[k].kind == TokenKind::word && !t[k].upper && ed(t[k]));
  // "has again offered": an auxiliary a few words back governs it.
  bool aux_near = false;
  for (std::uint32_t k = i; k > c().first && k + 3 > i && !aux_near; --k)
    aux_near = (cls(k - 1) & (kAux | kAuxPassive)) != 0;
  // "killed 4 Iraqis", "sent the aid": a participle with its own object is active.
  bool object_after = i + 1 < c().last &&
                      (t[i + 1].kind == TokenKind::number || (cls(i + 1) & (kDet | kPoss)) ||
                       std::any_of(ms().begin(), ms().end(), [&](const Mention& m) {
                         return m.first == i + 1 && m.prep.empty();
                       }));
  // "a pathologist sent to Israel by ...": an agent phrase marks it passive.
  bool by_after = false;
  for (std::uint32_t k = i + 1; k < std::min(c().last, i + 5) && !by_after; ++k)
    by_after = v().cls_has(k, kAgentPrep);
  reduced = noun_before && (verb_before || by_after) && !aux_near && !object_after;
  return true;
}

ToGovernor VerbReader::to_governor(std::uint32_t i, const VerbForm& vf) const {
  ToGovernor g;
  if (de() || i <= c().first + 1 || !v().cls_has(i - 1, kInfMarker) ||
      !(vf.types & kInfinitive))
    return g;
  for (std::uint32_t k = i - 2; k + 8 > i && k >= c().first; --k) {
    std::uint64_t kc = cls(k);
    if (kc & kWilling) return g.willing = true, g;
    if (kc & kIntent) return g.intent = true, g;
    if (const auto* gv = v().syn.verb[k])
      return g.relation = static_cast<int>(v().triggers().at(gv->front().trigger).relation), g;
    if (const auto* gn = v().syn.noun[k])
      return g.relation = static_cast<int>(v().triggers().at(gn->front()).relation), g;
    if (k == c().first) break;
  }
  return g;
}

// German passive is a property of the clause's verb complex; English needs a
// form of "be" right before the participle ("was attacked", "has been
// attacked", "were not attacked").
bool VerbReader::is_passive(std::uint32_t i, const VerbForm& vf, bool reduced) const {
  bool passive = reduced;
  if (vf.types & kParticiple) {
    if (de()) {
      passive |= c().passive;
    } else {
      for (std::uint32_t k = i; k > c().first && k + 4 > i; --k)
        if (cls(k - 1) & kAuxPassive) {
          passive |= !v().cls_has(k - 1, kPerfectAux);
          break;
        }
    }
  }
  // "Israel is opposed to French mediation": a participle with "to" and no
  // agent is a predicate adjective, its subject the one who acts.
  if (!de() && passive && !reduced && i + 1 < c().last && v().cls_has(i + 1, kInfMarker) &&
      std::none_of(ms().begin(), ms().end(), [&](const Mention& m) {
        return m.clause == static_cast<int>(ci) && v().grammar().is(m.prep, kAgentPrep) &&
               m.first > i;
      }))
    passive = false;
  return passive;
}

// "Bewaffnet von den USA, rückt die YPG vor": a German participle that opens
// the sentence, alone or after other such phrases, is predicated of the
// subject of the main clause after it, which undergoes it.  That subject's
// lead mention, or -1 when the participle is no such phrase.
int VerbReader::fronted_participle(std::uint32_t i, const VerbForm& vf) const {
  const auto& clauses = v().syn.clauses;
  if (!de() || !(vf.types & kParticiple)) return -1;
  // The participle that opens clause k as its only verb, or -1.
  auto opening_participle = [&](std::size_t k) -> std::int64_t {
    std::uint32_t f = clauses[k].first;
    while (f < clauses[k].last && tok()[f].kind != TokenKind::word) ++f;
    const auto* forms = f < clauses[k].last ? v().syn.verb[f] : nullptr;
    if (!forms || (clauses[k].finite >= 0 && clauses[k].finite != static_cast<std::int32_t>(f)))
      return -1;
    // "Angegriffen wurde die Stadt von ...": with an auxiliary it is the clause's verb.
    for (std::uint32_t w = f + 1; w < clauses[k].last; ++w)
      if (cls(w) & (kAux | kAuxPassive | kModalHypo)) return -1;
    bool participle = std::any_of(forms->begin(), forms->end(), [](const VerbForm& x) {
      return (x.types & kParticiple) != 0;
    });
    return participle ? static_cast<std::int64_t>(f) : -1;
  };
  if (opening_participle(ci) != i) return -1;
  for (std::size_t k = 0; k < ci; ++k)
    if (opening_participle(k) < 0) return -1;
  for (std::size_t k = ci + 1; k < clauses.size(); ++k) {
    if (opening_participle(k) >= 0) continue;
    if (clauses[k].type != Clause::main) return -1;
    return in.roles[k].subject;
  }
  return -1;
}

namespace {

// A verb's frame being read: the roles its table row names, and the subject
// the clause gives it.
struct VerbRoles {
  const VerbReader& r;
  std::uint32_t i;
  const Trigger& tr;
  bool passive, reduced;
  int subj_lead;
  Side subj, src_now;

  bool tree() const { return r.v().syn.tree().has(i); }
  // German marks the owner of a noun -- a genitive, a possessive, an
  // adjective or compound, a von-phrase -- so only such a mention can be the
  // owner the tree finds, and a clause without one (other than the source's)
  // needs no parse.
  // A name ends right before the phrase of m.
  bool after_name(const Mention& m) const {
    return std::any_of(r.ms().begin(), r.ms().end(), [&](const Mention& o) {
      return o.actor && o.how == Mention::name && o.last == m.np_first;
    });
  }
  bool marked_owner(const Mention& m) const {
    return m.how == Mention::adjective || m.how == Mention::compound || m.possessive ||
           m.genitive_attr || r.v().grammar().is(m.prep, kAgentPrep);
  }
  bool may_have_owner() const {
    if (!r.v().de) return true;
    if (src_now.empty()) return false;  // no event without a source
    return std::any_of(r.ms().begin(), r.ms().end(), [&](const Mention& m) {
      return m.actor && !m.attribution && marked_owner(m) &&
             m.clause == static_cast<int>(r.ci) && !shares_code(src_now, m.actor) &&
             std::find(subj.begin(), subj.end(), &m) == subj.end();
    });
  }
  Side subject_role() const {
    if (!passive) return subj;
    // The agent phrase -- not a von-phrase that belongs to a noun ("bei
    // Kämpfen von Armee und UN-Soldaten ... getötet worden"); a name before
    // it takes none ("in Moskau von Putin empfangen").
    const SentenceView& v = r.v();
    const Clause& c = r.c();
    return group_of(r.ms(), first_group(r.ms(), [&](const Mention& m) {
                      bool noun_attribute =
                          m.np_first > 0 && v.tok[m.np_first - 1].upper &&
                          v.tok[m.np_first - 1].kind == TokenKind::word &&
                          !v.cls_has(m.np_first - 1, kDet | kDetOblique | kPrep) &&
                          m.np_first - 1 > c.first && !after_name(m);
                      return m.clause == static_cast<int>(r.ci) && !noun_attribute &&
                             v.grammar().is(m.prep, kAgentPrep);
                    }));
  }
  // The tree's objects, the owners of an object ("shelled positions of the
  // Palestinian forces"), and for an evaluative verb the doer of the event it
  // judges ("rejected calls by Belarus"); an English phrasal verb's particle
  // is no preposition of its object ("called on China").
  Side tree_object() const {
    const SentenceView& v = r.v();
    bool judges = v.in(RelationSet::evaluative, tr.relation);
    Side s = tree_side(v, r.ms(), i, {Dep::obj, Dep::iobj}, judges);
    if (!v.de && !tr.particle.empty())
      for (const Mention* m : tree_side(v, r.ms(), i, {Dep::obl}, false, tr.particle))
        if (std::find(s.begin(), s.end(), m) == s.end()) s.push_back(m);
    // A German noun phrase in the object's place may be the subject: most
    // show no case ("die Amerikaner"), so only an object's owner, marked by
    // genitive or preposition, is taken from the tree.
    s.erase(std::remove_if(s.begin(), s.end(),
                           [&](const Mention* m) {
                             return shares_code(src_now, m->actor) ||
                                    std::find(subj.begin(), subj.end(), m) != subj.end() ||
                                    (v.de &&
                                     (!marked_owner(*m) || !tree_role(v, *m, judges).owner));
                           }),
            s.end());
    return s;
  }
  // The object itself, or the owner of the object ("lehnte die Forderungen
  // Russlands ab", "condemned Syria's attack") -- whichever comes first.  An
  // actor of the source's own code is no target ("Albania denounced ...
  // ethnic Albanian unrest").
  // English "approve a plan that will not allow ... Hamas": a name after a
  // relative clause's pronoun (right after an article and its noun) is in
  // that clause, not the verb's object.
  bool relative_between(std::uint32_t to) const {
    const SentenceView& v = r.v();
    for (std::uint32_t k = i + 3; k < to; ++k)
      if ((v.cls_has(k, kRel) || v.tok[k].fold == "that") && v.cls_has(k - 2, kDet | kPoss) &&
          v.tok[k - 1].kind == TokenKind::word && !v.tok[k - 1].upper &&
          !v.cls_has(k - 1, kFunction))
        return true;
    return false;
  }
  Side object_role() const {
    const SentenceView& v = r.v();
    const auto& t = v.tok;
    const Clause& c = r.c();
    const auto& ms = r.ms();
    if (reduced) return {};  // the noun before it, no actor
    // "threatened to break off relations with ...": a verb followed by its
    // to-infinitive has no object of its own.
    if (!v.de && i + 2 < c.last && v.cls_has(i + 1, kInfMarker) &&
        t[i + 2].kind == TokenKind::word && !t[i + 2].upper &&
        !v.cls_has(i + 2, kDet | kDetOblique | kPoss | kPron))
      return {};
    if (passive) return subj;
    int subj_group = subj_lead >= 0 ? ms[static_cast<std::size_t>(subj_lead)].group : -2;
    int antecedent = r.in.roles[r.ci].antecedent;
    Side h = group_of(
        ms, first_group(ms, [&](const Mention& m) {
          bool other = m.clause == static_cast<int>(r.ci) && m.group != subj_group &&
                       static_cast<int>(&m - ms.data()) != antecedent &&
                       (v.de || (m.first > i && !relative_between(m.first)));
          bool same = shares_code(src_now, m.actor);
          // Judging an event judges its doer: "condemned the Russian invasion",
          // "kritisierte die US-Sanktionen".
          bool judged = v.in(RelationSet::evaluative, tr.relation) && m.prep.empty() &&
                        !m.oblique &&
                        (m.how == Mention::compound || m.how == Mention::adjective) &&
                        m.head >= 0 && v.syn.noun[static_cast<std::size_t>(m.head)];
          // An English phrasal verb's particle ("called on China") is no
          // preposition of its object.
          return other && !same &&
                 (object_np(v, m) || judged ||
                  (!tr.particle.empty() && !v.de && m.prep == tr.particle) ||
                  (m.prep.empty() && !m.attribution && (m.genitive_attr || m.possessive)));
        }));
    if (h.empty() && !v.de) h = author_after_object();
    if (h.empty() && oblique_relative(antecedent))
      h = group_of(ms, ms[static_cast<std::size_t>(antecedent)].group);
    if (h.empty() && may_have_owner() && tree()) return tree_object();
    return h;
  }
  // "Putin, den die Ukraine kritisierte", "Moskau, dem Kiew Angriffe
  // vorwirft": a German relative pronoun in the accusative or dative stands
  // for its antecedent as the verb's object.
  bool oblique_relative(int antecedent) const {
    const SentenceView& v = r.v();
    const Clause& c = r.c();
    if (!v.de || antecedent < 0 || c.type != Clause::rel || subj_lead == antecedent)
      return false;
    std::uint32_t f = c.first;
    while (f < c.last && v.tok[f].kind != TokenKind::word) ++f;
    return f < c.last && v.cls_has(f, kRel) && v.cls_has(f, kDetOblique) &&
           !shares_code(src_now, r.ms()[static_cast<std::size_t>(antecedent)].actor);
  }
  // "rejected calls from Egypt": where the tree hangs "from" on the verb, a
  // phrase right after a statement noun still names who made the statement
  // the verb judges.  Not after other nouns: "rejected refugees from Syria".
  Side author_after_object() const {
    const SentenceView& v = r.v();
    if (!v.in(RelationSet::evaluative, tr.relation)) return {};
    return group_of(r.ms(), first_group(r.ms(), [&](const Mention& m) {
                      return m.clause == static_cast<int>(r.ci) && m.first > i &&
                             v.grammar().author(m.prep) && m.np_first >= i + 2 &&
                             statement_noun(v, static_cast<std::int32_t>(m.np_first) - 1) &&
                             !shares_code(src_now, m.actor);
                    }));
  }
  Side prep_role(const Role& role) const {
    const SentenceView& v = r.v();
    if (passive && v.grammar().is(role.word, kAgentPrep)) return {};
    Side h = group_of(r.ms(), first_group(r.ms(), [&](const Mention& m) {
                        return m.clause == static_cast<int>(r.ci) && m.prep == role.word &&
                               (v.de || m.first > i) &&
                               (v.grammar().is(role.word, kOfPrep | kAgentPrep) ||
                                brokers_between(role) || !of_event_noun(m));
                      }));
    const bool judges = v.in(RelationSet::evaluative, tr.relation);
    if (h.empty() && (v.de ? judges : judges || tr.relation == Relation::PROTEST))
      h = owner_in_phrase(role.word);
    return h;
  }
  // "reagierte besorgt auf das Vorgehen der türkischen Behörden": judging
  // what someone did judges them, the genitive owner of the noun that the
  // role's preposition governs (as "kritisierte das Vorgehen der Türkei");
  // English "protested against the policies of the Israeli government".
  Side owner_in_phrase(std::string_view prep) const {
    const SentenceView& v = r.v();
    const auto& t = v.tok;
    return group_of(r.ms(), first_group(r.ms(), [&](const Mention& m) {
                      const bool owner =
                          v.de ? m.genitive_attr : v.grammar().is(m.prep, kOfPrep);
                      if (m.clause != static_cast<int>(r.ci) || !owner || m.np_first < 2)
                        return false;
                      // Back from the owned noun over its article and adjectives.
                      for (std::uint32_t k = m.np_first - 1; k > 0 && k + 5 > m.np_first;) {
                        --k;
                        if (t[k].fold == prep && v.cls_has(k, kPrep)) return true;
                        if (!v.cls_has(k, kDet | kDetOblique) &&
                            !(t[k].kind == TokenKind::word && !t[k].upper))
                          return false;
                      }
                      return false;
                    }));
  }
  // "agreed to US mediation in the talks with the Palestinians": a phrase the
  // tree hangs on an event noun after the verb is a side of that event, which
  // its noun frame reads, not of the verb -- but for "of" and "by", which
  // name the owner of the object ("demanded the withdrawal of Serbian forces").
  // English only: on German news it changed no event and cost a parse of
  // most sentences with a trigger.  The object noun of a verb-object phrase
  // is part of the verb's event: "lodged a protest with Greece" is one act
  // whose target is Greece, whatever the tree hangs the phrase on.
  bool of_event_noun(const Mention& m) const {
    const SentenceView& v = r.v();
    if (v.de || !v.syn.tree_sentence) return false;
    TreeRole tr = tree_role(v, m, false);
    if (tr.dep != Dep::nmod || tr.to <= static_cast<std::int32_t>(i) ||
        tr.to >= static_cast<std::int32_t>(m.first))
      return false;
    const auto noun = static_cast<std::size_t>(tr.to);
    if (!this->tr.objects.empty() && is_object_word(this->tr, v.tok[noun].fold)) return false;
    return v.syn.noun[noun] != nullptr;
  }
  // "brokered a deal between Israel and Hamas": who mediates meets the
  // parties named on the deal.
  bool brokers_between(const Role& role) const {
    return tr.relation == Relation::CONSULT && !tr.mutual &&
           r.v().grammar().is(role.word, kBetweenPrep);
  }
  Side resolve(const Role& role) const {
    if (role.kind == Role::subj) return subject_role();
    if (role.kind == Role::obj) return object_role();
    if (role.kind == Role::prep) return prep_role(role);
    return {};
  }
};

}  // namespace

namespace {

// "will deploy troops to Poland", "will station troops in Lithuania",
// "Truppen nach Polen verlegen": a destination is where forces go, often an
// ally, not whom they threaten; an intended deployment against or around
// someone is a threat.
bool destination_only(Relation rel, const Side& tgt) {
  return rel == Relation::MOBILIZE && !tgt.empty() &&
         std::all_of(tgt.begin(), tgt.end(), [](const Mention* m) {
           return m->prep == "to" || m->prep == "in" || m->prep == "nach";
         });
}

// "forderte die arabischen Verbündeten auf, ...", "urged the parties to ...":
// a demand of someone who is no actor has no target.  (An actor object would
// have been the target already, so any object noun phrase here names none;
// English: right after the verb.)
bool nonactor_addressee(const SentenceView& v, const Clause& c, std::uint32_t i) {
  const auto& t = v.tok;
  std::uint32_t from = v.de ? static_cast<std::uint32_t>(std::max<std::int32_t>(
                                  c.finite, static_cast<std::int32_t>(c.first))) +
                                  1
                            : i + 1;
  std::uint32_t to = v.de ? c.last : std::min(c.last, i + 2);
  for (std::uint32_t k = from; k < to; ++k) {
    if (!v.cls_has(k, kDet | kDetOblique) || (k > c.first && v.cls_has(k - 1, kPrep))) continue;
    for (std::uint32_t h = k + 1; h < std::min(c.last, k + 4); ++h) {
      if (t[h].kind != TokenKind::word) break;
      if (v.de ? t[h].upper : (!v.cls_has(h, kFunction) && !t[h].upper)) return true;
    }
  }
  return false;
}

}  // namespace

// The frame of trigger verb form `vf` at token `i`: its sides, relation and
// status, and the transforms of intent, willingness and demands.
void VerbReader::read(std::uint32_t i, const VerbForm& vf) {
  const SentenceView& sv = v();
  const Trigger& tr = sv.triggers().at(vf.trigger);
  Trace* trace = sv.trace;
  std::string trig(tok()[i].form);
  if (vf.needs_particle) trig += " ... " + tr.particle;
  if (de() && (vf.types & kAttributive)) {
    if (adjective_participle(i)) return drop(Drop::adjective_participle);
    if (attributive(i, vf, tr, trig)) return;
  }
  if (stative_participle(i, vf)) return drop(Drop::adjective_participle);
  bool reduced = false;
  if (!de() && !english_participle(i, vf, reduced)) return drop(Drop::adjective_participle);
  ToGovernor to = to_governor(i, vf);
  const int fronted = fronted_participle(i, vf);
  bool passive = is_passive(i, vf, reduced) || fronted >= 0;
  if (trace && passive) trace->gate(reduced ? "reduced passive" : "passive");
  // English: the subject is the nearest noun phrase before the verb
  // ("Officials said Iran had supplied ...").
  int subj_lead = demand.subject_override >= 0 ? demand.subject_override : in.roles[ci].subject;
  if (fronted >= 0) subj_lead = fronted;
  if (!de() && demand.subject_override < 0) {
    int near = -1;
    // An apposition is no subject of its own ("Pakistan, a key U.S. ally,").
    for (std::size_t k = 0; k < ms().size(); ++k)
      if (ms()[k].clause == static_cast<int>(ci) && ms()[k].first < i && bare(sv, ms()[k]) &&
          ms()[k].how != Mention::first_person && !in_apposition(sv, ms()[k]) &&
          !(backer_name(sv, ms()[k]) && ms()[k].head != static_cast<std::int32_t>(i)))
        near = ms()[k].group;
    if (near >= 0) subj_lead = near;
  }
  VerbRoles roles{*this, i, tr, passive, reduced, subj_lead, group_of(ms(), subj_lead), {}};
  Side src, tgt;
  for (const Role& r : tr.source)
    if (src.empty()) {
      src = roles.resolve(r);
      if (trace) trace->role("source", role_name(r), src);
    }
  // "Bei Kämpfen von Armee und UN-Soldaten gegen Rebellen in Kongo wurden 30
  // Menschen getötet": the dead of a fight its owner names are no target
  // by place; only the named dead are.
  bool occasion_owner = false;
  if (src.empty() && (passive || tr.victim) && sv.in(RelationSet::instrument, tr.relation)) {
    src = instrument_doer(tr.relation, &occasion_owner);
    if (trace && !src.empty()) trace->role("source", "doer of the act it happened in", src);
  }
  if (src.empty() && (passive || tr.victim) && sv.in(RelationSet::instrument, tr.relation)) {
    src = relative_occasion_doer(tr.relation);
    occasion_owner = !src.empty();
    if (trace && !src.empty()) trace->role("source", "doer of the act a relative clause names", src);
  }
  if (src.empty() && !passive && !de() && sv.in(RelationSet::instrument, tr.relation)) {
    src = event_subject_doer(i, tr.relation);
    if (trace && !src.empty()) trace->role("source", "doer of the event noun as subject", src);
  }
  roles.src_now = src;
  for (const Role& r : tr.target)
    if (tgt.empty()) {
      tgt = roles.resolve(r);
      // The target is never the source itself.
      tgt.erase(std::remove_if(tgt.begin(), tgt.end(),
                               [&](const Mention* m) {
                                 return std::find(src.begin(), src.end(), m) != src.end();
                               }),
                tgt.end());
      if (trace) trace->role("target", role_name(r), tgt);
    }
  if (tgt.empty() && !src.empty() && !occasion_owner &&
      sv.in(RelationSet::on_place, tr.relation)) {
    tgt = place_target(ms(), src, ci);
    if (trace && !tgt.empty()) trace->role("target", "place (in)", tgt);
  }
  // "Die beiden Länder vereinbarten ...", "both sides agreed": a pair
  // description names both sides of an act two parties do together.
  const bool together = tr.mutual || tr.relation == Relation::AGREE ||
                        tr.relation == Relation::CONSULT || tr.relation == Relation::COOPERATE;
  // "Beide Länder beschuldigen sich gegenseitig": the pair acts on itself,
  // each side on the other.
  if ((together || reciprocal(tr)) && tgt.empty() && src.size() == 1 &&
      src[0]->how == Mention::pair && src[0]->second)
    tgt = src;
  if (tr.mutual && tgt.empty() && src.size() >= 2) {
    // "X und Y einigten sich": a mutual act within one group.
    tgt.assign(src.begin() + 1, src.end());
    src.erase(src.begin() + 1, src.end());
  }
  // "Israel exchanged fire with Hezbollah": each side did it to the other.
  if (tr.reciprocal && !tgt.empty()) code(i, tr, trig, passive, to, tgt, src);
  if (!tr.mutual && tgt.empty() && src.size() >= 2 && reciprocal(tr)) {
    // "Indien und Pakistan beschossen sich", "accused each other": each
    // side acts on the others.
    if (trace) trace->gate("reciprocal");
    for (const Mention* a : src) {
      Side others;
      for (const Mention* b : src)
        if (b != a) others.push_back(b);
      code(i, tr, trig, passive, to, Side{a}, others);
    }
    return;
  }
  code(i, tr, trig, passive, to, src, tgt);
}

// A reciprocal word in the clause ("gegenseitig", "each other"), or German
// "sich" as the object of a verb that takes one -- unless an event noun in
// the clause carries the event ("lieferten sich Kämpfe").
bool VerbReader::reciprocal(const Trigger& tr) const {
  if (tr.reciprocal) return true;
  const auto& t = tok();
  bool takes_object = std::any_of(tr.target.begin(), tr.target.end(),
                                  [](const Role& r) { return r.kind == Role::obj; });
  for (std::uint32_t k = c().first; k < c().last; ++k)
    if (v().syn.noun[k] && t[k].upper) takes_object = false;
  for (std::uint32_t k = c().first; k < c().last; ++k) {
    if (v().grammar().reciprocal(t[k].fold)) {
      if (de() || (k > 0 && (t[k - 1].fold == "each" || t[k - 1].fold == "one"))) return true;
    } else if (de() && takes_object && t[k].fold == "sich") {
      return true;
    }
  }
  return false;
}

void VerbReader::code(std::uint32_t i, const Trigger& tr, const std::string& trig, bool passive,
                      const ToGovernor& to, const Side& src, const Side& tgt) {
  const SentenceView& sv = v();
  Trace* trace = sv.trace;
  const ClauseMood& mood = in.moods[ci];
  const Clause& cl = c();
  const Clause* gv = gov();
  const bool negated = mood.negates(i);
  Status st = negated               ? Status::negated
              : demand.hypothetical ? Status::hypothetical
                                    : Status::fact;
  if (trace)
    trace->status(Status::fact, st, negated ? "clause negated" : "clause hypothetical");
  Relation rel = tr.relation;
  for (const auto& [prep, switched] : tr.switches)
    for (std::uint32_t k = cl.first; k < cl.last; ++k)
      if (tok()[k].fold == prep && (cls(k) & kPrep)) rel = switched;
  Provenance why = provenance_of(passive ? Frame::passive_verb : Frame::verb, tr.entry);
  auto set_status = [&](Status s, std::string_view reason) {
    if (trace) trace->status(st, s, reason);
    st = s;
  };
  // Willingness and (English) promises to cooperate are AGREE events
  // themselves (PLOVER: intent to cooperate).
  if (to.relation >= 0) {
    Relation g = static_cast<Relation>(to.relation);
    if (sv.in(RelationSet::refusals, g))
      set_status(Status::negated, "to-infinitive under a refusal");
    else if (sv.in(RelationSet::demands, g))
      set_status(Status::hypothetical, "to-infinitive under a demand");
  }
  if (demand.refused && st != Status::negated)
    set_status(Status::negated, "to-infinitive under a refusal");
  if (to.intent && st == Status::fact)
    set_status(Status::hypothetical, "to-infinitive of intent");
  // "It is feared that Russia will attack": a feared act, announced by nobody.
  const bool feared = cl.feared >= 0 && i > static_cast<std::uint32_t>(cl.feared);
  if (feared && st == Status::fact) set_status(Status::hypothetical, "feared or planned");
  std::size_t before = out.cands.size();
  // The intent to attack, sanction, seize or deploy is a threat (PLOVER codes
  // the announced conflict act as THREATEN).
  bool conflict = sv.in(RelationSet::threat, rel) && !feared && !destination_only(rel, tgt);
  bool conditional_threat = conflict && cl.hypothetical && !negated &&
                            cl.type != Clause::cond && !tgt.empty() && conditioned(sv, ci, i);
  if (conditional_threat ||
      (conflict && !cl.hypothetical && !negated && cl.type != Clause::cond &&
       (to.intent || (cl.intent && !de()) || (cl.intent && de() && cl.type != Clause::zu)))) {
    Provenance threat = why;
    threat.steps.push_back({conditional_threat ? Step::condition_on : Step::intent_to, rel});
    add_pairs(out.cands, src, tgt, sv.transforms.gives(RelationSet::threat), Status::fact, trig,
              threat, i);
    if (st == Status::fact) set_status(Status::hypothetical, "the act threatened");
  }
  // Willingness to do anything cooperative, and the intent to give material
  // help or support ("will support", "wollen zusammenarbeiten"), are offers;
  // an intended meeting stays a hypothetical meeting.  "the US must be ready
  // to mediate": readiness demanded by another is no offer.
  bool obliged = false;
  for (std::uint32_t k = cl.first; k < i && !obliged; ++k)
    obliged = (cls(k) & kObligation) != 0;
  bool willing =
      !obliged && (cl.willing || (gv && gv->willing && cl.type == Clause::zu) || to.willing ||
                   (to.relation >= 0 && static_cast<Relation>(to.relation) == Relation::AGREE));
  bool pledge = (cl.intent || (gv && gv->intent && cl.type == Clause::zu) || to.intent) &&
                !cl.hypothetical;
  if (st != Status::negated && cl.type != Clause::cond &&
      ((willing && sv.in(RelationSet::offer, rel)) ||
       (pledge && sv.in(RelationSet::pledge, rel)))) {
    rel = sv.transforms.gives(willing && sv.in(RelationSet::offer, rel) ? RelationSet::offer
                                                                        : RelationSet::pledge);
    set_status(Status::fact, "an offer is a fact");
    why.steps.push_back({Step::intent_to_cooperate});
  }
  // A demand, offer or threat: the demanded act itself has not happened.
  if (gv && (cl.type == Clause::zu || mood.dass) &&
      (out.clause_relations[static_cast<std::size_t>(cl.governor)] &
       sv.transforms.mask(RelationSet::demands)))
    set_status(Status::hypothetical, "the act of a demand, offer or threat");
  out.clause_relations[ci] |= bit(tr.relation);
  out.triggers.emplace_back(i, tr.relation);
  // ... and accusations whose target is the doer of the reported act ("Ban
  // klagte, es habe in Syrien Bombardierungen gegeben", "kritisierte, dass
  // Russland ...").
  bool nonactor = tr.relation == Relation::REQUEST && nonactor_addressee(sv, cl, i);
  if (tgt.empty() && !src.empty() && sv.in(RelationSet::wants_act, tr.relation)) {
    if (nonactor) {
      if (trace) trace->drop(Drop::nonactor_addressee);
    } else {
      out.pending.push_back(Pending{static_cast<int>(ci), src, rel, st, trig, why, i});
      if (trace) trace->drop(Drop::waits_for_target);
    }
  } else if (trace && (src.empty() || tgt.empty())) {
    trace->drop(src.empty() ? Drop::no_source : Drop::no_target);
  }
  add_pairs(out.cands, src, tgt, rel, st, trig, why, i);
  if (trace)
    for (std::size_t k = before; k < out.cands.size(); ++k) trace->coded(out.cands[k]);
}

// Token `i` of the clause: a trigger verb, or nothing (the noun frames may
// take it).
void VerbReader::token(std::uint32_t i) {
  const auto& t = tok();
  if (t[i].kind != TokenKind::word) return;
  const bool start = sentence_start(t, i);
  Trace* trace = v().trace;
  const auto* entries = v().syn.verb[i];
  if (trace && entries)
    trace->candidate(i, t[i].form, "verb", v().triggers().at(entries->front().trigger).entry);
  // Words that are part of an actor name are no triggers.
  bool in_mention = std::any_of(ms().begin(), ms().end(), [&](const Mention& m) {
    return i >= m.first && i < m.last && m.how != Mention::description &&
           m.how != Mention::pair;
  });
  if (in_mention) {
    out.inside_name[i] = 1;
    if (entries) drop(Drop::inside_name);
    return;
  }
  bool as_noun = false;
  const std::vector<VerbForm>* forms = verb_forms(i, start, as_noun);
  out.verb_entry[i] = forms != nullptr;
  out.as_noun[i] = as_noun;
  if (!forms) return;
  if (as_noun) {
    if (trace) trace->gate("read as a noun");
    return;
  }
  const VerbForm* vf = select_form(i, *forms);
  if (!vf) return drop(Drop::no_fitting_form);
  out.taken[i] = 1;
  const Trigger& tr = v().triggers().at(vf->trigger);
  if (trace) trace->gate(form_name(*vf) + " of " + tr.entry);
  if (attempt(i, tr)) return drop(Drop::attempt);
  if (carries_statement(i, tr)) return drop(Drop::carried_statement);
  read(i, *vf);
}

// The REQUEST candidates of clause `gov`, in token order, as (token, target).
std::vector<std::pair<std::uint32_t, const Mention*>> requests_of(const SentenceView& v,
                                                                  int gov,
                                                                  const VerbFrames& verbs,
                                                                  const NounFrames& nouns) {
  std::vector<std::pair<std::uint32_t, const Mention*>> out;
  for (const auto* list : {&verbs.cands, &nouns.cands})
    for (const Candidate& k : *list)
      if (k.relation == Relation::REQUEST && v.syn.clause_of[k.trigger_token] == gov)
        out.emplace_back(k.trigger_token, k.target);
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

// "forderte die Verbündeten auf, Luftangriffe zu fliegen": a demanded act has
// not happened, and its doer is the one asked (object control), who may be
// no actor at all.
ClauseDemand demand_of(const FrameInputs& in, std::size_t ci, const NounFrames& nouns,
                       const VerbFrames& verbs) {
  const SentenceView& v = in.v;
  const Clause& c = v.syn.clauses[ci];
  ClauseDemand d;
  d.demanded =
      c.governor >= 0 && (c.type == Clause::zu || in.moods[ci].dass) &&
      (verbs.clause_relations[static_cast<std::size_t>(c.governor)] & bit(Relation::REQUEST));
  d.hypothetical = in.moods[ci].hypothetical || d.demanded;
  if (c.type != Clause::zu || c.governor < 0) return d;
  // "weigerte sich, mit Kiew zu verhandeln": the refused act did not happen
  // (unless the refusal is denied: "weigerte sich nicht").
  const auto gov = static_cast<std::size_t>(c.governor);
  for (Relation r : all_relations())
    if ((verbs.clause_relations[gov] & bit(r)) && v.in(RelationSet::refusals, r) &&
        !in.moods[gov].negated)
      d.refused = true;
  auto requests = requests_of(v, c.governor, verbs, nouns);
  if (!requests.empty()) d.subject_override = index_in(in.ms, requests.front().second);
  if (d.demanded)
    for (const auto& [at, target] : requests)
      if (index_in(in.ms, target) >= 0) d.asked = index_in(in.ms, target);
  return d;
}

}  // namespace

void verb_frames(const FrameInputs& in, std::size_t ci, const NounFrames& nouns,
                 VerbFrames& out) {
  const SentenceView& v = in.v;
  const Clause& c = v.syn.clauses[ci];
  if (ci == 0) {  // a new sentence
    std::size_t n = v.tok.size();
    out.cands.clear();
    out.pending.clear();
    out.triggers.clear();
    out.demand.assign(v.syn.clauses.size(), ClauseDemand{});
    out.clause_relations.assign(v.syn.clauses.size(), 0);
    out.verb_entry.assign(n, 0);
    out.as_noun.assign(n, 0);
    out.taken.assign(n, 0);
    out.inside_name.assign(n, 0);
  }
  ClauseDemand& d = out.demand[ci];
  d = demand_of(in, ci, nouns, out);
  if (v.trace && d.demanded) v.trace->gate("clause under a demand");
  VerbReader r{in, ci, out, d};
  for (std::uint32_t i = c.first; i < c.last; ++i) r.token(i);
}

}  // namespace geokg
