#include "data_table.hpp"

#include <istream>

#include "geokg/error.hpp"

namespace geokg {

void read_table(std::istream& in, const std::string& source, std::size_t columns,
                std::string_view names, const std::function<void(const TableRow&)>& row) {
  std::string line;
  std::size_t lineno = 0;
  TableRow r;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    r.where = source + ":" + std::to_string(lineno);
    r.line = lineno;
    r.fields.clear();
    std::string_view rest(line);
    while (true) {
      std::size_t tab = rest.find('\t');
      r.fields.push_back(rest.substr(0, tab));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    if (r.fields.size() != columns)
      throw DataError(r.where + ": expected " + std::to_string(columns) + " tab-separated columns (" +
                      std::string(names) + "), found " + std::to_string(r.fields.size()));
    try {
      row(r);
    } catch (const DataError& e) {
      std::string msg = e.what();
      if (msg.rfind(r.where, 0) == 0) throw;
      throw DataError(r.where + ": " + msg);
    }
  }
}

}  // namespace geokg
