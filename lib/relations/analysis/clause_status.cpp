// Clause status: each clause's type (main, subordinate, conditional,
// relative, zu-infinitive, purpose, coordinated), the clause it depends on,
// its finite verb, and what its status words say: negation, possibility,
// intent, willingness, passive, a subject that undergoes, a denied
// complement.
//
// Reads: the tokens; syn.classes, syn.verb; the clauses' first and last.
// Writes: clauses: type, governor, finite, negated, neg_to, hypothetical,
//         intent, willing, undergo, neg_complement, passive, feared.
#include <algorithm>

#include "relations/analysis/units.hpp"
#include "relations/analysis/word_shape.hpp"

namespace geokg {

using namespace analysis;  // word_shape.hpp

namespace {

bool has_form(const std::vector<VerbForm>* forms, std::uint32_t types) {
  if (forms)
    for (const VerbForm& vf : *forms)
      if (vf.types & types) return true;
  return false;
}

// The type its first word gives clause `ci`; returns that word (after a
// coordinator).
// "Die Türkei erklärte, die Ukraine habe Russland angegriffen": after a verb,
// an article opening a verb-second clause starts reported speech, not a
// relative clause (which follows its noun and ends with its finite verb).
bool reported_speech(const AnalysisView& v, const Clause& c, std::uint32_t f) {
  const auto& tok = v.tok;
  std::uint32_t p = c.first;
  while (p > 0 && !is_word(tok[p - 1])) --p;
  if (p == 0 || tok[p - 1].upper || !is_verbal(tok[p - 1], v.cls(p - 1), v.syn.verb[p - 1], v.ctx, false))
    return false;
  std::uint32_t e = c.last;
  while (e > f && !is_word(tok[e - 1])) --e;
  // The noun of the article's phrase (after its adjectives), then the finite verb.
  std::uint32_t h = f + 1;
  while (h < e && is_word(tok[h]) && !tok[h].upper && h < f + 4) ++h;
  if (h >= e || !tok[h].upper) return false;
  std::uint32_t verb = h + 1;
  auto verbal = [&](std::uint32_t k) {
    return is_word(tok[k]) && !tok[k].upper &&
           is_verbal(tok[k], v.cls(k), v.syn.verb[k], v.ctx, false);
  };
  if (verb + 1 >= e || !verbal(verb)) return false;
  // "..., das von türkischen Kampffliegern angegriffen worden sei": only
  // verbs follow the noun, the cluster that closes a relative clause.
  for (std::uint32_t k = verb + 1; k < e; ++k)
    if (!verbal(k)) return true;
  return false;
}

std::uint32_t clause_type(const AnalysisView& v, std::size_t ci, Clause& c) {
  const auto& tok = v.tok;
  const bool de = v.de;
  std::uint32_t f = c.first;
  while (f < c.last && !is_word(tok[f])) ++f;
  if (f < c.last && (v.cls(f) & (kCoord | kCoordClause))) {
    c.type = Clause::coord;
    ++f;
  }
  if (f >= c.last) return f;
  std::uint64_t cf = v.cls(f);
  if (cf & kSubCond) c.type = Clause::cond;
  else if (cf & kSub) c.type = Clause::sub;
  else if (de && (cf & kPurpose)) c.type = Clause::purpose;
  else if (ci > 0 && (cf & kRel) && (de ? !reported_speech(v, c, f) : !(cf & kSub)))
    c.type = Clause::rel;
  else if (ci > 0 && de && (cf & kPrep) && f + 1 < c.last && (v.cls(f + 1) & kRel) &&
           (tok[f + 1].fold.substr(0, 2) == "de" || tok[f + 1].fold.substr(0, 3) == "wel"))
    c.type = Clause::rel;
  else if (!de && (cf & kInfMarker) && f + 1 < c.last && v.syn.verb[f + 1])
    c.type = Clause::zu;
  return f;
}

// "..., der Armee mit Kampfjets zu helfen": a clause that closes with a
// zu-infinitive is one, whatever article opens it.
bool ends_in_zu_infinitive(const AnalysisView& v, const Clause& c) {
  std::uint32_t e = c.last;
  while (e > c.first && !is_word(v.tok[e - 1])) --e;
  bool zu_end = e >= c.first + 2 && (v.cls(e - 2) & kInfMarker) && !v.tok[e - 1].upper;
  if (e > c.first) zu_end |= has_form(v.syn.verb[e - 1], kZuInfinitive);
  return zu_end;
}

// A German main clause without a finite verb but with "zu" + infinitive.
bool bare_zu_clause(const AnalysisView& v, const Clause& c) {
  const auto& tok = v.tok;
  bool zu = false;
  for (std::uint32_t i = c.first; i < c.last; ++i)
    if ((v.cls(i) & kInfMarker) && i + 1 < c.last && is_word(tok[i + 1]) && !tok[i + 1].upper &&
        (i + 2 >= c.last || !is_word(tok[i + 2]) || v.syn.verb[i + 1] ||
         adjective_like(tok[i + 1].fold))) {
      bool finite_before = false;
      for (std::uint32_t k = c.first; k < i; ++k)
        finite_before |= (v.cls(k) & (kAux | kModalHypo | kIntent | kFuture | kSpeech)) != 0;
      if (!finite_before && (i + 2 >= c.last || !is_word(tok[i + 2]))) zu = true;
    }
  if (zu) return true;
  // A zu-infinitive form ("abzulehnen") before punctuation or the clause end.
  for (std::uint32_t i = c.first; i < c.last; ++i)
    if (has_form(v.syn.verb[i], kZuInfinitive) && !tok[i].upper &&
        (i + 1 >= c.last || tok[i + 1].kind != TokenKind::word))
      return true;
  return false;
}

// The finite verb: the first verbal word (German main clauses: the left
// bracket; subordinate clauses: the last verbal word).
void finite_verb(const AnalysisView& v, std::uint32_t f, Clause& c) {
  for (std::uint32_t i = f; i < c.last; ++i) {
    if (!is_verbal(v.tok[i], v.cls(i), v.syn.verb[i], v.ctx, i == 0)) continue;
    c.finite = static_cast<std::int32_t>(i);
    if (c.type == Clause::main || c.type == Clause::coord || !v.de) break;
  }
}

// "said it would ...": reported future, an announced intent.
bool reported_would(const AnalysisView& v, std::uint32_t i, std::uint32_t content_verb) {
  if (v.de || !(v.cls(i) & kReportive) || i >= content_verb) return false;
  for (std::uint32_t j = 0; j < i; ++j)
    if (v.cls(j) & kSpeech) return true;
  return false;
}

// "soll ... angegriffen haben": evidential, a reported past act, not a
// possibility ("sollte ... haben" stays counterfactual).
bool evidential(const AnalysisView& v, const Clause& c, std::uint32_t i) {
  const auto& tok = v.tok;
  if (!v.de || !(v.cls(i) & kModalHypo) || !(v.cls(i) & kReportive)) return false;
  for (std::uint32_t j = i + 2; j < c.last; ++j) {
    std::string_view f = tok[j].fold;
    if (f != "haben" && f != "sein") continue;
    std::string_view pv = tok[j - 1].fold;
    // "ge-" participles, also after a separable particle ("eingesetzt").
    bool participle = pv == "worden" ||
                      (pv.size() > 4 && pv.find("ge") != std::string_view::npos &&
                       (pv.back() == 't' || pv.substr(pv.size() - 2) == "en"));
    participle |= has_form(v.syn.verb[j - 1], kParticiple);
    if (participle && !tok[j - 1].upper) return true;
  }
  return false;
}

// "Ein Offizier sagte, die Soldaten hätten Waffen beschlagnahmt", "laut
// Aktivisten wären die Truppen einmarschiert": in reported speech a
// Konjunktiv II perfect reports a past act, as Konjunktiv I does.  Not when
// the auxiliary opens its clause ("Hätte Russland ... angegriffen, ...") or
// a condition makes it counterfactual ("..., wenn ..."), and only when a
// participle closes the clause ("hätte angreifen können" stays possible).
// The speech may be reported in the sentence before ("Die USA seien besorgt.
// Doch beide Länder hätten ihre Zusammenarbeit verstärkt.").
bool reported_past(const AnalysisView& v, const Clause& c, std::uint32_t i) {
  const auto& tok = v.tok;
  if (!v.de || !v.ctx.grammar.reported_past(tok[i].fold)) return false;
  std::uint32_t f = c.first, e = c.last;
  while (f < e && !is_word(tok[f])) ++f;
  while (e > f && !is_word(tok[e - 1])) --e;
  if (i <= f || e <= i + 1 || tok[e - 1].upper) return false;
  // Only modals take an infinitive after hätte/wäre (Ersatzinfinitiv), so a
  // plain word in -t or -en closing the clause is a participle ("verstärkt").
  std::string_view last = tok[e - 1].fold;
  bool modal = last == "dürfen" || last == "lassen" || last == "mögen";
  bool participle = last == "worden" || has_form(v.syn.verb[e - 1], kParticiple) ||
                    (no_function_class(v.cls(e - 1)) && !modal && last.size() > 3 &&
                     (last.back() == 't' || last.substr(last.size() - 2) == "en"));
  if (!participle) return false;
  bool reported = v.ctx.reported_before;
  for (std::uint32_t k = 0; k < v.n; ++k) {
    if (v.cls(k) & kSubCond) return false;
    if ((k < c.first || k >= c.last) && (v.cls(k) & kSpeech)) reported = true;
    if (v.cls(k) & kAttrib) reported = true;
  }
  return reported;
}

// werden + infinitive is future; werden + participle is passive.  A
// subordinate clause ends with the auxiliary after its infinitive ("dass
// Russland angreifen wird").
bool future_infinitive(const AnalysisView& v, const Clause& c, std::uint32_t i) {
  bool participle = false, infinitive = false;
  const bool verb_final = c.type != Clause::main && c.type != Clause::coord && i > c.first &&
                          (i + 1 >= c.last || !is_word(v.tok[i + 1]));
  for (std::uint32_t j = verb_final ? i - 1 : i + 1; j < c.last && (!verb_final || j < i); ++j)
    if (const auto* forms = v.syn.verb[j]; forms && !v.tok[j].upper)
      for (const VerbForm& vf : *forms) {
        participle |= (vf.types & kParticiple) != 0;
        infinitive |= (vf.types & kInfinitive) != 0 && !(vf.types & kParticiple);
      }
  return infinitive && !participle;
}

// A passive auxiliary at `i` with a participle after it (English: within
// three words) or, in German, anywhere before it in the clause.
bool passive_at(const AnalysisView& v, const Clause& c, std::uint32_t i) {
  const auto& tok = v.tok;
  const bool de = v.de;
  for (std::uint32_t j = i + 1; j < std::min(c.last, de ? c.last : i + 4); ++j)
    if ((!de || !tok[j].upper) && has_form(v.syn.verb[j], kParticiple)) return true;
  if (de && i > c.first)
    for (std::uint32_t j = c.first; j < i; ++j)
      if (!tok[j].upper && has_form(v.syn.verb[j], kParticiple)) return true;
  return false;
}

// English modals and words of intent stand before the verb they govern: "is
// pushing for ... its debt relief plan" is no plan to push.  The first
// content verb, or the clause end.
std::uint32_t content_verb(const AnalysisView& v, const Clause& c) {
  if (v.de) return c.last;
  for (std::uint32_t i = c.first; i < c.last; ++i)
    if (v.syn.verb[i] && is_word(v.tok[i]) && !v.tok[i].upper &&
        !(v.cls(i) & (kAux | kAuxPassive | kModalHypo | kIntent | kFuture | kFunction)))
      return i;
  return c.last;
}

// "Kiew befürchtet, dass ...", "fears that ...", "feared Russia would ...":
// what follows a word of fearing or planning is feared or planned, not done.
// The token after which it is; a German complement clause follows the comma
// after the word.
std::int32_t feared_from(const AnalysisView& v, const Clause& c) {
  std::uint32_t e = c.last;
  while (e > c.first && !is_word(v.tok[e - 1])) --e;
  for (std::uint32_t i = c.first; i < e; ++i) {
    if (!(v.cls(i) & kProspect)) continue;
    if (i + 1 == e) return static_cast<std::int32_t>(i);
    if (v.cls(i + 1) & kComplementizer) return static_cast<std::int32_t>(i + 1);
    // An English verb takes a bare complement ("Kiev feared Russia would
    // attack"); a noun after an article or a preposition does not ("the risk
    // Iran poses").
    bool verb = i > c.first && !(v.cls(i - 1) & kFunction);
    if (!v.de && verb && !v.tok[i].upper && is_word(v.tok[i + 1]) && v.tok[i + 1].upper)
      return static_cast<std::int32_t>(i);
  }
  return -1;
}

// English "is expected to meet", "are due to visit", "was set to sign": a
// planned or expected act after a form of "be" and a word of planning or
// possibility (hypo_adj_stem) before a to-infinitive.
bool expected_to(const AnalysisView& v, const Clause& c, std::uint32_t i) {
  if (v.de || !(v.cls(i) & kHypoAdj) || i <= c.first || i + 2 >= c.last) return false;
  const Token& verb = v.tok[i + 2];
  return (v.cls(i - 1) & kAuxPassive) && (v.cls(i + 1) & kInfMarker) && is_word(verb) &&
         !verb.upper && !(v.cls(i + 2) & kFunction);
}

// German "Obama wird zu einem Besuch in Hanoi erwartet", "ein Treffen wurde
// vorgeschlagen": a word of planning or possibility (hypo_adj_stem) as the
// participle that closes a clause with a form of "werden".
bool expected_passive(const AnalysisView& v, const Clause& c, std::uint32_t i) {
  if (!v.de || !(v.cls(i) & kHypoAdj) || v.tok[i].upper || i <= c.first) return false;
  std::uint32_t e = c.last;
  while (e > i + 1 && !is_word(v.tok[e - 1])) --e;
  for (std::uint32_t k = i + 1; k < e; ++k)
    if (!(v.cls(k) & (kAux | kAuxPassive))) return false;
  for (std::uint32_t k = c.first; k < i; ++k)
    if (v.cls(k) & kAuxPassive) return true;
  return false;
}

// English "denied that it attacked", "denies it attacked", "denied
// attacking", "denied the charge that it shelled": a denying verb before its
// content clause or gerund, or before a short noun phrase whose content
// clause follows.  English clauses do not split there, so only what follows
// the verb is negated; the denial itself ("denied the charge") stays a fact.
bool denies_what_follows(const AnalysisView& v, const Clause& c, std::uint32_t i) {
  if (v.de || !(v.cls(i) & kNegVerb) || i + 2 >= c.last) return false;
  const Token& next = v.tok[i + 1];
  if (!is_word(next)) return false;
  const bool gerund = next.fold.size() > 4 && next.fold.ends_with("ing");
  if ((v.cls(i + 1) & (kComplementizer | kPron)) || gerund) return true;
  for (std::uint32_t k = i + 2; k < std::min(c.last, i + 6) && is_word(v.tok[k]); ++k)
    if (v.cls(k) & kComplementizer) return true;
  return false;
}

// The status words of the clause.
void status_words(const AnalysisView& v, Clause& c) {
  const std::uint32_t verb = content_verb(v, c);
  std::int32_t sub = -1;  // English: a subordinator after the content verb
  for (std::uint32_t i = c.first; i < c.last; ++i) {
    std::uint64_t k = v.cls(i);
    if (i > verb) k &= ~(kModalHypo | kIntent | kFuture);
    if (!v.de && i > verb && sub < 0 && (k & (kSub | kSubCond)))
      sub = static_cast<std::int32_t>(i);
    if (k & kNeg) {
      // "nicht nur ... sondern auch" is no negation; "with no end in sight"
      // denies only its own phrase.
      bool only = i + 1 < c.last && (v.cls(i + 1) & kOnly);
      bool phrase = i > c.first && (v.cls(i - 1) & kNegPhrase);
      // "kritisierte Wien als nicht hilfreich": a negation right after a
      // predicative "als" inside the clause denies the predicate, not the act.
      phrase = phrase || (i > c.first + 1 && (v.cls(i - 1) & kAs));
      // "urged Israel not to attack": English "not" before "to" denies the
      // infinitive after it, not the demand or promise before it; "attacked
      // Gaza after Hamas did not release": a negation after a subordinator
      // that follows the verb denies only the subordinate clause.
      bool infinitive = !v.de && i + 1 < c.last && (v.cls(i + 1) & kInfMarker);
      std::int32_t from = infinitive ? static_cast<std::int32_t>(i) : sub;
      if (!only && !phrase && from < 0) c.negated = true;
      else if (!only && !phrase && (c.neg_to < 0 || from < c.neg_to)) c.neg_to = from;
    }
    if (reported_would(v, i, verb)) c.intent = true;
    else if ((k & (kModalHypo | kHypoAdv)) && !evidential(v, c, i) && !reported_past(v, c, i))
      c.hypothetical = true;
    if (expected_to(v, c, i) || expected_passive(v, c, i)) c.hypothetical = true;
    if (k & kIntent) c.intent = true;
    if (k & kWilling) c.willing = true;
    if (v.de && v.ctx.grammar.decision(v.tok[i].fold)) c.decision = true;
    if (k & kUndergo) c.undergo = true;
    if (k & kNegVerb) c.neg_complement = true;
    // "has yet to withdraw": the act after it has not happened.
    const bool yet_to = !v.de && v.tok[i].fold == "yet" && i + 1 < c.last &&
                        (v.cls(i + 1) & kInfMarker);
    if ((yet_to || denies_what_follows(v, c, i)) &&
        (c.neg_to < 0 || static_cast<std::int32_t>(i) < c.neg_to))
      c.neg_to = static_cast<std::int32_t>(i);
    // A future in a subordinate clause is often someone else's forecast
    // ("Merkel glaubt, dass Russland angreifen wird"): not done, but no
    // stated intent of its subject either.
    if (v.de && (k & kFuture) && !(k & kAux) && future_infinitive(v, c, i))
      (c.type == Clause::main || c.type == Clause::coord ? c.intent : c.hypothetical) = true;
    if ((k & kAuxPassive) && passive_at(v, c, i)) c.passive = true;
  }
}

}  // namespace

void find_clause_status(const Sentence& s, const AnalyzerContext& ctx,
                        const SentenceSyntax& syn, std::vector<Clause>& clauses) {
  const AnalysisView v{s, ctx, syn};
  for (std::size_t ci = 0; ci < clauses.size(); ++ci) {
    Clause& c = clauses[ci];
    c.governor = ci == 0 ? -1 : static_cast<int>(ci) - 1;
    const std::uint32_t f = clause_type(v, ci, c);
    if (v.de && c.type == Clause::rel && ends_in_zu_infinitive(v, c)) c.type = Clause::zu;
    if ((c.type == Clause::main || c.type == Clause::coord) && v.de && bare_zu_clause(v, c))
      c.type = Clause::zu;
    finite_verb(v, f, c);
    status_words(v, c);
    c.feared = feared_from(v, c);
    // "Wir haben nicht erlebt, dass ...": a negated matrix clause without an
    // event of its own negates the complement it introduces.
    if (c.negated && (c.type == Clause::main || c.type == Clause::coord))
      c.neg_complement = true;
    if (c.type == Clause::cond) c.hypothetical = true;
  }
}

}  // namespace geokg
