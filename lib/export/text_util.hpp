// Escaping and shortening shared by the graph writers.  Boost's writers escape
// too little (control characters, backslashes, DOT keywords), so every writer
// goes through these instead.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/graph/knowledge_graph.hpp"

namespace geokg::exportutil {

// Valid UTF-8 only: ill-formed sequences become U+FFFD and the non-characters
// U+FFFE/U+FFFF (forbidden in XML) are dropped.  Control characters stay.
std::string clean_utf8(std::string_view s);

// Text as XML may carry it: clean UTF-8 without C0 controls other than tab,
// newline and carriage return.
std::string xml_text(std::string_view s);
// Escapes & < > " ' and writes tab, newline and CR as character references so
// parsers neither normalise nor collapse them.  Calls xml_text first.
std::string xml_escape(std::string_view s);

// Text as a DOT quoted string may carry it: no C0 controls except newline,
// tabs as spaces.
std::string dot_text(std::string_view s);
// The inside of a DOT quoted string: \ → \\, " → \", newline → \n.  Calls
// dot_text first.
std::string dot_escape(std::string_view s);

// A node id as Graphviz reads it back: dot_text, cut to kDotIdBytes (Graphviz
// rejects quoted strings over 16 KB), and with a backslash doubled where
// Graphviz cannot hold a single one (before a quote, a line break or the
// closing quote).  Graphviz keeps every other backslash, line break and
// character of a node id as written, so those ids come back unchanged.
inline constexpr std::size_t kDotIdBytes = 4096;
std::string dot_id(std::string_view s);
// The quoted DOT string that Graphviz reads as `id` (a result of dot_id):
// only the quotes are escaped, since ids are not escStrings.
std::string dot_quoted_id(std::string_view id);

// Text for one CSV cell: no control characters, line breaks and tabs as spaces.
std::string csv_text(std::string_view s);
// One single-line RFC 4180 field: csv_quote(csv_text(s)).
std::string csv_field(std::string_view s);

// A spreadsheet runs a cell that starts with = + - @ tab or CR as a formula
// (CSV injection), so such a cell gets a leading ' as OWASP recommends; a plain
// number ("-3", "+1.5e3") cannot run and is left as it is.
std::string spreadsheet_safe(std::string s);

// At most `max_bytes` bytes, cut at a character boundary, "…" appended when cut.
std::string truncate_utf8(std::string_view s, std::size_t max_bytes);

// "doc#sentence: text" for the first `max_items` evidence sentences (each cut to
// `max_text` bytes), joined by `separator`, with "(+N more)" when there are more.
std::string evidence_summary(const RelationEdge& e, std::size_t max_items,
                             std::size_t max_text, std::string_view separator);

// The ids the writer emits for `nodes`, in the same order: `normalise`d, and made
// unique by a "~2", "~3" ... suffix when normalising made two ids equal.
std::vector<std::string> unique_ids(const KnowledgeGraph& g, const std::vector<Vertex>& nodes,
                                    std::string (*normalise)(std::string_view));

// What an edge is called in exports: the relation, or "affiliation".
std::string_view edge_name(const RelationEdge& e);

// A date usable as xsd:date (the first ten characters of an ISO date, a real
// day of the calendar), or "".
std::string xsd_date(std::string_view date);

// A date as YYYY-MM-DD for typed consumers (Neo4j's date): an ISO date or
// date-time gives its day, a partial "YYYY-MM" or "YYYY" its first day;
// anything else "".
std::string calendar_date(std::string_view date);

// The earliest and latest calendar_date of an edge's evidence ("" if none).
struct DateRange {
  std::string first, last;
};
DateRange date_range(const RelationEdge& e);

// Text as it is, line breaks and tabs included: clean UTF-8 without the C0
// controls other than tab, LF and CR, so that one of those can serve as a
// delimiter no text holds.
std::string verbatim_text(std::string_view s);
// One RFC 4180 field of `text` as it is: spreadsheet_safe, then quoted (with
// "" for ") when it holds a comma, quote, semicolon, line break or tab or
// starts or ends with a space.
std::string csv_quote(std::string text);
// csv_quote(verbatim_text(s)).
std::string csv_verbatim(std::string_view s);

// The evidence sentence a spreadsheet row shows: the earliest dated one,
// else the first; null for an edge without evidence.
const Evidence* first_evidence(const RelationEdge& e);

// The spreadsheet edge list, shared by `-o graph.csv` and `query relations`:
// its columns, and one edge's values in them, unquoted ("" where an
// affiliation edge or an edge without evidence has none).
extern const std::vector<std::string_view> kEdgeListColumns;
inline constexpr std::size_t kEdgeListEvidence = 13;  // the column of the sentence
std::vector<std::string> edge_list_values(const Graph& g, Edge e);

}  // namespace geokg::exportutil
