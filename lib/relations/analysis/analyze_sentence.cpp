// The sentence analyser: runs the analysis units in order, each filling its
// part of SentenceSyntax from the parts before it (see units.hpp).
#include "relations/analysis/syntax.hpp"

#include "relations/analysis/units.hpp"
#include "relations/analysis/word_shape.hpp"

namespace geokg {

using namespace analysis;  // word_shape.hpp

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
  out.tree_made = false;
  out.tree_sentence = nullptr;
  Scratch& scratch = thread_scratch();
  read_token_classes(s, ctx, scratch.lookups, out);
  find_actor_names(s, ctx, scratch.lookups, scratch.names);
  // Every mention is an actor name, a pronoun or a description; a sentence
  // with none of them needs no clauses.  Half of all sentences.
  if (need_mentions && !may_have_mentions(out, scratch.names)) return false;
  read_trigger_entries(s, ctx, scratch.lookups, out);
  find_clauses(s, ctx, out, scratch.names, out.clauses, out.clause_of);
  find_mentions(s, ctx, out, scratch.names, out.mentions);
  find_noun_phrases(s, ctx, out, out.mentions);
  find_coordination(s, ctx, out, out.mentions);
  plan_tree(s, ctx, out);
  find_clause_status(s, ctx, out, out.clauses);
  return true;
}

}  // namespace geokg
