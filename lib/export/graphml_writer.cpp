// GraphML by hand: boost::write_graphml numbers nodes n0, n1 ... and keys key0
// ..., passes control characters through and rounds values; Gephi, networkx
// and igraph need stable ids, readable key ids and well-formed XML.
#include <ostream>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "export/text_util.hpp"
#include "geokg/export/graph_io.hpp"

namespace geokg {
namespace {

using exportutil::xml_escape;

struct Key {
  const char* id;
  const char* domain;
  const char* name;
  const char* type;
};

// Key ids are the attribute names so Gephi matches label/weight/r/g/b and
// nothing reads as "d3"; the edge label needs its own id because key ids are
// unique across the document.
constexpr Key kKeys[] = {
    {"label", "node", "label", "string"},
    {"name_de", "node", "name_de", "string"},
    {"name_en", "node", "name_en", "string"},
    {"code", "node", "code", "string"},
    {"type", "node", "type", "string"},
    {"edge_label", "edge", "label", "string"},
    {"weight", "edge", "weight", "double"},
    {"relation", "edge", "relation", "string"},
    {"status", "edge", "status", "string"},
    {"quad", "edge", "quad", "string"},
    {"kind", "edge", "kind", "string"},
    {"documents", "edge", "documents", "int"},
    {"first_seen", "edge", "first_seen", "string"},
    {"last_seen", "edge", "last_seen", "string"},
    {"evidence", "edge", "evidence", "string"},
    {"r", "edge", "r", "int"},
    {"g", "edge", "g", "int"},
    {"b", "edge", "b", "int"},
};

constexpr std::size_t kEvidenceItems = 5;
constexpr std::size_t kEvidenceText = 300;

void data(std::ostream& out, std::string_view key, std::string_view value) {
  fmt::print(out, "      <data key=\"{}\">{}</data>\n", key, xml_escape(value));
}

}  // namespace

void write_graphml(std::ostream& out, const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& k : kKeys)
    fmt::print(out, "  <key id=\"{}\" for=\"{}\" attr.name=\"{}\" attr.type=\"{}\"/>\n", k.id,
               k.domain, k.name, k.type);
  fmt::print(out, "  <graph id=\"geokg\" edgedefault=\"directed\">\n");

  const std::vector<Vertex> nodes = kg.sorted_nodes();
  const std::vector<std::string> ids = exportutil::unique_ids(kg, nodes, exportutil::xml_text);
  std::vector<std::string> id_of(boost::num_vertices(g));
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const ActorNode& n = g[nodes[i]];
    id_of[nodes[i]] = xml_escape(ids[i]);
    fmt::print(out, "    <node id=\"{}\">\n", id_of[nodes[i]]);
    data(out, "label", n.label);
    data(out, "name_de", n.name_de);
    data(out, "name_en", n.name_en);
    data(out, "code", n.code);
    data(out, "type", to_string(n.type));
    out << "    </node>\n";
  }

  std::size_t index = 0;
  for (Edge e : kg.sorted_edges()) {
    const RelationEdge& p = g[e];
    const bool event = p.kind == EdgeKind::event;
    fmt::print(out, "    <edge id=\"e{}\" source=\"{}\" target=\"{}\">\n", index++,
               id_of[boost::source(e, g)], id_of[boost::target(e, g)]);
    data(out, "edge_label", exportutil::edge_name(p));
    data(out, "weight", fmt::format("{}", p.weight));
    data(out, "kind", event ? "event" : "affiliation");
    if (event) {
      data(out, "relation", to_string(p.relation));
      data(out, "status", to_string(p.status));
      data(out, "quad", to_string(quad_of(p.relation)));
      data(out, "documents", fmt::format("{}", p.documents));
      if (!p.first_seen.empty()) data(out, "first_seen", p.first_seen);
      if (!p.last_seen.empty()) data(out, "last_seen", p.last_seen);
      if (!p.evidence.empty())
        data(out, "evidence",
             exportutil::evidence_summary(p, kEvidenceItems, kEvidenceText, " | "));
      const Rgb c = colour_of(p.relation);
      data(out, "r", fmt::format("{}", c.r));
      data(out, "g", fmt::format("{}", c.g));
      data(out, "b", fmt::format("{}", c.b));
    } else {
      data(out, "r", "128");
      data(out, "g", "128");
      data(out, "b", "128");
    }
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace geokg
