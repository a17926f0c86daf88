// The reader of user lexicons (`--lexicon FILE`, format in README): actors and
// trigger words from a JSON file.  Internal: not installed.
#pragma once
#include <string>
#include <string_view>

#include "geokg/actors/actor_dictionary.hpp"
#include "relations/trigger_lexicon.hpp"

namespace geokg {

// Adds the lexicon's actors and triggers.  Throws DataError naming `where`
// and, for a bad entry, its place ("actors[3]"): malformed JSON, a top level
// that is not an object with "actors" and/or "triggers" only, an empty id,
// code, form or lemma, unknown fields, bad values.  What came before a bad
// entry stays added.
void read_user_lexicon(std::string_view json, const std::string& where, ActorDictionary& actors,
                       TriggerLexicon& triggers);

}  // namespace geokg
