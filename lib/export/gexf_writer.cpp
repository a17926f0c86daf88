// GEXF 1.3 for Gephi: edge `kind` keeps parallel relations apart (GraphML
// edges carry no type, so Gephi merges them), timestamps feed the timeline.
#include <cmath>
#include <ostream>
#include <set>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "export/text_util.hpp"
#include "geokg/export/graph_io.hpp"

namespace geokg {
namespace {

using exportutil::xml_escape;

constexpr std::size_t kEvidenceItems = 5;
constexpr std::size_t kEvidenceText = 300;

Rgb node_colour(ActorType t) {
  switch (t) {
    case ActorType::state: return {31, 119, 180};
    case ActorType::organisation: return {44, 160, 44};
    case ActorType::group: return {214, 39, 40};
    case ActorType::person: return {148, 103, 189};
  }
  return {127, 127, 127};
}

void attvalue(std::ostream& out, std::string_view indent, std::string_view key,
              std::string_view value) {
  fmt::print(out, "{}<attvalue for=\"{}\" value=\"{}\"/>\n", indent, key, xml_escape(value));
}

// Gephi merges edges of one pair that share a kind, so the status is part of
// it: a hypothetical ASSAULT must not add to the weight of a real one.
std::string edge_kind(const RelationEdge& e) {
  const std::string_view name = exportutil::edge_name(e);
  if (e.kind != EdgeKind::event || e.status == Status::fact) return std::string(name);
  return fmt::format("{} ({})", name, to_string(e.status));
}

// One timestamp per day an edge was reported on: a single spell from the first
// to the last would show a relation seen in June and October active all summer.
std::set<std::string> edge_dates(const RelationEdge& e) {
  std::set<std::string> dates;
  for (const Evidence& ev : e.evidence) {
    std::string d = exportutil::xsd_date(ev.date);
    if (!d.empty()) dates.insert(std::move(d));
  }
  return dates;
}

bool any_dated(const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  for (Edge e : boost::make_iterator_range(boost::edges(g)))
    if (!edge_dates(g[e]).empty()) return true;
  return false;
}

void write_timestamps(std::ostream& out, const RelationEdge& e) {
  const std::set<std::string> dates = edge_dates(e);
  if (dates.empty()) return;
  out << "        <spells>\n";
  for (const std::string& d : dates) fmt::print(out, "          <spell timestamp=\"{}\"/>\n", d);
  out << "        </spells>\n";
}

void write_head(std::ostream& out, const KnowledgeGraph& kg, bool dynamic) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
         "version=\"1.3\">\n"
         "  <meta>\n"
         "    <creator>geokg</creator>\n";
  fmt::print(out, "    <description>geokg knowledge graph, level {}</description>\n",
             to_string(kg.level()));
  out << "  </meta>\n";
  if (dynamic)
    out << "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" "
           "timerepresentation=\"timestamp\">\n";
  else
    out << "  <graph defaultedgetype=\"directed\" mode=\"static\">\n";
  out << "    <attributes class=\"node\" mode=\"static\">\n"
         "      <attribute id=\"name_de\" title=\"name_de\" type=\"string\"/>\n"
         "      <attribute id=\"name_en\" title=\"name_en\" type=\"string\"/>\n"
         "      <attribute id=\"code\" title=\"code\" type=\"string\"/>\n"
         "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
         "    </attributes>\n"
         "    <attributes class=\"edge\" mode=\"static\">\n"
         "      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n"
         "      <attribute id=\"status\" title=\"status\" type=\"string\"/>\n"
         "      <attribute id=\"quad\" title=\"quad\" type=\"string\"/>\n"
         "      <attribute id=\"edge_kind\" title=\"edge_kind\" type=\"string\"/>\n"
         "      <attribute id=\"documents\" title=\"documents\" type=\"integer\"/>\n"
         "      <attribute id=\"first_seen\" title=\"first_seen\" type=\"string\"/>\n"
         "      <attribute id=\"last_seen\" title=\"last_seen\" type=\"string\"/>\n"
         "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n"
         "    </attributes>\n";
}

// Node ids as written, by vertex.
std::vector<std::string> write_nodes(std::ostream& out, const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  const std::vector<Vertex> nodes = kg.sorted_nodes();
  const std::vector<std::string> ids = exportutil::unique_ids(kg, nodes, exportutil::xml_text);
  std::vector<std::string> id_of(boost::num_vertices(g));
  out << "    <nodes>\n";
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const Vertex v = nodes[i];
    const ActorNode& n = g[v];
    id_of[v] = xml_escape(ids[i]);
    std::uint64_t strength = 0;
    for (Edge e : boost::make_iterator_range(boost::out_edges(v, g))) strength += g[e].weight;
    for (Edge e : boost::make_iterator_range(boost::in_edges(v, g))) strength += g[e].weight;
    const Rgb c = node_colour(n.type);
    fmt::print(out, "      <node id=\"{}\" label=\"{}\">\n", id_of[v], xml_escape(n.label));
    out << "        <attvalues>\n";
    attvalue(out, "          ", "name_de", n.name_de);
    attvalue(out, "          ", "name_en", n.name_en);
    attvalue(out, "          ", "code", n.code);
    attvalue(out, "          ", "type", to_string(n.type));
    out << "        </attvalues>\n";
    fmt::print(out, "        <viz:color r=\"{}\" g=\"{}\" b=\"{}\"/>\n", c.r, c.g, c.b);
    fmt::print(out, "        <viz:size value=\"{:.2f}\"/>\n",
               10.0 + 5.0 * std::log2(1.0 + static_cast<double>(strength)));
    out << "      </node>\n";
  }
  out << "    </nodes>\n";
  return id_of;
}

