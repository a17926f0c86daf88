// The interactive page (-o graph.html): one file that works offline.  The
// browser libraries are inlined from the copies scripts/install-deps.sh put in
// place, and the graph travels as JSON inside the page, so opening it never
// asks the network for anything.
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "geokg/error.hpp"
#include "geokg/export/graph_io.hpp"
#include "geokg/resources.hpp"

namespace geokg {
namespace fs = std::filesystem;
namespace {

struct Library {
  const char* file;     // as installed, in DATADIR/web
  const char* package;  // as npm ci leaves it, in node_modules beside data/
};
constexpr Library kCytoscape{"cytoscape.min.js", "cytoscape/dist/cytoscape.min.js"};
constexpr Library kChart{"chart.umd.min.js", "chart.js/dist/chart.umd.min.js"};

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw ExportError("cannot read " + p.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string read_library(const fs::path& data, const Library& lib) {
  const std::vector<fs::path> where = {data / "web" / lib.file,
                                       data / ".." / "node_modules" / lib.package};
  std::error_code ec;
  for (const fs::path& p : where)
    if (fs::is_regular_file(p, ec)) return read_file(p);
  throw ExportError(fmt::format(
      "the browser library {} is missing (looked for {} and {}); run scripts/install-deps.sh",
      lib.file, where[0].string(), where[1].string()));
}

bool starts_with_nocase(std::string_view s, std::size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[at + i])) != prefix[i]) return false;
  return true;
}

// A script element ends at the first "</script", wherever it stands; "<\/"
// means the same inside JavaScript strings and regular expressions.  The
// source-map comment would make developer tools fetch a file that is not there.
std::string inline_script(std::string_view js) {
  std::string out;
  out.reserve(js.size());
  for (std::size_t i = 0; i < js.size(); ++i) {
    if (js[i] == '<' && starts_with_nocase(js, i, "</script")) {
      out += "<\\/";
      ++i;
      continue;
    }
    if (js[i] == '/' && (i == 0 || js[i - 1] == '\n') &&
        js.compare(i, 21, "//# sourceMappingURL=") == 0) {
      const std::size_t end = js.find('\n', i);
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    out += js[i];
  }
  return out;
}

// In JSON a '<' can only stand inside a string, where \u003c reads back the
// same, so no evidence sentence can close the script element or open a comment.
std::string embedded_json(const KnowledgeGraph& g) {
  std::ostringstream json;
  write_json(json, g);
  std::string out;
  for (char c : json.str()) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

// Replaces each @@name@@ of the template once, in a single pass, so that
// nothing inserted is read as a marker.
std::string fill(std::string_view page,
                 const std::map<std::string, std::string, std::less<>>& parts) {
  std::string out;
  std::size_t at = 0;
  while (true) {
    const std::size_t open = page.find("@@", at);
    const std::size_t close = open == std::string_view::npos ? open : page.find("@@", open + 2);
    if (close == std::string_view::npos) break;
    const auto part = parts.find(page.substr(open + 2, close - open - 2));
    if (part == parts.end())
      throw ExportError(fmt::format("the page template has an unknown marker {}",
                                    page.substr(open, close + 2 - open)));
    out.append(page.substr(at, open - at)).append(part->second);
    at = close + 2;
  }
  return out.append(page.substr(at));
}

}  // namespace

void write_html(std::ostream& out, const KnowledgeGraph& g) {
  const fs::path data = find_data_dir();
  const fs::path web = data / "web";
  out << fill(read_file(web / "graph-page.html"),
              {{"cytoscape", inline_script(read_library(data, kCytoscape))},
               {"chart", inline_script(read_library(data, kChart))},
               {"page", inline_script(read_file(web / "graph-page.js"))},
               {"graph", embedded_json(g)}});
}

}  // namespace geokg
