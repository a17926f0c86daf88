// libFuzzer target: the user lexicon reader behind --lexicon.  Anything that
// is not a usable lexicon must be a DataError; whatever is accepted must leave
// actors with ids, codes and forms the matcher can use.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "geokg/actors/actor_dictionary.hpp"
#include "geokg/error.hpp"
#include "relations/trigger_lexicon.hpp"
#include "relations/user_lexicon.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  geokg::ActorDictionary actors;
  geokg::TriggerLexicon triggers;
  try {
    geokg::read_user_lexicon(json, "fuzz.json", actors, triggers);
  } catch (const geokg::DataError&) {
    // Refused with a message: the expected outcome for most inputs.
  }
  // What was added before a refusal stays, so check it either way.
  for (const geokg::Actor* a : actors.actors())
    if (a->id.empty() || a->code.empty()) std::abort();
  for (std::size_t i = 0; i < triggers.size(); ++i)
    if (triggers.at(i).lemma.empty()) std::abort();
  return 0;
}
