// Small tests of one token's shape that several analysis units share:
// punctuation, compound hyphens, German inflection endings.  Morphology
// only; word lists live in data/grammar.  Private to lib/relations/analysis,
// in a namespace of its own: the extraction passes have helpers and a
// SentenceView of their own.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "relations/analysis/syntax.hpp"

namespace geokg::analysis {

inline bool is_word(const Token& t) { return t.kind == TokenKind::word; }

[[gnu::always_inline]] inline bool is_punct(const Token& t, std::string_view p) {
  // Always one character here: a byte compare, not a call to compare().
  if (p.size() == 1)
    return t.kind == TokenKind::punct && t.form.size() == 1 && t.form[0] == p[0];
  return t.kind == TokenKind::punct && t.form == p;
}

// A hyphen written without spaces joins a compound ("US-Beamte"); with
// spaces it is a dash between clauses.
inline bool compound_hyphen(const Sentence& s, std::uint32_t i) {
  return i > 0 && i + 1 < s.tokens.size() && is_punct(s.tokens[i], "-") &&
         s.tokens[i - 1].end == s.tokens[i].begin && s.tokens[i].end == s.tokens[i + 1].begin;
}

// An inflected German adjective ending (-e, -en, -er, -es, -em).
inline bool adjective_like(std::string_view fold) {
  for (std::string_view e : {"e", "en", "er", "es", "em"})
    if (fold.size() > e.size() + 2 && fold.substr(fold.size() - e.size()) == e) return true;
  return false;
}

// A German word that may be a conjugated verb (-t, -te, -ten, -st, -en);
// adverbs and numerals like "mindestens", "acht" are filtered by the caller's
// other tests where they can be.
inline bool finite_like(std::string_view f) {
  for (std::string_view e : {"t", "te", "ten", "st", "en", "n"})
    if (f.size() > e.size() + 2 && f.substr(f.size() - e.size()) == e) return true;
  return false;
}

// A token's grammar classes, 0 past the end of the sentence.
inline std::uint64_t class_at(const SentenceSyntax& syn, std::uint32_t i) {
  return i < syn.classes.size() ? syn.classes[i] : std::uint64_t{0};
}

// The sentence under analysis and what every unit asks of it.
struct AnalysisView {
  const Sentence& s;
  const AnalyzerContext& ctx;
  const SentenceSyntax& syn;
  const std::vector<Token>& tok = s.tokens;
  const std::uint32_t n = static_cast<std::uint32_t>(s.tokens.size());
  const bool de = ctx.lang != Lang::en;
  std::uint64_t cls(std::uint32_t i) const { return class_at(syn, i); }
};

// A lower-case word that is neither a function word nor verbal and has an
// adjective's ending: an inflected adjective inside a noun phrase, not a verb
// ending the same way ("helfe").
inline bool attributive(const Sentence& s, const AnalyzerContext& ctx,
                        const SentenceSyntax& syn, std::uint32_t i) {
  const Token& t = s.tokens[i];
  const std::uint64_t c = class_at(syn, i);
  return is_word(t) && !t.upper && no_function_class(c & ~kHypoAdj) && adjective_like(t.fold) &&
         !is_verbal(t, c, syn.verb[i], ctx, false);
}

}  // namespace geokg::analysis
