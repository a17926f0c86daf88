// One look-up per token for everything the sentence analysis asks of a word:
// its grammar classes, its trigger verb and noun entries and how long an
// actor name starting with it can be.  Four tables meant four probes, most of
// them misses that each cost a cache miss; the merged table answers all four
// with one.  Built from the tables it merges and rebuilt whenever they change;
// it points into them.  Internal: not installed.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "actors/actor_index.hpp"
#include "relations/grammar.hpp"
#include "relations/trigger_lexicon.hpp"
#include "string_map.hpp"

namespace geokg {

struct TokenInfo {
  // Index 0: German (and any language but English), 1: English, as the
  // extractor picks grammars and trigger tables.
  std::uint64_t classes[2] = {0, 0};
  const std::vector<VerbForm>* verb[2] = {nullptr, nullptr};
  const std::vector<std::uint32_t>* noun[2] = {nullptr, nullptr};  // the form itself, no compound
  std::uint16_t lengths = 0;  // bit n: an actor form of n tokens starts here (0: none)
};

inline int token_slot(Lang lang) { return lang == Lang::en ? 1 : 0; }

class TokenIndex {
 public:
  void build(const Grammar& de, const Grammar& en, const TriggerLexicon& triggers,
             const ActorIndex& actors);
  const TokenInfo* find(std::string_view fold) const { return map_.get(fold); }
  // find() in two steps, for a loop over many tokens (see StringMap::prefetch).
  static std::uint64_t hash(std::string_view fold) { return string_hash(fold); }
  void prefetch(std::uint64_t hash) const { map_.prefetch(hash); }
  const TokenInfo* find(std::string_view fold, std::uint64_t hash) const {
    return map_.get(fold, hash);
  }

 private:
  StringMap<TokenInfo> map_;
};

}  // namespace geokg