void write_edge(std::ostream& out, const Graph& g, Edge e, std::size_t index,
                const std::vector<std::string>& id_of, bool dynamic) {
  const RelationEdge& p = g[e];
  const bool event = p.kind == EdgeKind::event;
  const std::string name = xml_escape(edge_kind(p));
  fmt::print(out,
             "      <edge id=\"{}\" source=\"{}\" target=\"{}\" kind=\"{}\" label=\"{}\" "
             "weight=\"{}\">\n",
             index, id_of[boost::source(e, g)], id_of[boost::target(e, g)], name, name,
             p.weight);
  out << "        <attvalues>\n";
  attvalue(out, "          ", "edge_kind", event ? "event" : "affiliation");
  if (event) {
    attvalue(out, "          ", "relation", to_string(p.relation));
    attvalue(out, "          ", "status", to_string(p.status));
    attvalue(out, "          ", "quad", to_string(quad_of(p.relation)));
    attvalue(out, "          ", "documents", fmt::format("{}", p.documents));
    // Normalised as for Neo4j and the CSV edge list, so that sorting them in
    // Gephi's data table sorts by time.
    const exportutil::DateRange dates = exportutil::date_range(p);
    if (!dates.first.empty()) attvalue(out, "          ", "first_seen", dates.first);
    if (!dates.last.empty()) attvalue(out, "          ", "last_seen", dates.last);
    if (!p.evidence.empty())
      attvalue(out, "          ", "evidence",
               exportutil::evidence_summary(p, kEvidenceItems, kEvidenceText, " | "));
  }
  out << "        </attvalues>\n";
  if (dynamic) write_timestamps(out, p);
  const Rgb c = event ? colour_of(p.relation) : Rgb{128, 128, 128};
  fmt::print(out, "        <viz:color r=\"{}\" g=\"{}\" b=\"{}\"/>\n", c.r, c.g, c.b);
  fmt::print(out, "        <viz:thickness value=\"{:.2f}\"/>\n",
             1.0 + std::log2(std::max<std::uint32_t>(p.weight, 1)));
  out << "      </edge>\n";
}

}  // namespace

void write_gexf(std::ostream& out, const KnowledgeGraph& kg) {
  // Without a single date a dynamic graph would only give Gephi an empty timeline.
  const bool dynamic = any_dated(kg);
  write_head(out, kg, dynamic);
  const std::vector<std::string> id_of = write_nodes(out, kg);
  out << "    <edges>\n";
  std::size_t index = 0;
  for (Edge e : kg.sorted_edges()) write_edge(out, kg.graph(), e, index++, id_of, dynamic);
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace geokg
