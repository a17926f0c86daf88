#include <sstream>

#include <fmt/format.h>

#include "export/atomic_file.hpp"
#include "geokg/error.hpp"
#include "geokg/export/graph_io.hpp"

namespace geokg {
namespace fs = std::filesystem;
namespace {

constexpr const char* kSupported = ".graphml, .dot, .gexf, .json, .neo4j, .csv, .html";

// "out.neo4j/" names the folder out.neo4j, whose filename part is empty.
fs::path without_trailing_slash(const fs::path& p) {
  return p.has_filename() || !p.has_parent_path() ? p : p.parent_path();
}

// The page is put together before the output is opened, so a missing browser
// library is reported without touching what was there.
std::string html_page(const fs::path& out, const KnowledgeGraph& g) {
  std::ostringstream page;
  try {
    write_html(page, g);
  } catch (const ExportError& e) {
    throw ExportError(fmt::format("cannot write {}: {}", out.string(), e.what()));
  }
  return page.str();
}

void write_single(const fs::path& out, Format format, const KnowledgeGraph& g) {
  const std::string page = format == Format::html ? html_page(out, g) : std::string();
  exportutil::AtomicFile file(out);
  std::ostream& os = file.stream();
  switch (format) {
    case Format::graphml: write_graphml(os, g); break;
    case Format::dot: write_dot(os, g); break;
    case Format::gexf: write_gexf(os, g); break;
    case Format::json: write_json(os, g); break;
    case Format::csv: write_csv(os, g); break;
    case Format::html: os << page; break;
    case Format::neo4j: break;
  }
  file.commit();
}

// neo4j-admin wants a set of files, so the output is a folder, swapped in whole.
void write_folder(const fs::path& out, const KnowledgeGraph& g) {
  exportutil::AtomicFolder folder(out);
  std::ostream& nodes = folder.add("nodes.csv");
  std::ostream& relationships = folder.add("relationships.csv");
  write_neo4j(nodes, relationships, g);
  folder.commit();
}

}  // namespace

Format format_for(const fs::path& out) {
  const fs::path p = without_trailing_slash(out);
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".graphml") return Format::graphml;
  if (ext == ".dot") return Format::dot;
  if (ext == ".gexf") return Format::gexf;
  if (ext == ".json") return Format::json;
  if (ext == ".neo4j") return Format::neo4j;
  if (ext == ".csv") return Format::csv;
  if (ext == ".html") return Format::html;
  throw ExportError(fmt::format("cannot export to {}: {} (supported: {})", out.string(),
                                ext.empty() ? std::string("no file extension")
                                            : "unknown extension '" + ext + "'",
                                kSupported));
}

void write_graph(const fs::path& out, const KnowledgeGraph& g) {
  const Format format = format_for(out);
  const fs::path target = without_trailing_slash(out);
  try {
    if (format == Format::neo4j)
      write_folder(target, g);
    else
      write_single(target, format, g);
  } catch (const fs::filesystem_error& e) {
    throw ExportError(fmt::format("cannot write {}: {}", out.string(), e.code().message()));
  }
}

}  // namespace geokg
