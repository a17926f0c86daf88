// CSV for `neo4j-admin database import full --array-delimiter=U+001F
// --multiline-fields=true`: comma delimiter, quotes doubled, and U+001F (the
// ASCII unit separator, which no text keeps: see verbatim_text) between array
// elements, so that an evidence sentence arrives as it was written, ';' and
// line breaks included.
#include <ostream>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "export/text_util.hpp"
#include "geokg/export/graph_io.hpp"

namespace geokg {
namespace {

using exportutil::csv_field;

// Caps, documented in README: the JSON keeps everything.
constexpr std::size_t kEvidenceItems = 50;
constexpr std::size_t kEvidenceText = 500;
constexpr char kArrayDelimiter = '\x1f';

// Several labels share the field, split like array elements.
std::string_view label_of(ActorType t) {
  switch (t) {
    case ActorType::state: return "Actor\x1fState";
    case ActorType::organisation: return "Actor\x1fOrganisation";
    case ActorType::group: return "Actor\x1fGroup";
    case ActorType::person: return "Actor\x1fPerson";
  }
  return "Actor";
}

// "doc#sentence: text" per sentence, the text as written up to kEvidenceText
// bytes ("…" when cut); a cut list ends with a "(+N more)" element.
std::string evidence_array(const RelationEdge& e) {
  std::string out;
  std::size_t n = 0;
  for (const Evidence& ev : e.evidence) {
    if (n == kEvidenceItems) break;
    if (n++) out += kArrayDelimiter;
    out += exportutil::verbatim_text(fmt::format(
        "{}#{}: {}", ev.doc, ev.sentence, exportutil::truncate_utf8(ev.text, kEvidenceText)));
  }
  if (e.evidence.size() > n)
    out += fmt::format("{}(+{} more)", kArrayDelimiter, e.evidence.size() - n);
  return exportutil::csv_quote(std::move(out));
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
                   "documents:int,first_seen:date,last_seen:date,quad:string,"
                   "evidence:string[]\n";
  for (Edge e : kg.sorted_edges()) {
    const RelationEdge& p = g[e];
    const std::string& s = id_of[boost::source(e, g)];
    const std::string& t = id_of[boost::target(e, g)];
    if (p.kind == EdgeKind::affiliation) {
      fmt::print(relationships, "{},{},AFFILIATED_WITH,,{},,,,,\n", s, t, p.weight);
      continue;
    }
    const exportutil::DateRange dates = exportutil::date_range(p);
    fmt::print(relationships, "{},{},{},{},{},{},{},{},{},{}\n", s, t, to_string(p.relation),
               to_string(p.status), p.weight, p.documents, dates.first, dates.last,
               to_string(quad_of(p.relation)), evidence_array(p));
  }
}

}  // namespace geokg
