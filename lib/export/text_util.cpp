#include "export/text_util.hpp"

#include <set>

#include <fmt/format.h>

#include "text/utf8.hpp"

namespace geokg::exportutil {

std::string clean_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const utf8::Sequence q = utf8::decode(s, i);
    if (!q.valid) {
      // One U+FFFD per bad byte, not per maximal subpart.
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (q.cp != 0xFFFE && q.cp != 0xFFFF) out.append(s.substr(i, q.length));
    i += q.length;
  }
  return out;
}

std::string xml_text(std::string_view s) {
  std::string out;
  for (char c : clean_utf8(s)) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    out += c;
  }
  return out;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : xml_text(s)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string dot_text(std::string_view s) {
  std::string out;
  for (char c : clean_utf8(s)) {
    auto u = static_cast<unsigned char>(c);
    if (c == '\t') {
      out += ' ';
    } else if (u >= 0x20 || c == '\n') {
      out += c;
    }
  }
  return out;
}

std::string dot_escape(std::string_view s) {
  std::string out;
  for (char c : dot_text(s)) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
  return out;
}

std::string dot_id(std::string_view s) {
  const std::string text = truncate_utf8(dot_text(s), kDotIdBytes);
  std::string out;
  // Graphviz's lexer takes "\\" as a pair and "\"" as a quote, left to
  // right; a lone backslash before a quote, a line break or the end would pair
  // with it, so that one is doubled (and comes back doubled).
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out += text[i];
    } else if (i + 1 < text.size() && text[i + 1] == '\\') {
      out += "\\\\";
      ++i;
    } else if (i + 1 == text.size() || text[i + 1] == '"' || text[i + 1] == '\n') {
      out += "\\\\";
    } else {
      out += '\\';
    }
  }
  return out;
}

std::string dot_quoted_id(std::string_view id) {
  std::string out(1, '"');
  for (char c : id) {
    if (c == '"') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_text(std::string_view s) {
  std::string out;
  for (char c : clean_utf8(s)) {
    auto u = static_cast<unsigned char>(c);
    if (c == '\t' || c == '\n' || c == '\r') {
      out += ' ';
    } else if (u >= 0x20) {
      out += c;
    }
  }
  return out;
}

namespace {
bool plain_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  bool digits = false, dot = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      break;
    }
  }
  if (!digits) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return false;
  }
  return i == s.size();
}
}  // namespace

std::string spreadsheet_safe(std::string s) {
  if (s.empty() || std::string_view("=+-@\t\r").find(s.front()) == std::string_view::npos ||
      plain_number(s))
    return s;
  return "'" + s;
}

std::string csv_field(std::string_view s) { return csv_quote(csv_text(s)); }

std::string truncate_utf8(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  std::size_t cut = max_bytes;
  // Back up over continuation bytes so no character is split.
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "\xE2\x80\xA6";
}

std::string evidence_summary(const RelationEdge& e, std::size_t max_items,
                             std::size_t max_text, std::string_view separator) {
  std::string out;
  std::size_t n = 0;
  for (const Evidence& ev : e.evidence) {
    if (n == max_items) break;
    if (n++) out += separator;
    out += fmt::format("{}#{}: {}", ev.doc, ev.sentence, truncate_utf8(ev.text, max_text));
  }
  if (e.evidence.size() > n) out += fmt::format("{}(+{} more)", separator, e.evidence.size() - n);
  return out;
}

std::vector<std::string> unique_ids(const KnowledgeGraph& g, const std::vector<Vertex>& nodes,
                                    std::string (*normalise)(std::string_view)) {
  std::vector<std::string> out(nodes.size());
  std::set<std::string, std::less<>> used;
  // Ids that need no cleaning keep them; only an id that cleaning changed can
  // end up with a suffix, so "ctlid" stays "ctlid" next to "ctl\x01id".
  std::vector<std::size_t> changed;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const std::string& id = g.graph()[nodes[i]].id;
    std::string clean = normalise(id);
    if (clean == id && !clean.empty() && used.insert(clean).second)
      out[i] = std::move(clean);
    else
      changed.push_back(i);
  }
  for (std::size_t i : changed) {
    std::string base = normalise(g.graph()[nodes[i]].id);
    if (base.empty()) base.push_back('_');
    std::string candidate = base;
    for (int k = 2; used.count(candidate); ++k) candidate = fmt::format("{}~{}", base, k);
    used.insert(candidate);
    out[i] = std::move(candidate);
  }
  return out;
}

std::string_view edge_name(const RelationEdge& e) {
  return e.kind == EdgeKind::affiliation ? std::string_view("affiliation") : to_string(e.relation);
}

namespace {
// The number the digits at [from, from + n) of `s` spell, or -1.
int digits(std::string_view s, std::size_t from, std::size_t n) {
  if (s.size() < from + n) return -1;
  int v = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool real_day(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m != 2 || d <= 28 || leap;
}
}  // namespace

std::string xsd_date(std::string_view date) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return {};
  // A time may follow ("T10:00:00Z"), a digit may not ("2023-01-011").
  if (date.size() > 10 && date[10] >= '0' && date[10] <= '9') return {};
  if (!real_day(digits(date, 0, 4), digits(date, 5, 2), digits(date, 8, 2))) return {};
  return std::string(date.substr(0, 10));
}

std::string calendar_date(std::string_view date) {
  if (date.size() >= 10) return xsd_date(date);
  if (date.size() == 7 && date[4] == '-' && real_day(digits(date, 0, 4), digits(date, 5, 2), 1))
    return std::string(date) + "-01";
  if (date.size() == 4 && real_day(digits(date, 0, 4), 1, 1)) return std::string(date) + "-01-01";
  return {};
}

DateRange date_range(const RelationEdge& e) {
  DateRange r;
  for (const Evidence& ev : e.evidence) {
    std::string d = calendar_date(ev.date);
    if (d.empty()) continue;
    if (r.first.empty() || d < r.first) r.first = d;
    if (r.last.empty() || d > r.last) r.last = std::move(d);
  }
  return r;
}

std::string verbatim_text(std::string_view s) {
  std::string text;
  for (char c : clean_utf8(s)) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 || c == '\t' || c == '\n' || c == '\r') text += c;
  }
  return text;
}

std::string csv_verbatim(std::string_view s) { return csv_quote(verbatim_text(s)); }

std::string csv_quote(std::string text) {
  text = spreadsheet_safe(std::move(text));
  const bool quote = text.find_first_of(",\";\n\r\t") != std::string::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

const Evidence* first_evidence(const RelationEdge& e) {
  const Evidence* best = nullptr;
  std::string best_date;
  for (const Evidence& ev : e.evidence) {
    std::string d = calendar_date(ev.date);
    if (!best || (!d.empty() && (best_date.empty() || d < best_date))) {
      best = &ev;
      best_date = std::move(d);
    }
  }
  return best;
}

}  // namespace geokg::exportutil
