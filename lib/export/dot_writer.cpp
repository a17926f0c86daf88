// DOT by hand: write_graphviz_dp leaves `node` and other keywords unquoted and
// does not double backslashes, which breaks dot on real actor names.
#include <cmath>
#include <ostream>
#include <set>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "export/text_util.hpp"
#include "geokg/export/graph_io.hpp"

namespace geokg {
namespace {

using exportutil::dot_escape;

// Graphviz 2.43 fails on quoted strings beyond 16k; tooltips stay far below.
constexpr std::size_t kEvidenceItems = 3;
constexpr std::size_t kEvidenceText = 200;
// Escaping can double a label, and the tooltip repeats it with the code.
constexpr std::size_t kLabelBytes = 2000;
constexpr const char* kAffiliationColour = "#808080";

std::string hex(Rgb c) { return fmt::format("#{:02x}{:02x}{:02x}", c.r, c.g, c.b); }

std::string dot_quoted(std::string_view s) {
  std::string out(1, '"');
  out += dot_escape(s);
  out += '"';
  return out;
}

}  // namespace

void write_dot(std::ostream& out, const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  out << "digraph \"geokg\" {\n"
         "  graph [charset=\"UTF-8\", rankdir=\"LR\", overlap=\"false\"];\n"
         "  node [shape=\"box\", style=\"rounded\"];\n";

  const std::vector<Vertex> nodes = kg.sorted_nodes();
  const std::vector<std::string> ids = exportutil::unique_ids(kg, nodes, exportutil::dot_id);
  std::vector<std::string> id_of(boost::num_vertices(g));
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const ActorNode& n = g[nodes[i]];
    id_of[nodes[i]] = exportutil::dot_quoted_id(ids[i]);
    const std::string label = exportutil::truncate_utf8(n.label, kLabelBytes);
    fmt::print(out, "  {} [label={}, tooltip={}];\n", id_of[nodes[i]], dot_quoted(label),
               dot_quoted(fmt::format("{} ({}, {})", label,
                                      exportutil::truncate_utf8(n.code, kLabelBytes),
                                      to_string(n.type))));
  }

  std::set<Relation> present;
  bool affiliations = false;
  for (Edge e : kg.sorted_edges()) {
    const RelationEdge& p = g[e];
    const std::string& s = id_of[boost::source(e, g)];
    const std::string& t = id_of[boost::target(e, g)];
    if (p.kind == EdgeKind::affiliation) {
      affiliations = true;
      fmt::print(out, "  {} -> {} [label=\"affiliation\", color=\"{}\", style=\"dashed\"];\n", s,
                 t, kAffiliationColour);
      continue;
    }
    present.insert(p.relation);
    std::string label = fmt::format("{} ({})", to_string(p.relation), p.weight);
    if (p.status != Status::fact) label = fmt::format("{} ({}, {})", to_string(p.relation),
                                                      p.weight, to_string(p.status));
    const double penwidth = 1.0 + std::log2(std::max<std::uint32_t>(p.weight, 1));
    const std::string colour = hex(colour_of(p.relation));
    fmt::print(out,
               "  {} -> {} [label={}, color=\"{}\", fontcolor=\"{}\", penwidth={:.2f}, "
               "weight={}{}, tooltip={}];\n",
               s, t, dot_quoted(label), colour, colour, penwidth, std::max<std::uint32_t>(p.weight, 1),
               p.status == Status::fact ? "" : ", style=\"dotted\"",
               dot_quoted(exportutil::evidence_summary(p, kEvidenceItems, kEvidenceText, "\n")));
  }

  if (!present.empty() || affiliations) {
    // Legend ids get a prefix no actor id starts with, so they cannot collide.
    std::string prefix = "legend:";
    for (bool clash = true; clash;) {
      clash = false;
      for (const std::string& id : ids)
        if (id.rfind(prefix, 0) == 0) clash = true;
      if (clash) prefix = "_" + prefix;
    }
    out << "  subgraph \"cluster_legend\" {\n"
           "    label=\"relations\";\n"
           "    style=\"dashed\";\n";
    for (Relation r : present) {
      const std::string colour = hex(colour_of(r));
      fmt::print(out,
                 "    {} [label=\"{}\", shape=\"box\", style=\"filled\", fillcolor=\"{}\", "
                 "color=\"{}\"];\n",
                 dot_quoted(prefix + std::string(to_string(r))), to_string(r), colour, colour);
    }
    if (affiliations)
      fmt::print(out,
                 "    {} [label=\"affiliation\", shape=\"box\", style=\"dashed\", color=\"{}\"];\n",
                 dot_quoted(prefix + "affiliation"), kAffiliationColour);
    out << "  }\n";
  }
  out << "}\n";
}

}  // namespace geokg
