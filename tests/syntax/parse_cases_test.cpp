// The case tables in cases/: a sentence per row and the arcs the shipped
// model must give it, as "dependent relation head" (the root's head is ROOT).
// Sentences go through geokg's own segmenter and contraction splitting, as in
// `geokg extract` and `geokg parse`.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "geokg/syntax/model.hpp"
#include "geokg/text/segmenter.hpp"

namespace {

using namespace geokg;

struct Row {
  std::string where, lang, sentence;
  std::vector<std::string> arcs;  // "Russland nsubj angegriffen"
};

std::vector<Row> rows(const std::string& file, bool with_lang = false) {
  std::ifstream in(std::string(GEOKG_SYNTAX_CASES_DIR) + "/" + file);
  REQUIRE_MESSAGE(in, "cannot open cases/" << file);
  std::vector<Row> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream cols(line);
    Row r;
    r.where = file + ":" + std::to_string(n);
    std::string arcs;
    if (with_lang) std::getline(cols, r.lang, '\t');
    std::getline(cols, r.sentence, '\t');
    std::getline(cols, arcs, '\t');
    for (std::size_t at = 0; at < arcs.size();) {
      std::size_t end = arcs.find(';', at);
      std::string arc = arcs.substr(at, end == std::string::npos ? end : end - at);
      arc.erase(0, arc.find_first_not_of(' '));
      arc.erase(arc.find_last_not_of(' ') + 1);
      if (!arc.empty()) r.arcs.push_back(arc);
      if (end == std::string::npos) break;
      at = end + 1;
    }
    out.push_back(std::move(r));
  }
  return out;
}

// Every arc of the parse as "dependent relation head", for the words named.
std::string arc_of(const syntax::Model& m, const syntax::TokenWords& w, const syntax::Parse& p,
                   const std::string& dependent, std::string& error) {
  int found = -1;
  for (std::size_t i = 0; i < w.forms.size(); ++i)
    if (w.forms[i] == dependent) {
      if (found >= 0) error = "'" + dependent + "' occurs twice";
      found = static_cast<int>(i);
    }
  if (found < 0) {
    error = "no word '" + dependent + "'";
    return "";
  }
  auto u = static_cast<std::size_t>(found);
  std::string head = p.head[u] < 0 ? "ROOT" : w.forms[static_cast<std::size_t>(p.head[u])];
  return dependent + " " + std::string(m.label_name(p.deprel[u])) + " " + head;
}

// The row's arcs that came out wrong, as "want ... got ..." lines.
std::vector<std::string> wrong_arcs(Lang lang, const Row& r) {
  const syntax::Model* m = syntax::Model::shared(lang);
  REQUIRE(m != nullptr);
  Segmenter seg(lang);
  SegmentedText text = seg.segment(r.sentence);
  REQUIRE_MESSAGE(text.sentences.size() == 1, r.where << ": not one sentence");
  syntax::TokenWords w;
  m->words_of(text.sentences[0].tokens, w);
  std::vector<std::string_view> forms(w.forms.begin(), w.forms.end());
  syntax::Parse p;
  m->parse(forms, p);
  std::vector<std::string> wrong;
  for (const std::string& want : r.arcs) {
    std::string error;
    std::string got = arc_of(*m, w, p, want.substr(0, want.find(' ')), error);
    REQUIRE_MESSAGE(error.empty(), r.where << ": " << error);
    if (got != want) wrong.push_back("want " + want + "\n  got  " + got);
  }
  return wrong;
}

void check_table(Lang lang, const std::string& file) {
  for (const Row& r : rows(file))
    for (const std::string& w : wrong_arcs(lang, r))
      FAIL_CHECK(r.where << ": " << r.sentence << "\n  " << w);
}

}  // namespace

TEST_CASE("German parses: verb second, verb-final clauses, separable verbs, passive") {
  check_table(Lang::de, "de.tsv");
}

TEST_CASE("English parses: passive, coordination, apposition, of-arguments") {
  check_table(Lang::en, "en.tsv");
}

TEST_CASE("known failures still fail: a fixed one moves to de.tsv or en.tsv") {
  for (const Row& r : rows("known-failures.tsv", true))
    CHECK_MESSAGE(!wrong_arcs(parse_lang(r.lang), r).empty(),
                  r.where << ": now parsed right, move it to " << r.lang << ".tsv: " << r.sentence);
}
