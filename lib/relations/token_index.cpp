#include "relations/token_index.hpp"

namespace geokg {

void TokenIndex::build(const Grammar& de, const Grammar& en, const TriggerLexicon& triggers,
                       const ActorIndex& actors) {
  map_ = StringMap<TokenInfo>();
  for (int slot : {0, 1}) {
    for (const auto& [word, info] : (slot == 0 ? de : en).words_)
      map_[word].classes[slot] = info.classes;
    for (const auto& [form, entries] : triggers.verbs_[slot]) map_[form].verb[slot] = &entries;
    for (const auto& [form, entries] : triggers.nouns_[slot]) map_[form].noun[slot] = &entries;
  }
  for (const auto& [first, mask] : actors.lengths) map_[first].lengths = mask;
}

}  // namespace geokg
