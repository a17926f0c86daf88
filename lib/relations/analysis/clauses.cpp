// Clauses: the sentence cut at punctuation into segments, segments without a
// verb joined to their neighbours, German right brackets joined to their
// auxiliaries, English verb phrases after "and" split off.
//
// Reads: the tokens; syn.classes, syn.verb, syn.noun; the actor names;
//        ctx.triggers (German participles and infinitives).
// Writes: clauses (first and last token only) and clause_of.
#include <algorithm>
#include <utility>

#include "relations/analysis/units.hpp"
#include "relations/analysis/word_shape.hpp"

namespace geokg {

using namespace analysis;  // word_shape.hpp

namespace {

using Span = std::pair<std::uint32_t, std::uint32_t>;  // tokens [first, second)

struct ClauseScratch {
  std::vector<Span> segs, merged;
};
// Per thread, so that the capacity carries over to the next sentence; reached
// through a call that is not inlined: GCC folds a reference to a thread_local
// back into the variable, and in a shared library every use is then a
// __tls_get_addr call.
[[gnu::noinline]] ClauseScratch& clause_scratch() {
  thread_local ClauseScratch scratch;
  return scratch;
}

void cut_at_punctuation(const AnalysisView& v, std::vector<Span>& segs) {
  std::uint32_t start = 0;
  for (std::uint32_t i = 0; i < v.n; ++i) {
    const Token& t = v.tok[i];
    bool boundary = t.kind == TokenKind::punct &&
                    (t.form == "," || t.form == ";" || t.form == ":" ||
                     (t.form == "-" && !compound_hyphen(v.s, i)) || t.form == "\u2013" ||
                     t.form == "\u2014" || t.form == "?" || t.form == "!");
    if (boundary) {
      if (i > start) segs.emplace_back(start, i);
      start = i + 1;
    }
  }
  if (start < v.n) segs.emplace_back(start, v.n);
}

// A segment with a subordinator or a word that may be its verb.
bool has_verb(const AnalysisView& v, std::uint32_t first, std::uint32_t last) {
  const auto& tok = v.tok;
  const bool de = v.de;
  for (std::uint32_t i = first; i < last; ++i) {
    if (!is_word(tok[i])) continue;
    std::uint64_t c = v.cls(i);
    if (c & (kSub | kSubCond)) return true;
    if (is_verbal(tok[i], c, v.syn.verb[i], v.ctx, i == 0)) return true;
    // "Die EU kündigte an, ...": a verb of deciding ends in -e like an
    // adjective, so its shape alone does not tell it is one.
    if (de && !tok[i].upper && v.ctx.grammar.decision(tok[i].fold)) return true;
    // "Die Armee verübte einen Angriff": a past form in -te/-ten between a
    // noun and an article is the finite verb, though it ends like an adjective.
    if (de && i > first && i + 1 < last && tok[i - 1].upper && !tok[i].upper &&
        !(c & kFunction) && (tok[i].fold.ends_with("te") || tok[i].fold.ends_with("ten")) &&
        tok[i].fold.size() > 4 && (v.cls(i + 1) & (kDet | kDetOblique)))
      return true;
    if (!tok[i].upper && !(c & kFunction) && !de) return true;
    if (de && i > first && (v.cls(i - 1) & kInfMarker) && !tok[i].upper)
      return true;  // zu + infinitive
    if (!tok[i].upper && !(c & kFunction) && de && !adjective_like(tok[i].fold) &&
        tok[i].fold.size() > 3 && finite_like(tok[i].fold) &&
        !(i > first && (v.cls(i - 1) & (kDet | kDetOblique))))
      return true;
    // Verb-second: a lower-case word right after an opening noun is the
    // finite verb, whatever its ending ("Aktivisten machen Russland ...").
    if (de && i == first + 1 && tok[first].upper && is_word(tok[first]) &&
        !(v.cls(first) & kFunction) && !tok[i].upper && !(c & kFunction) &&
        tok[i].fold.size() > 3 && finite_like(tok[i].fold))
      return true;
  }
  return false;
}

// A bare zu-infinitive segment ("..., zu bombardieren").
bool bare_zu(const AnalysisView& v, Span seg) {
  std::uint32_t f = seg.first;
  while (f < seg.second && !is_word(v.tok[f])) ++f;
  if (f >= seg.second) return false;
  if ((v.cls(f) & kInfMarker) && f + 1 < seg.second && !v.tok[f + 1].upper) return true;
  if (const auto* forms = v.syn.verb[f])
    for (const VerbForm& vf : *forms)
      if (vf.types & kZuInfinitive) return true;
  return false;
}

// A segment without a verb-like word (an apposition, a list of names) belongs
// to the clause before it.  A bare zu-infinitive segment takes the verbless
// segments before it as its objects: "gibt an, Stellungen des IS, zu
// bombardieren".
void join_verbless(const AnalysisView& v, const std::vector<Span>& segs,
                   std::vector<Span>& merged) {
  std::uint32_t carry = UINT32_MAX;  // start of verbless segments waiting for a clause
  for (std::size_t si = 0; si < segs.size(); ++si) {
    auto [first, last] = segs[si];
    if (carry != UINT32_MAX) {
      first = carry;
      carry = UINT32_MAX;
    }
    const bool content = has_verb(v, first, last);
    const bool more = si + 1 < segs.size();
    if (!content && v.de && !merged.empty() && more && bare_zu(v, segs[si + 1])) {
      carry = first;
      continue;
    }
    if (!content && !merged.empty()) merged.back().second = last;
    // "Frankreich, Deutschland und Polen kritisierten", "Britain, France and
    // ...", and a dateline before its dash ("Sirte – Die Regierung ...").
    else if (!content && merged.empty() && more &&
             (!(v.cls(segs[si + 1].first) & (kRel | kSub | kSubCond)) ||
              (last < v.n && is_punct(v.tok[last], "-"))))
      carry = first;
    else merged.emplace_back(first, last);
  }
}

// A segment that ends in a right bracket: a participle or infinitive.
bool closes_bracket(const AnalysisView& v, Span seg) {
  std::uint32_t e = seg.second;
  while (e > seg.first && !is_word(v.tok[e - 1])) --e;
  if (e == seg.first || v.tok[e - 1].upper) return false;
  std::string_view f = v.tok[e - 1].fold;
  if (const auto* forms = v.ctx.triggers.verb(Lang::de, f))
    for (const VerbForm& vf : *forms)
      if (vf.types & (kParticiple | kInfinitive)) return true;
  // "hat angekündigt, ...", "hat beschlossen, ...": participles of deciding.
  if (v.ctx.grammar.decision(f)) return true;
  // A "ge-" participle not in the trigger tables.
  return f.size() > 4 && f.substr(0, 2) == "ge" &&
         (f.back() == 't' || f.substr(f.size() - 2) == "en");
}

bool has_auxiliary(const AnalysisView& v, Span seg) {
  for (std::uint32_t i = seg.first; i < seg.second; ++i)
    if (v.cls(i) & (kAux | kAuxPassive | kModalHypo | kFuture)) return true;
  return false;
}

// A segment with an auxiliary, no other verb and no right bracket of its own.
bool opens_bracket(const AnalysisView& v, Span seg) {
  bool aux = false;
  for (std::uint32_t i = seg.first; i < seg.second; ++i) {
    if (v.cls(i) & (kAux | kAuxPassive | kModalHypo | kFuture)) aux = true;
    else if (is_word(v.tok[i]) && !v.tok[i].upper && i > seg.first &&
             is_verbal(v.tok[i], v.cls(i), v.syn.verb[i], v.ctx, false))
      return false;
  }
  return aux && !closes_bracket(v, seg);
}

// "Demnach wurden 14 Aufständische, sieben Zivilisten und ein UN-Soldat
// getötet": an auxiliary whose participle or infinitive comes only after a
// list joins the segments up to it (the right bracket closes the clause).
void join_brackets(const AnalysisView& v, std::vector<Span>& merged) {
  for (std::size_t k = 0; k + 1 < merged.size(); ++k) {
    if (!opens_bracket(v, merged[k])) continue;
    for (std::size_t m = k + 1; m < merged.size() && m < k + 6; ++m) {
      std::uint32_t f = merged[m].first;
      if (f < v.n && (v.cls(f) & (kSub | kSubCond | kRel))) break;
      if (has_auxiliary(v, merged[m])) break;
      if (closes_bracket(v, merged[m])) {
        merged[k].second = merged[m].second;
        merged.erase(merged.begin() + static_cast<std::ptrdiff_t>(k + 1),
                     merged.begin() + static_cast<std::ptrdiff_t>(m + 1));
        break;
      }
    }
  }
}

// A lower-case verbal word or an English "-ed" form.
bool verbish(const AnalysisView& v, std::uint32_t i) {
  const Token& t = v.tok[i];
  if (!is_word(t) || t.upper) return false;
  if (is_verbal(t, v.cls(i), v.syn.verb[i], v.ctx, false)) return true;
  std::string_view f = t.fold;
  return !(v.cls(i) & kFunction) && f.size() > 4 && f.substr(f.size() - 2) == "ed";
}

// "and" at `i` opens a verb phrase of its own: after adverbs in -ly, a verb
// that is no event noun, opened by an auxiliary or after an actor.
bool opens_verb_phrase(const AnalysisView& v, std::uint32_t i, std::uint32_t last,
                       bool actor_after_verb) {
  std::uint32_t nx = i + 1;
  while (nx < last && is_word(v.tok[nx]) && v.tok[nx].fold.size() > 3 &&
         v.tok[nx].fold.substr(v.tok[nx].fold.size() - 2) == "ly")
    ++nx;
  bool aux = nx < last && (v.cls(nx) & (kAux | kAuxPassive | kModalHypo | kIntent | kFuture));
  return nx < last && verbish(v, nx) && !v.syn.noun[nx] && (aux || actor_after_verb);
}

// English verb phrases joined by "and"/"but" without a comma ("have
// kidnapped advisers and exploded bombs", "has been indicted ... and will
// resign") are clauses of their own that share the subject -- when the
// second opens with an auxiliary or the first has an actor after its verb.
// "bombed and shelled the town" shares the object, and "condemned the
// launch and urged North Korea to ..." is about North Korea's launch.
void split_verb_phrases(const AnalysisView& v, const std::vector<ActorMatch>& names,
                        std::vector<Span>& merged) {
  std::vector<Span> split;
  for (auto [first, last] : merged) {
    bool verb_seen = false, actor_after_verb = false;
    std::uint32_t from = first;
    for (std::uint32_t i = first; i < last; ++i) {
      if (!is_word(v.tok[i])) continue;
      if (verb_seen && std::any_of(names.begin(), names.end(),
                                   [&](const ActorMatch& m) { return m.first == i; }))
        actor_after_verb = true;
      if ((v.cls(i) & kCoord) && (v.tok[i].fold == "and" || v.tok[i].fold == "but") &&
          verb_seen && i > from + 1 && !verbish(v, i - 1) &&
          opens_verb_phrase(v, i, last, actor_after_verb)) {
        split.emplace_back(from, i);
        from = i;
        verb_seen = actor_after_verb = false;
        continue;
      }
      if (verbish(v, i)) verb_seen = true;
    }
    split.emplace_back(from, last);
  }
  merged.swap(split);
}

// German main clauses joined by "und"/"aber" share the subject: "Der
// Papst traf in Quito ein und wurde von Correa empfangen", "Russland
// kritisierte die Türkei und forderte ...".  The second opens with its
// finite verb: an auxiliary or a finite trigger verb, lower case, after a
// word that is no verb ("bombardierten und beschossen" share one clause).
bool opens_german_clause(const AnalysisView& v, std::uint32_t i, std::uint32_t last) {
  std::uint32_t nx = i + 1;
  if (nx >= last || !is_word(v.tok[nx]) || v.tok[nx].upper || verbish(v, i - 1)) return false;
  if (v.cls(nx) & (kAux | kAuxPassive | kModalHypo)) return true;
  if (const auto* forms = v.syn.verb[nx])
    for (const VerbForm& f : *forms)
      if (f.types & kFinite) return true;
  return false;
}

void split_german_main_clauses(const AnalysisView& v, std::vector<Span>& merged) {
  std::vector<Span> split;
  for (auto [first, last] : merged) {
    std::uint32_t from = first;
    bool verb_seen = false;
    for (std::uint32_t i = first; i < last; ++i) {
      if (!is_word(v.tok[i])) continue;
      if ((v.cls(i) & kCoord) && verb_seen && i > from + 1 && opens_german_clause(v, i, last)) {
        split.emplace_back(from, i);
        from = i;
        verb_seen = false;
        continue;
      }
      if (verbish(v, i)) verb_seen = true;
    }
    split.emplace_back(from, last);
  }
  merged.swap(split);
}

void number_clauses(std::uint32_t n, const std::vector<Span>& merged,
                    std::vector<Clause>& clauses, std::vector<int>& clause_of) {
  clauses.clear();
  clause_of.assign(n, -1);
  for (auto [first, last] : merged) {
    Clause c;
    c.first = first;
    c.last = last;
    clauses.push_back(c);
  }
  if (clauses.empty()) clauses.push_back(Clause{0, n});
  for (std::size_t ci = 0; ci < clauses.size(); ++ci)
    for (std::uint32_t i = clauses[ci].first; i < clauses[ci].last; ++i)
      clause_of[i] = static_cast<int>(ci);
  // Punctuation between clauses belongs to the clause before.
  for (std::uint32_t i = 0, cur = 0; i < n; ++i) {
    if (clause_of[i] < 0) clause_of[i] = static_cast<int>(cur);
    else cur = static_cast<std::uint32_t>(clause_of[i]);
  }
}

}  // namespace

void find_clauses(const Sentence& s, const AnalyzerContext& ctx, const SentenceSyntax& syn,
                  const std::vector<ActorMatch>& names, std::vector<Clause>& clauses,
                  std::vector<int>& clause_of) {
  const AnalysisView v{s, ctx, syn};
  ClauseScratch& scratch = clause_scratch();
  scratch.segs.clear();
  scratch.merged.clear();
  cut_at_punctuation(v, scratch.segs);
  join_verbless(v, scratch.segs, scratch.merged);
  if (v.de) {
    join_brackets(v, scratch.merged);
    split_german_main_clauses(v, scratch.merged);
  } else {
    split_verb_phrases(v, names, scratch.merged);
  }
  number_clauses(v.n, scratch.merged, clauses, clause_of);
}

}  // namespace geokg
