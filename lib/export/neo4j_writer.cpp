// CSV for `neo4j-admin database import` with its default settings: comma
// delimiter, ';' between array elements, quotes doubled, one record per line.
#include <ostream>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "export/text_util.hpp"
#include "geokg/export/graph_io.hpp"

namespace geokg {
namespace {

using exportutil::csv_field;

constexpr std::size_t kEvidenceItems = 50;
constexpr std::size_t kEvidenceText = 500;

std::string_view label_of(ActorType t) {
  switch (t) {
    case ActorType::state: return "Actor;State";
    case ActorType::organisation: return "Actor;Organisation";
    case ActorType::group: return "Actor;Group";
    case ActorType::person: return "Actor;Person";
  }
  return "Actor";
}

// neo4j-admin has no escape for the array delimiter, so a ';' inside one
// evidence sentence would split it; a comma keeps the sentence readable.
std::string array_element(std::string_view s) {
  std::string out = exportutil::csv_text(s);
  for (char& c : out)
    if (c == ';') c = ',';
  return out;
}

}  // namespace

void write_neo4j(std::ostream& nodes, std::ostream& relationships, const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  const std::vector<Vertex> order = kg.sorted_nodes();
  const std::vector<std::string> ids = exportutil::unique_ids(kg, order, exportutil::csv_text);
  std::vector<std::string> id_of(boost::num_vertices(g));

  nodes << "id:ID(Actor),:LABEL,name:string,name_de:string,name_en:string,code:string,"
           "type:string\n";
  for (std::size_t i = 0; i < order.size(); ++i) {
    const ActorNode& n = g[order[i]];
    id_of[order[i]] = csv_field(ids[i]);
    fmt::print(nodes, "{},{},{},{},{},{},{}\n", id_of[order[i]], label_of(n.type),
               csv_field(n.label), csv_field(n.name_de), csv_field(n.name_en), csv_field(n.code),
               to_string(n.type));
  }

  relationships << ":START_ID(Actor),:END_ID(Actor),:TYPE,status:string,weight:int,"
                   "documents:int,first_seen:string,last_seen:string,quad:string,"
                   "evidence:string[]\n";
  for (Edge e : kg.sorted_edges()) {
    const RelationEdge& p = g[e];
    const std::string& s = id_of[boost::source(e, g)];
    const std::string& t = id_of[boost::target(e, g)];
    if (p.kind == EdgeKind::affiliation) {
      fmt::print(relationships, "{},{},AFFILIATED_WITH,,{},,,,,\n", s, t, p.weight);
      continue;
    }
    std::string evidence;
    std::size_t n = 0;
    for (const Evidence& ev : p.evidence) {
      if (n == kEvidenceItems) break;
      if (n++) evidence += ';';
      evidence += array_element(fmt::format("{}#{}: {}", ev.doc, ev.sentence,
                                            exportutil::truncate_utf8(ev.text, kEvidenceText)));
    }
    fmt::print(relationships, "{},{},{},{},{},{},{},{},{},{}\n", s, t, to_string(p.relation),
               to_string(p.status), p.weight, p.documents, csv_field(p.first_seen),
               csv_field(p.last_seen), to_string(quad_of(p.relation)), csv_field(evidence));
  }
}

}  // namespace geokg
