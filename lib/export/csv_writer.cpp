// The edge list for spreadsheets: one row per edge, codes and names side by
// side, and the sentence that shows what the edge means.  RFC 4180, UTF-8.
#include <ostream>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "export/text_util.hpp"
#include "geokg/export/graph_io.hpp"

namespace geokg {
namespace {

using exportutil::csv_field;
using exportutil::csv_verbatim;

std::string edge_row(const Graph& g, Edge e) {
  const RelationEdge& p = g[e];
  const ActorNode& s = g[boost::source(e, g)];
  const ActorNode& t = g[boost::target(e, g)];
  const bool event = p.kind == EdgeKind::event;
  const exportutil::DateRange dates = exportutil::date_range(p);
  const Evidence* ev = exportutil::first_evidence(p);
  return fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", csv_field(s.id),
                     csv_field(s.label), csv_field(t.id), csv_field(t.label),
                     exportutil::edge_name(p), event ? to_string(p.status) : "",
                     event ? to_string(quad_of(p.relation)) : "", p.weight,
                     event ? fmt::format("{}", p.documents) : "", dates.first, dates.last,
                     ev ? csv_field(ev->doc) : "", ev ? fmt::format("{}", ev->sentence) : "",
                     ev ? csv_verbatim(ev->text) : "");
}

}  // namespace

void write_csv(std::ostream& out, const KnowledgeGraph& kg) {
  // RFC 4180 ends records with CRLF; spreadsheets and Python's csv read both.
  out << "source,source_name,target,target_name,relation,status,quad,weight,documents,"
         "first_seen,last_seen,evidence_doc,evidence_sentence,evidence\r\n";
  const Graph& g = kg.graph();
  for (Edge e : kg.sorted_edges()) out << edge_row(g, e);
}

}  // namespace geokg
