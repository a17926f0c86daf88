#include "geokg/relations/relation.hpp"

#include <cctype>

#include "geokg/actors/actor.hpp"
#include "geokg/error.hpp"

namespace geokg {
namespace {

constexpr std::array<std::string_view, kRelationCount> kNames = {
    "AGREE",   "CONSULT", "SUPPORT",  "CONCEDE",  "COOPERATE", "AID",
    "RETREAT", "REQUEST", "ACCUSE",   "REJECT",   "THREATEN",  "PROTEST",
    "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};

// Cooperation in greens and blues, conflict in oranges and reds: the quad class
// reads off the colour, and neighbouring types stay distinguishable.
constexpr std::array<Rgb, kRelationCount> kColours = {{
    {44, 160, 44},   // AGREE
    {31, 119, 180},  // CONSULT
    {152, 223, 138}, // SUPPORT
    {23, 190, 207},  // CONCEDE
    {0, 128, 128},   // COOPERATE
    {26, 85, 153},   // AID
    {158, 218, 229}, // RETREAT
    {255, 187, 120}, // REQUEST
    {255, 127, 14},  // ACCUSE
    {188, 189, 34},  // REJECT
    {227, 119, 194}, // THREATEN
    {148, 103, 189}, // PROTEST
    {140, 86, 75},   // SANCTION
    {127, 127, 127}, // MOBILIZE
    {196, 78, 82},   // COERCE
    {214, 39, 40},   // ASSAULT
}};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

}  // namespace

std::array<Relation, kRelationCount> all_relations() {
  std::array<Relation, kRelationCount> out{};
  for (std::size_t i = 0; i < kRelationCount; ++i) out[i] = static_cast<Relation>(i);
  return out;
}

std::string_view to_string(Relation r) { return kNames[static_cast<std::size_t>(r)]; }

std::string_view to_string(Quad q) {
  switch (q) {
    case Quad::verbal_cooperation: return "verbal-cooperation";
    case Quad::material_cooperation: return "material-cooperation";
    case Quad::verbal_conflict: return "verbal-conflict";
    case Quad::material_conflict: return "material-conflict";
  }
  return "?";
}

std::string_view to_string(Status s) {
  switch (s) {
    case Status::fact: return "fact";
    case Status::hypothetical: return "hypothetical";
    case Status::negated: return "negated";
  }
  return "?";
}

std::optional<Relation> parse_relation(std::string_view name) {
  for (std::size_t i = 0; i < kRelationCount; ++i)
    if (iequals(name, kNames[i])) return static_cast<Relation>(i);
  return std::nullopt;
}

std::optional<Status> parse_status(std::string_view name) {
  for (Status s : {Status::fact, Status::hypothetical, Status::negated})
    if (iequals(name, to_string(s))) return s;
  return std::nullopt;
}

Quad quad_of(Relation r) {
  switch (r) {
    case Relation::AGREE: case Relation::CONSULT: case Relation::SUPPORT:
      return Quad::verbal_cooperation;
    case Relation::CONCEDE: case Relation::COOPERATE: case Relation::AID:
    case Relation::RETREAT:
      return Quad::material_cooperation;
    case Relation::REQUEST: case Relation::ACCUSE: case Relation::REJECT:
    case Relation::THREATEN:
      return Quad::verbal_conflict;
    default:
      return Quad::material_conflict;
  }
}

bool is_symmetric(Relation r) {
  return r == Relation::AGREE || r == Relation::CONSULT || r == Relation::COOPERATE;
}

Rgb colour_of(Relation r) { return kColours[static_cast<std::size_t>(r)]; }

std::string_view to_string(ActorType type) {
  switch (type) {
    case ActorType::state: return "state";
    case ActorType::organisation: return "organisation";
    case ActorType::group: return "group";
    case ActorType::person: return "person";
  }
  return "?";
}

ActorType parse_actor_type(std::string_view name) {
  for (ActorType t : {ActorType::state, ActorType::organisation, ActorType::group,
                      ActorType::person})
    if (name == to_string(t)) return t;
  throw DataError("unknown actor type '" + std::string(name) +
                  "' (expected state, organisation, group or person)");
}

}  // namespace geokg
