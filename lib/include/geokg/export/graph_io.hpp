// Graph exports (GraphML, DOT, GEXF, JSON, Neo4j CSV, CSV edge list,
// interactive HTML) and the
// JSON reader.
#pragma once
#include <filesystem>
#include <iosfwd>
#include <string>

#include "geokg/graph/knowledge_graph.hpp"

namespace geokg {

enum class Format { graphml, dot, gexf, json, neo4j, csv, html };
// From the output path's extension; throws ExportError for an unknown one.
Format format_for(const std::filesystem::path& out);

void write_graphml(std::ostream& out, const KnowledgeGraph& g);
void write_dot(std::ostream& out, const KnowledgeGraph& g);
void write_gexf(std::ostream& out, const KnowledgeGraph& g);
void write_json(std::ostream& out, const KnowledgeGraph& g);
// nodes.csv and relationships.csv for neo4j-admin database import.
void write_neo4j(std::ostream& nodes, std::ostream& relationships, const KnowledgeGraph& g);
// One row per edge for spreadsheets: codes, names, counts, dates and the
// first evidence sentence.
void write_csv(std::ostream& out, const KnowledgeGraph& g);
// One self-contained page that works offline: the browser libraries found in
// the data directory are inlined.  Throws ExportError when one is missing.
void write_html(std::ostream& out, const KnowledgeGraph& g);

// Writes to a private temporary beside `out` and renames it, so a failure
// leaves any previous output intact; the mode of a replaced output is kept and
// a symbolic link is written through.  Throws ExportError.
void write_graph(const std::filesystem::path& out, const KnowledgeGraph& g);

// Throws GraphError naming `where` for anything that is not a geokg graph.
KnowledgeGraph read_json(std::istream& in, const std::string& where);
KnowledgeGraph read_graph_file(const std::filesystem::path& path);

}  // namespace geokg
