#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace geokg {

// PLOVER's sixteen event types.
enum class Relation : std::uint8_t {
  AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST,
  ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT
};
inline constexpr std::size_t kRelationCount = 16;
std::array<Relation, kRelationCount> all_relations();

enum class Quad : std::uint8_t {
  verbal_cooperation, material_cooperation, verbal_conflict, material_conflict
};

enum class Status : std::uint8_t { fact, hypothetical, negated };

std::string_view to_string(Relation r);
std::string_view to_string(Quad q);    // "verbal-cooperation", ...
std::string_view to_string(Status s);
std::optional<Relation> parse_relation(std::string_view name);  // case-insensitive
std::optional<Status> parse_status(std::string_view name);
Quad quad_of(Relation r);
// AGREE, CONSULT and COOPERATE are mutual: direction carries no meaning.
bool is_symmetric(Relation r);
// A stable colour per relation (r, g, b), shared by every export.
struct Rgb { std::uint8_t r, g, b; };
Rgb colour_of(Relation r);

}  // namespace geokg
