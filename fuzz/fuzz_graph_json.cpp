// libFuzzer target: the graph JSON reader behind `build --graph` and `query`.
// Anything that is not a geokg graph must be a GraphError; anything accepted
// must write back to JSON that reads again to the same JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "geokg/error.hpp"
#include "geokg/export/graph_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    const geokg::KnowledgeGraph g = geokg::read_json(in, "fuzz.json");
    std::ostringstream first;
    geokg::write_json(first, g);
    std::istringstream again(first.str());
    const geokg::KnowledgeGraph g2 = geokg::read_json(again, "written.json");
    std::ostringstream second;
    geokg::write_json(second, g2);
    if (first.str() != second.str()) std::abort();
    // The other writers must accept whatever the reader accepted.
    std::ostringstream other;
    geokg::write_graphml(other, g);
    geokg::write_dot(other, g);
    geokg::write_gexf(other, g);
    std::ostringstream nodes, rels;
    geokg::write_neo4j(nodes, rels, g);
  } catch (const geokg::GraphError&) {
    // Rejected with a message: the expected outcome for most inputs.
  }
  return 0;
}
