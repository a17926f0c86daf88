// Writes the hostile graphs in every format into the directory given as the
// only argument, for check_consumers.py: hostile-state.* and hostile-actor.*.
#include <filesystem>
#include <iostream>

#include "geokg/error.hpp"
#include "hostile.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_fixture DIR\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  try {
    for (geokg::Level level : {geokg::Level::state, geokg::Level::actor}) {
      geokg::KnowledgeGraph kg = geokg::testing::hostile_graph(level);
      // An id beyond Graphviz's 16 KB limit for quoted strings (kept out of
      // hostile_graph, whose output sizes the unit tests bound).
      kg.add_document(geokg::testing::doc("third", "2023-03-01", "third"),
                      {geokg::testing::event(geokg::testing::state(std::string(20000, 'L')),
                                             geokg::Relation::PROTEST,
                                             geokg::testing::state("-2+3"), 0, "long id")});
      const std::string base = "hostile-" + std::string(geokg::to_string(level));
      for (const char* ext : {".graphml", ".dot", ".gexf", ".json", ".neo4j", ".csv"})
        geokg::write_graph(dir / (base + ext), kg);
    }
  } catch (const geokg::Error& e) {
    std::cerr << "write_fixture: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
