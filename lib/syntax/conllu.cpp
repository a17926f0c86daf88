#include "geokg/syntax/conllu.hpp"

#include <charconv>
#include <fstream>
#include <istream>
#include <ostream>

namespace geokg::syntax {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

bool to_int(std::string_view s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

[[noreturn]] void fail(const std::string& name, std::size_t line, const std::string& what) {
  throw SyntaxError(name + ":" + std::to_string(line) + ": " + what);
}

void add_word(const std::vector<std::string_view>& f, ConlluSentence& s,
              const std::string& name, std::size_t line) {
  int id = 0;
  if (!to_int(f[0], id) || id != static_cast<int>(s.words.size()) + 1)
    fail(name, line, "word id '" + std::string(f[0]) + "' where " +
                         std::to_string(s.words.size() + 1) + " was expected");
  Word w;
  w.form = f[1];
  w.lemma = f[2];
  w.upos = f[3];
  w.xpos = f[4];
  w.feats = f[5];
  if (f[6] == "_") {
    w.head = -1;
  } else if (!to_int(f[6], w.head) || w.head < 0) {
    fail(name, line, "head '" + std::string(f[6]) + "' is not a word id");
  }
  w.deprel = f[7];
  w.deps = f[8];
  w.misc = f[9];
  if (s.words.empty()) s.line = line;
  s.words.push_back(std::move(w));
}

void add_range(const std::vector<std::string_view>& f, ConlluSentence& s,
               const std::string& name, std::size_t line) {
  std::string_view id = f[0];
  auto dash = id.find('-');
  MultiwordToken m;
  if (!to_int(id.substr(0, dash), m.first) || !to_int(id.substr(dash + 1), m.last) ||
      m.first != static_cast<int>(s.words.size()) + 1 || m.last < m.first)
    fail(name, line, "multiword range '" + std::string(id) + "' out of order");
  m.form = f[1];
  m.misc = f[9];
  s.multiword.push_back(std::move(m));
}

// `lines`: the line of each word, which range lines and empty nodes between
// the words keep from being s.line + i.
void check_heads(const ConlluSentence& s, const std::vector<std::size_t>& lines,
                 const std::string& name) {
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    int h = s.words[i].head;
    if (h > static_cast<int>(s.words.size()))
      fail(name, lines[i], "head " + std::to_string(h) + " beyond the sentence's " +
                               std::to_string(s.words.size()) + " words");
  }
  for (const auto& m : s.multiword)
    if (m.last > static_cast<int>(s.words.size()))
      fail(name, s.line, "multiword range " + std::to_string(m.first) + "-" +
                             std::to_string(m.last) + " beyond the sentence's words");
}

}  // namespace

ConlluReader::ConlluReader(std::istream& in, std::string name)
    : in_(in), name_(std::move(name)) {}

bool ConlluReader::next(ConlluSentence& out) {
  out = ConlluSentence{};
  std::string line;
  bool any = false;
  std::size_t first = 0;  // the sentence's first line, comments included
  std::vector<std::size_t> word_lines;
  while (std::getline(in_, line)) {
    ++line_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (any) break;
      continue;
    }
    if (!any) first = line_;
    any = true;
    if (line[0] == '#') {
      out.comments.push_back(line);
      continue;
    }
    auto f = split_tabs(line);
    if (f.size() != 10)
      fail(name_, line_, "a word line has 10 tab-separated columns, this one " +
                             std::to_string(f.size()));
    if (f[0].find('.') != std::string_view::npos)
      out.empty_nodes.emplace_back(static_cast<int>(out.words.size()), line);
    else if (f[0].find('-') != std::string_view::npos)
      add_range(f, out, name_, line_);
    else {
      add_word(f, out, name_, line_);
      word_lines.push_back(line_);
    }
  }
  if (in_.bad()) throw SyntaxError(name_ + ": read error");
  if (any && out.words.empty()) fail(name_, first, "a sentence without words");
  if (any) check_heads(out, word_lines, name_);
  return any;
}

std::vector<ConlluSentence> read_conllu_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw SyntaxError(file.string() + ": cannot open");
  ConlluReader reader(in, file.string());
  std::vector<ConlluSentence> out;
  ConlluSentence s;
  while (reader.next(s)) out.push_back(std::move(s));
  return out;
}

void write_conllu(std::ostream& out, const ConlluSentence& s) {
  for (const auto& c : s.comments) out << c << '\n';
  std::size_t range = 0, empty = 0;
  while (empty < s.empty_nodes.size() && s.empty_nodes[empty].first == 0)
    out << s.empty_nodes[empty++].second << '\n';
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    const int id = static_cast<int>(i) + 1;
    while (range < s.multiword.size() && s.multiword[range].first == id) {
      const auto& m = s.multiword[range++];
      out << m.first << '-' << m.last << '\t' << m.form << "\t_\t_\t_\t_\t_\t_\t_\t" << m.misc
          << '\n';
    }
    const Word& w = s.words[i];
    out << id << '\t' << w.form << '\t' << w.lemma << '\t' << w.upos << '\t' << w.xpos << '\t'
        << w.feats << '\t';
    if (w.head < 0) out << '_'; else out << w.head;
    out << '\t' << w.deprel << '\t' << w.deps << '\t' << w.misc << '\n';
    while (empty < s.empty_nodes.size() && s.empty_nodes[empty].first == id)
      out << s.empty_nodes[empty++].second << '\n';
  }
  out << '\n';
}

std::string newdoc_id(const ConlluSentence& s) {
  for (const auto& c : s.comments) {
    constexpr std::string_view kKey = "# newdoc";
    if (c.compare(0, kKey.size(), kKey) != 0) continue;
    auto eq = c.find('=');
    if (eq == std::string::npos) return "-";
    auto v = c.substr(eq + 1);
    v.erase(0, v.find_first_not_of(' '));
    return v.empty() ? "-" : v;
  }
  return "";
}

}  // namespace geokg::syntax
