#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>

#include <fmt/format.h>

#include "geokg/error.hpp"
#include "geokg/export/graph_io.hpp"

namespace geokg {
namespace fs = std::filesystem;
namespace {

constexpr const char* kSupported = ".graphml, .dot, .gexf, .json, .neo4j";

// "out.neo4j/" names the folder out.neo4j, whose filename part is empty.
fs::path without_trailing_slash(const fs::path& p) {
  return p.has_filename() || !p.has_parent_path() ? p : p.parent_path();
}

fs::path temp_beside(const fs::path& out) {
  static std::atomic<unsigned> counter{0};
  fs::path name = fmt::format(".{}.tmp-{}-{}", out.filename().string(), ::getpid(), counter++);
  return out.parent_path() / name;
}

fs::path directory_of(const fs::path& out) {
  return out.parent_path().empty() ? fs::path(".") : out.parent_path();
}

void check_directory(const fs::path& out) {
  std::error_code ec;
  const fs::path dir = directory_of(out);
  if (!fs::is_directory(dir, ec))
    throw ExportError(fmt::format("cannot write {}: directory {} does not exist", out.string(),
                                  dir.string()));
}

void write_file(const fs::path& path, const fs::path& shown,
                const std::function<void(std::ostream&)>& body) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out)
    throw ExportError(fmt::format("cannot write {}: {}", shown.string(), std::strerror(errno)));
  body(out);
  out.flush();
  out.close();
  if (!out)
    throw ExportError(fmt::format("cannot write {}: {}", shown.string(),
                                  errno ? std::strerror(errno) : "write failed"));
}

void write_single(const fs::path& out, Format format, const KnowledgeGraph& g) {
  std::error_code ec;
  if (fs::is_directory(out, ec))
    throw ExportError(fmt::format("cannot write {}: it is a directory", out.string()));
  check_directory(out);
  const fs::path tmp = temp_beside(out);
  try {
    write_file(tmp, out, [&](std::ostream& os) {
      switch (format) {
        case Format::graphml: write_graphml(os, g); break;
        case Format::dot: write_dot(os, g); break;
        case Format::gexf: write_gexf(os, g); break;
        case Format::json: write_json(os, g); break;
        case Format::neo4j: break;
      }
    });
    fs::rename(tmp, out, ec);
    if (ec)
      throw ExportError(fmt::format("cannot write {}: {}", out.string(), ec.message()));
  } catch (...) {
    fs::remove(tmp, ec);
    throw;
  }
}

// neo4j-admin wants a set of files, so the output is a folder; it is built
// under a temporary name and swapped in whole.
void write_folder(const fs::path& out, const KnowledgeGraph& g) {
  std::error_code ec;
  if (fs::exists(out, ec) && !fs::is_directory(out, ec))
    throw ExportError(fmt::format("cannot write {}: it exists and is not a directory",
                                  out.string()));
  check_directory(out);
  const fs::path tmp = temp_beside(out);
  fs::path old;
  try {
    if (!fs::create_directory(tmp, ec) || ec)
      throw ExportError(fmt::format("cannot write {}: cannot create a directory beside it: {}",
                                    out.string(), ec ? ec.message() : "already exists"));
    std::ofstream nodes(tmp / "nodes.csv", std::ios::binary);
    std::ofstream rels(tmp / "relationships.csv", std::ios::binary);
    if (!nodes || !rels)
      throw ExportError(fmt::format("cannot write {}: {}", out.string(), std::strerror(errno)));
    write_neo4j(nodes, rels, g);
    nodes.close();
    rels.close();
    if (!nodes || !rels)
      throw ExportError(fmt::format("cannot write {}: write failed", out.string()));
    // A directory cannot be renamed over a non-empty one: move the old aside
    // first and remove it only once the new one is in place.
    if (fs::exists(out, ec)) {
      old = temp_beside(out);
      fs::rename(out, old, ec);
      if (ec)
        throw ExportError(fmt::format("cannot replace {}: {}", out.string(), ec.message()));
    }
    fs::rename(tmp, out, ec);
    if (ec) {
      if (!old.empty()) fs::rename(old, out, ec);
      throw ExportError(fmt::format("cannot write {}: {}", out.string(), ec.message()));
    }
    if (!old.empty()) fs::remove_all(old, ec);
  } catch (...) {
    fs::remove_all(tmp, ec);
    throw;
  }
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
