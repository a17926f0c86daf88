// Tables as text for a terminal, JSON, CSV (RFC 4180) and TSV.
#include <algorithm>

#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "export/text_util.hpp"
#include "geokg/query/query.hpp"

namespace geokg::query {
namespace {

std::string plain(const Cell& c) {
  struct {
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(std::int64_t n) const { return fmt::format("{}", n); }
    // Six significant digits: enough to rank and compare by eye; JSON keeps all.
    std::string operator()(double d) const { return fmt::format("{:.6g}", d); }
  } visit;
  return std::visit(visit, c);
}

bool numeric(const Cell& c) {
  return std::holds_alternative<std::int64_t>(c) || std::holds_alternative<double>(c);
}

// Code points, a fair measure of width for the Latin and Cyrillic names and
// sentences a news graph holds.
std::size_t width(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// One table cell on one line: control characters would break the alignment.
std::string one_line(std::string_view s) {
  std::string out = exportutil::clean_utf8(s);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  return out;
}

std::string render_table(const Table& t) {
  const std::size_t cols = t.columns.size();
  std::vector<std::vector<std::string>> text;
  std::vector<std::size_t> w(cols, 0);
  std::vector<bool> right(cols, false);
  text.push_back({});
  for (std::size_t i = 0; i < cols; ++i) {
    text.back().push_back(one_line(t.columns[i]));
    w[i] = width(text.back()[i]);
  }
  for (const auto& row : t.rows) {
    text.push_back({});
    for (std::size_t i = 0; i < cols; ++i) {
      const Cell& c = i < row.size() ? row[i] : Cell{};
      if (numeric(c)) right[i] = true;
      text.back().push_back(one_line(plain(c)));
      w[i] = std::max(w[i], width(text.back()[i]));
    }
  }
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    std::string l;
    for (std::size_t i = 0; i < cols; ++i) {
      const std::size_t pad = w[i] - width(cells[i]);
      if (i) l += "  ";
      if (right[i]) l.append(pad, ' ');
      l += cells[i];
      // The last column is not padded, so a long sentence wraps naturally.
      if (!right[i] && i + 1 < cols) l.append(pad, ' ');
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l;
    out += '\n';
  };
  line(text[0]);
  std::vector<std::string> rule;
  // Under an unpadded last column a full-width rule would only wrap.
  for (std::size_t i = 0; i < cols; ++i)
    rule.push_back(
        std::string(i + 1 == cols && !right[i]
                        ? std::max(width(text[0][i]), std::min<std::size_t>(w[i], 40))
                        : w[i],
                    '-'));
  line(rule);
  for (std::size_t r = 1; r < text.size(); ++r) line(text[r]);
  return out;
}

std::string render_json(const Table& t) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  auto str = [&](std::string_view s) {
    const std::string clean = exportutil::clean_utf8(s);
    w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
  };
  w.StartObject();
  str("command");
  str(t.command);
  str("columns");
  w.StartArray();
  for (const auto& c : t.columns) str(c);
  w.EndArray();
  str("rows");
  w.StartArray();
  for (const auto& row : t.rows) {
    w.StartObject();
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      str(t.columns[i]);
      const Cell& c = i < row.size() ? row[i] : Cell{};
      if (auto* s = std::get_if<std::string>(&c))
        str(*s);
      else if (auto* n = std::get_if<std::int64_t>(&c))
        w.Int64(*n);
      else if (auto* d = std::get_if<double>(&c))
        w.Double(*d);
      else
        w.Null();
    }
    w.EndObject();
  }
  w.EndArray();
  str("notes");
  w.StartArray();
  for (const auto& n : t.notes) str(n);
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

// Tabs and line breaks inside a value would split it, so they are written as
// the escapes \t, \n, \r, and a backslash as \\ (as PostgreSQL's text format).
std::string tsv_field(std::string_view raw) {
  const std::string s = exportutil::clean_utf8(raw);
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
  return out;
}

template <typename Field>
std::string render_delimited(const Table& t, char sep, std::string_view eol, Field field) {
  std::string out;
  auto line = [&](auto&& cells, auto&& get) {
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      if (i) out += sep;
      out += field(get(cells, i));
    }
    out += eol;
  };
  line(t.columns, [](const auto& cols, std::size_t i) { return cols[i]; });
  for (const auto& row : t.rows)
    line(row, [](const auto& r, std::size_t i) { return i < r.size() ? plain(r[i]) : ""; });
  return out;
}

}  // namespace

std::string render(const Table& t, OutputFormat format) {
  switch (format) {
    case OutputFormat::table:
      return render_table(t);
    case OutputFormat::json:
      return render_json(t);
    case OutputFormat::csv:
      return render_delimited(t, ',', "\r\n", exportutil::csv_verbatim);
    case OutputFormat::tsv:
      return render_delimited(t, '\t', "\n", tsv_field);
  }
  return {};
}

}  // namespace geokg::query
