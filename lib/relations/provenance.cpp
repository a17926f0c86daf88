#include "geokg/relations/provenance.hpp"

namespace geokg {

std::string_view to_string(Frame f) {
  switch (f) {
    case Frame::verb:
      return "verb frame";
    case Frame::passive_verb:
      return "passive verb frame";
    case Frame::attributive_participle:
      return "attributive participle";
    case Frame::noun:
      return "noun frame";
    case Frame::obligation:
      return "obligation reported by the demander";
  }
  return "?";
}

std::string_view to_string(Step s) {
  switch (s) {
    case Step::condition_on:
      return "condition on";
    case Step::intent_to:
      return "intent to";
    case Step::intent_to_cooperate:
      return "intent to cooperate";
    case Step::target_of_demanded_act:
      return "target of the demanded act";
    case Step::doer_of_reported_act:
      return "doer of the reported act";
    case Step::doer_of_named_event:
      return "doer of the event it names";
    case Step::implicit_side:
      return "implicit side";
    case Step::as_charge:
      return "as a charge";
    case Step::halted:
      return "halted";
    case Step::condition:
      return "condition";
    case Step::willing:
      return "willing";
    case Step::intent:
      return "intent";
    case Step::author_of_claim:
      return "author of the claim rejected";
  }
  return "?";
}

std::string to_string(const Provenance& p) {
  std::string out(to_string(p.frame));
  if (!p.entry.empty()) {
    out += " (";
    out += p.entry;
    out += ')';
  }
  for (const AppliedStep& s : p.steps) {
    out += " + ";
    out += to_string(s.step);
    if (s.step == Step::condition_on || s.step == Step::intent_to) {
      out += ' ';
      out += to_string(s.relation);
    }
  }
  return out;
}

}  // namespace geokg
