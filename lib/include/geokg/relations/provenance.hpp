// Why an event was coded: which frame read it, off which data row, and which
// transforms changed it on the way.  Data, not a sentence to search: no pass
// reads a rendering of it; --explain renders it with to_string().
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "geokg/relations/relation.hpp"

namespace geokg {

enum class Frame : std::uint8_t {
  verb,                    // a trigger verb and its subject, object or phrase
  passive_verb,            // the same in the passive: the agent phrase is the source
  attributive_participle,  // "die vom Iran unterstützten Rebellen"
  noun,                    // an event noun and its phrases ("Sanktionen der EU gegen ...")
  obligation,              // "X erklärte, Y müsse ...": X demands of Y
};

// A transform applied after the frame; each is a row of data/transforms.tsv.
enum class Step : std::uint8_t {
  condition_on,            // a modal act under a condition: a threat (of `relation`)
  intent_to,               // an announced conflict act: a threat (of `relation`)
  intent_to_cooperate,     // willingness or a pledge to cooperate: AGREE
  target_of_demanded_act,  // a demand's target: the target of the act demanded
  doer_of_reported_act,    // an accusation's target: the doer of the act reported
  doer_of_named_event,     // judging an event noun judges its doer
  implicit_side,           // war and sanctions have two sides: the nearest other actor
  as_charge,               // "bezeichnete ... als Völkermord": an accusation
  halted,                  // stopping cooperation: a sanction
  condition,               // the halt is conditional: a threat
  willing,                 // readiness to cooperate: AGREE
  intent,                  // an intended conflict act (noun): a threat
  author_of_claim,         // "Y wies dies zurück": who accused or asked Y before
};

struct AppliedStep {
  Step step;
  Relation relation = Relation::AGREE;  // condition_on, intent_to: the act threatened
  bool operator==(const AppliedStep&) const = default;
};

struct Provenance {
  Frame frame = Frame::verb;
  // The data row of the trigger, relative to the data folder
  // ("triggers/de.tsv:268") or a user lexicon's entry; empty for an obligation.
  std::string entry;
  std::vector<AppliedStep> steps;
  bool operator==(const Provenance&) const = default;
};

std::string_view to_string(Frame f);  // "verb frame", "noun frame", ...
std::string_view to_string(Step s);   // "condition on", "implicit side", ...
// "passive verb frame (triggers/de.tsv:268) + intent to ASSAULT"
std::string to_string(const Provenance& p);

}  // namespace geokg
