#include "relations/analysis/syntax.hpp"

#include <algorithm>

#include "relations/analysis/units.hpp"
#include "relations/analysis/word_shape.hpp"

namespace geokg {
namespace {

// Working lists, per thread so that their capacity carries over to the next
// sentence.  Reached through a call that is not inlined: GCC folds a
// reference to a thread_local back into the variable, and in a shared
// library every use of the variable is then a __tls_get_addr call.
struct Scratch {
  std::vector<ActorMatch> names;
  TokenLookups lookups;
};
[[gnu::noinline]] Scratch& thread_scratch() {
  thread_local Scratch scratch;
  return scratch;
}

}  // namespace

SentenceSyntax& thread_syntax() {
  thread_local SentenceSyntax syntax;
  return syntax;
}

bool is_verbal(const Token& t, std::uint64_t classes, const std::vector<VerbForm>* verb,
               const AnalyzerContext& ctx, bool sentence_start) {
  if (!is_word(t)) return false;
  if (classes & (kAux | kAuxPassive | kModalHypo | kIntent | kFuture | kSpeech | kNegVerb |
                 kUndergo))
    return true;
  if (ctx.lang == Lang::de && t.upper && !sentence_start) return false;
  if (const auto* v = verb)
    for (const VerbForm& f : *v)
      if (f.types & (kFinite | kParticiple | kInfinitive)) return true;
  return false;
}

SentenceSyntax analyze_sentence(const Sentence& s, const AnalyzerContext& ctx) {
  SentenceSyntax out;
  analyze_sentence(s, ctx, out, false);
  return out;
}

bool analyze_sentence(const Sentence& s, const AnalyzerContext& ctx, SentenceSyntax& out,
                      bool need_mentions) {
  out.mentions.clear();
  out.clauses.clear();
  // References, not a structured binding: clang before 16 cannot capture one.
  Scratch& scratch = thread_scratch();
  auto& matches = scratch.names;
  const auto& tok = s.tokens;
  const auto n = static_cast<std::uint32_t>(tok.size());
  const bool de = ctx.lang != Lang::en;
  read_token_classes(s, ctx, scratch.lookups, out);
  find_actor_names(s, ctx, scratch.lookups, matches);
  // Every mention is an actor name, a pronoun or a description; a sentence
  // with none of them needs no clauses.  Half of all sentences.
  if (need_mentions && !may_have_mentions(out, matches)) return false;
  read_trigger_entries(s, ctx, scratch.lookups, out);
  auto cls = [&](std::uint32_t i) { return i < n ? out.classes[i] : std::uint64_t{0}; };

  find_clauses(s, ctx, out, matches, out.clauses, out.clause_of);

  find_mentions(s, ctx, out, matches, out.mentions);

  find_noun_phrases(s, ctx, out, out.mentions);

  find_coordination(s, ctx, out, out.mentions);

  // --- clause types, finite verbs, status -------------------------------------
  for (std::size_t ci = 0; ci < out.clauses.size(); ++ci) {
    Clause& c = out.clauses[ci];
    c.governor = ci == 0 ? -1 : static_cast<int>(ci) - 1;
    std::uint32_t f = c.first;
    while (f < c.last && !is_word(tok[f])) ++f;
    if (f < c.last && (cls(f) & (kCoord | kCoordClause))) {
      c.type = Clause::coord;
      ++f;
    }
    if (f < c.last) {
      std::uint64_t cf = cls(f);
      std::string_view w = tok[f].fold;
      if (cf & kSubCond) c.type = Clause::cond;
      else if (cf & kSub) c.type = Clause::sub;
      else if (de && w == "um") c.type = Clause::purpose;
      else if (ci > 0 && (cf & kRel) && (de || !(cf & kSub))) c.type = Clause::rel;
      else if (ci > 0 && de && (cf & kPrep) && f + 1 < c.last && (cls(f + 1) & kRel) &&
               (tok[f + 1].fold.substr(0, 2) == "de" || tok[f + 1].fold.substr(0, 3) == "wel"))
        c.type = Clause::rel;
      else if (!de && w == "to" && f + 1 < c.last && out.verb[f + 1])
        c.type = Clause::zu;
    }
    // "..., der Armee mit Kampfjets zu helfen": a clause that closes with a
    // zu-infinitive is one, whatever article opens it.
    if (de && c.type == Clause::rel) {
      std::uint32_t e = c.last;
      while (e > c.first && !is_word(tok[e - 1])) --e;
      bool zu_end = e >= c.first + 2 && tok[e - 2].fold == "zu" && !tok[e - 1].upper;
      if (const auto* v = e > c.first ? out.verb[e - 1] : nullptr)
        for (const VerbForm& vf : *v) zu_end |= (vf.types & kZuInfinitive) != 0;
      if (zu_end) c.type = Clause::zu;
    }
    if (c.type == Clause::main || c.type == Clause::coord) {
      // A German clause without a finite verb but with "zu" + infinitive.
      for (std::uint32_t i = c.first; de && i < c.last; ++i)
        if (is_zu(tok[i]) && i + 1 < c.last && is_word(tok[i + 1]) && !tok[i + 1].upper &&
            (i + 2 >= c.last || !is_word(tok[i + 2]) ||
             out.verb[i + 1] || adjective_like(tok[i + 1].fold))) {
          bool finite_before = false;
          for (std::uint32_t k = c.first; k < i; ++k)
            finite_before |= (cls(k) & (kAux | kModalHypo | kIntent | kFuture | kSpeech)) != 0;
          if (!finite_before && (i + 2 >= c.last || !is_word(tok[i + 2]))) c.type = Clause::zu;
        }
      if (de && c.type != Clause::zu)
        for (std::uint32_t i = c.first; i < c.last; ++i)
          if (const auto* v = out.verb[i])
            for (const VerbForm& vf : *v)
              if ((vf.types & kZuInfinitive) && !tok[i].upper &&
                  (i + 1 >= c.last || tok[i + 1].kind != TokenKind::word))
                c.type = Clause::zu;
    }
    // The finite verb: the first verbal word (German main clauses: the left
    // bracket; subordinate clauses: the last verbal word).
    for (std::uint32_t i = f; i < c.last; ++i) {
      if (!is_verbal(tok[i], cls(i), out.verb[i], ctx, i == 0)) continue;
      if (c.type == Clause::main || c.type == Clause::coord || !de) {
        c.finite = static_cast<std::int32_t>(i);
        break;
      }
      c.finite = static_cast<std::int32_t>(i);
    }
    // Status words of the clause.  English modals and words of intent stand
    // before the verb they govern: "is pushing for ... its debt relief plan"
    // is no plan to push.
    std::uint32_t content_verb = c.last;
    if (!de)
      for (std::uint32_t i = c.first; i < c.last && content_verb == c.last; ++i)
        if (out.verb[i] && is_word(tok[i]) && !tok[i].upper &&
            !(cls(i) & (kAux | kAuxPassive | kModalHypo | kIntent | kFuture | kFunction)))
          content_verb = i;
    for (std::uint32_t i = c.first; i < c.last; ++i) {
      std::uint64_t k = cls(i);
      if (i > content_verb) k &= ~(kModalHypo | kIntent | kFuture);
      if (k & kNeg) {
        // "nicht nur ... sondern auch" is no negation.
        bool only = i + 1 < c.last && (tok[i + 1].fold == "nur" || tok[i + 1].fold == "only");
        if (!only) c.negated = true;
      }
      // "said it would ...": reported future, an announced intent.
      bool reported_would = false;
      if (!de && tok[i].fold == "would" && i < content_verb)
        for (std::uint32_t j = 0; j < i && !reported_would; ++j) reported_would = (cls(j) & kSpeech) != 0;
      // "soll ... angegriffen haben": evidential, a reported past act, not a
      // possibility ("sollte ... haben" stays counterfactual).
      bool evidential = false;
      if (de && (k & kModalHypo) && (tok[i].fold == "soll" || tok[i].fold == "sollen"))
        for (std::uint32_t j = i + 2; j < c.last && !evidential; ++j) {
          std::string_view f = tok[j].fold;
          if (f != "haben" && f != "sein") continue;
          std::string_view pv = tok[j - 1].fold;
          // "ge-" participles, also after a separable particle ("eingesetzt").
          bool participle = pv == "worden" ||
                            (pv.size() > 4 && pv.find("ge") != std::string_view::npos &&
                             (pv.back() == 't' || pv.substr(pv.size() - 2) == "en"));
          if (const auto* v = out.verb[j - 1])
            for (const VerbForm& vf : *v) participle |= (vf.types & kParticiple) != 0;
          evidential = participle && !tok[j - 1].upper;
        }
      if (reported_would) c.intent = true;
      else if ((k & (kModalHypo | kHypoAdv)) && !evidential) c.hypothetical = true;
      if (k & kIntent) c.intent = true;
      if (k & kWilling) c.willing = true;
      if (k & kUndergo) c.undergo = true;
      if (k & kNegVerb) c.neg_complement = true;
      if (de && (k & kFuture) && !(k & kAux)) {
        // werden + infinitive is future; werden + participle is passive.
        bool participle = false, infinitive = false;
        for (std::uint32_t j = i + 1; j < c.last; ++j)
          if (const auto* v = out.verb[j]; v && !tok[j].upper)
            for (const VerbForm& vf : *v) {
              participle |= (vf.types & kParticiple) != 0;
              infinitive |= (vf.types & kInfinitive) != 0 && !(vf.types & kParticiple);
            }
        if (infinitive && !participle) c.intent = true;
      }
      if (k & kAuxPassive) {
        for (std::uint32_t j = de ? i + 1 : i + 1; j < std::min(c.last, de ? c.last : i + 4); ++j)
          if (const auto* v = out.verb[j]; v && (!de || !tok[j].upper))
            for (const VerbForm& vf : *v)
              if (vf.types & kParticiple) c.passive = true;
        if (de && i > c.first)
          for (std::uint32_t j = c.first; j < i; ++j)
            if (const auto* v = out.verb[j]; v && !tok[j].upper)
              for (const VerbForm& vf : *v)
                if (vf.types & kParticiple) c.passive = true;
      }
    }
    if (c.negated && (c.type == Clause::main || c.type == Clause::coord)) {
      // "Wir haben nicht erlebt, dass ...": a negated matrix clause without an
      // event of its own negates the complement it introduces.
      c.neg_complement = true;
    }
    if (c.type == Clause::cond) c.hypothetical = true;
  }
  return true;
}

}  // namespace geokg
