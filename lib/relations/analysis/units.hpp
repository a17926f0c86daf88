// The analysis units analyze_sentence runs in this order, each filling its
// own part of SentenceSyntax from the parts before it.  Private to
// lib/relations/analysis and the white-box tests.
#pragma once
#include <cstdint>
#include <vector>

#include "relations/analysis/syntax.hpp"

namespace geokg {

struct TokenInfo;

// Each token's TokenIndex entry and actor-name lengths (ctx.index only).
struct TokenLookups {
  std::vector<const TokenInfo*> info;
  std::vector<std::uint16_t> lengths;
  std::vector<std::uint64_t> hashes;  // each word's TokenIndex hash
};

// token_cues.cpp
void read_token_classes(const Sentence& s, const AnalyzerContext& ctx, TokenLookups& lookups,
                        SentenceSyntax& syn);
void find_actor_names(const Sentence& s, const AnalyzerContext& ctx,
                      const TokenLookups& lookups, std::vector<ActorMatch>& names);
void read_trigger_entries(const Sentence& s, const AnalyzerContext& ctx,
                          const TokenLookups& lookups, SentenceSyntax& syn);

// clauses.cpp
void find_clauses(const Sentence& s, const AnalyzerContext& ctx, const SentenceSyntax& syn,
                  const std::vector<ActorMatch>& names, std::vector<Clause>& clauses,
                  std::vector<int>& clause_of);

// mentions.cpp
// False when the sentence can have no mention: no actor name, pronoun or
// description.
bool may_have_mentions(const SentenceSyntax& syn, const std::vector<ActorMatch>& names);
void find_mentions(const Sentence& s, const AnalyzerContext& ctx, const SentenceSyntax& syn,
                   const std::vector<ActorMatch>& names, std::vector<Mention>& mentions);

// noun_phrases.cpp
void find_noun_phrases(const Sentence& s, const AnalyzerContext& ctx, const SentenceSyntax& syn,
                       std::vector<Mention>& mentions);

// coordination.cpp
void find_coordination(const Sentence& s, const AnalyzerContext& ctx, const SentenceSyntax& syn,
                       std::vector<Mention>& mentions);

// tree.cpp
// Marks a sentence that can hold an event (two mentions and a trigger entry)
// for parsing when syn.tree() is first asked; any other gets an empty tree.
void plan_tree(const Sentence& s, const AnalyzerContext& ctx, SentenceSyntax& syn);

// clause_status.cpp
void find_clause_status(const Sentence& s, const AnalyzerContext& ctx,
                        const SentenceSyntax& syn, std::vector<Clause>& clauses);

}  // namespace geokg
