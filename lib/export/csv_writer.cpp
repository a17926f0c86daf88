// The edge list for spreadsheets: one row per edge, codes and names side by
// side, and the sentence that shows what the edge means.  RFC 4180, UTF-8.
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "export/text_util.hpp"
#include "geokg/export/graph_io.hpp"

namespace geokg {

namespace exportutil {

const std::vector<std::string_view> kEdgeListColumns = {"source",
                                                        "source_name",
                                                        "target",
                                                        "target_name",
                                                        "relation",
                                                        "status",
                                                        "quad",
                                                        "weight",
                                                        "documents",
                                                        "first_seen",
                                                        "last_seen",
                                                        "evidence_doc",
                                                        "evidence_sentence",
                                                        "evidence"};

std::vector<std::string> edge_list_values(const Graph& g, Edge e) {
  const RelationEdge& p = g[e];
  const ActorNode& s = g[boost::source(e, g)];
  const ActorNode& t = g[boost::target(e, g)];
  const bool event = p.kind == EdgeKind::event;
  DateRange dates = date_range(p);
  const Evidence* ev = first_evidence(p);
  return {s.id,
          s.label,
          t.id,
          t.label,
          std::string(edge_name(p)),
          event ? std::string(to_string(p.status)) : "",
          event ? std::string(to_string(quad_of(p.relation))) : "",
          fmt::format("{}", p.weight),
          event ? fmt::format("{}", p.documents) : "",
          std::move(dates.first),
          std::move(dates.last),
          ev ? ev->doc : "",
          ev ? fmt::format("{}", ev->sentence) : "",
          ev ? ev->text : ""};
}

}  // namespace exportutil

namespace {

// The evidence keeps its line breaks (quoted, as RFC 4180 allows); the other
// cells are single-line.
std::string edge_row(const Graph& g, Edge e) {
  const std::vector<std::string> values = exportutil::edge_list_values(g, e);
  std::string row;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) row += ',';
    row += i == exportutil::kEdgeListEvidence ? exportutil::csv_verbatim(values[i])
                                              : exportutil::csv_field(values[i]);
  }
  return row + "\r\n";
}

}  // namespace

void write_csv(std::ostream& out, const KnowledgeGraph& kg) {
  // RFC 4180 ends records with CRLF; spreadsheets and Python's csv read both.
  std::string header;
  for (std::string_view c : exportutil::kEdgeListColumns)
    header += fmt::format("{}{}", header.empty() ? "" : ",", c);
  out << header << "\r\n";
  const Graph& g = kg.graph();
  for (Edge e : kg.sorted_edges()) out << edge_row(g, e);
}

}  // namespace geokg
