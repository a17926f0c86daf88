#include "relations/transforms.hpp"

#include <fstream>
#include <sstream>

#include "data_table.hpp"
#include "geokg/error.hpp"

namespace geokg {
namespace {

constexpr std::array<std::string_view, kRelationSetCount> kNames = {
    "evaluative", "on_place", "wants_act", "demands", "refusals", "threat",
    "offer",      "pledge",   "charge",    "halt",    "occasion", "means",
    "instrument", "on_citizens", "on_territory"};

// A relation or a quad, as a bit per relation.
std::uint32_t bits_of(std::string_view word) {
  if (auto r = parse_relation(word)) return 1u << static_cast<int>(*r);
  std::uint32_t out = 0;
  for (Relation r : all_relations()) {
    std::string q(to_string(quad_of(r)));
    for (char& ch : q)
      if (ch == '-') ch = '_';
    if (q == word) out |= 1u << static_cast<int>(r);
  }
  if (!out) throw DataError("unknown relation or quad '" + std::string(word) + "'");
  return out;
}

// The sets the passes rewrite an event by: their row must say into what.
bool rewrites(RelationSet s) {
  return s == RelationSet::threat || s == RelationSet::offer || s == RelationSet::pledge ||
         s == RelationSet::charge || s == RelationSet::halt;
}

}  // namespace

std::string_view to_string(RelationSet s) { return kNames[static_cast<std::size_t>(s)]; }

Transforms Transforms::read(std::istream& in, const std::string& where) {
  Transforms t;
  std::array<bool, kRelationSetCount> seen{}, gives_seen{};
  read_table(in, where, 4, "set relations gives what", [&](const TableRow& r) {
    std::size_t k = 0;
    while (k < kNames.size() && kNames[k] != r.fields[0]) ++k;
    if (k == kNames.size()) throw DataError("unknown set '" + std::string(r.fields[0]) + "'");
    if (seen[k]) throw DataError("set '" + std::string(r.fields[0]) + "' given twice");
    seen[k] = true;
    std::istringstream words{std::string(r.fields[1])};
    for (std::string w; words >> w;) {
      if (w[0] == '-')
        t.sets_[k] &= ~bits_of(std::string_view(w).substr(1));
      else
        t.sets_[k] |= bits_of(w);
    }
    if (r.fields[2] != "-") {
      auto g = parse_relation(r.fields[2]);
      if (!g) throw DataError("unknown relation '" + std::string(r.fields[2]) + "'");
      t.gives_[k] = *g;
      gives_seen[k] = true;
    }
  });
  for (std::size_t k = 0; k < kNames.size(); ++k)
    if (!seen[k])
      throw DataError(where + ": set '" + std::string(kNames[k]) + "' is missing");
    else if (rewrites(static_cast<RelationSet>(k)) && !gives_seen[k])
      throw DataError(where + ": set '" + std::string(kNames[k]) +
                      "' is a rewrite: its 'gives' column must name a relation");
  return t;
}

Transforms Transforms::load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw DataError("cannot open " + file.string());
  return read(in, file.string());
}

}  // namespace geokg
