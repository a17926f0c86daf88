// The one reader of geokg's data tables (data/actors, data/triggers,
// data/grammar).  Internal: not installed.
#pragma once
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace geokg {

struct TableRow {
  std::vector<std::string_view> fields;
  std::string where;  // "file:line"
  std::size_t line = 0;
};

// Reads a tab-separated table: blank lines and lines starting with '#' are
// skipped, CR line ends stripped, and every row must have `columns` fields
// (`names` lists them for the message).  A DataError thrown by `row` comes
// back prefixed with file:line.
void read_table(std::istream& in, const std::string& source, std::size_t columns,
                std::string_view names, const std::function<void(const TableRow&)>& row);

}  // namespace geokg
