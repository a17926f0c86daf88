// The relation sets the extraction passes treat alike and what each rewrite
// gives, loaded from data/transforms/transforms.tsv.  Internal.
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>

#include "geokg/relations/relation.hpp"

namespace geokg {

enum class RelationSet : std::uint8_t {
  evaluative,
  on_place,
  wants_act,
  demands,
  refusals,
  threat,
  offer,
  pledge,
  charge,
  halt,
  occasion,
  means,
  instrument,
  on_citizens,
  on_territory,
};
inline constexpr std::size_t kRelationSetCount = 15;
std::string_view to_string(RelationSet s);

class Transforms {
 public:
  // Throws DataError naming file:line (or the set missing from the file).
  static Transforms load(const std::filesystem::path& file);
  static Transforms read(std::istream& in, const std::string& where);
  bool has(RelationSet s, Relation r) const {
    return (sets_[static_cast<std::size_t>(s)] >> static_cast<int>(r)) & 1u;
  }
  std::uint32_t mask(RelationSet s) const { return sets_[static_cast<std::size_t>(s)]; }
  // The relation a rewrite gives (only for sets with one).
  Relation gives(RelationSet s) const { return gives_[static_cast<std::size_t>(s)]; }

 private:
  std::array<std::uint32_t, kRelationSetCount> sets_{};
  std::array<Relation, kRelationSetCount> gives_{};
};

}  // namespace geokg
