// Training: the same treebank and seed give the same bytes, and a model
// learns a small treebank by heart.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "geokg/syntax/model.hpp"
#include "tiny_treebank.hpp"

namespace {

using namespace geokg;
namespace fs = std::filesystem;

std::string bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

fs::path temp_model(const char* name) {
  return fs::temp_directory_path() / (std::string("geokg-syntax-test-") + name + "-" +
                                      std::to_string(::getpid()) + ".syntax");
}

syntax::TrainOptions quick() {
  syntax::TrainOptions o;
  o.tagger_epochs = 15;
  o.parser_epochs = 40;
  o.folds = 0;  // gold tags: taggers of two sentences would teach the parser noise
  o.min_updates = 1;  // four sentences: every vote counts
  return o;
}

}  // namespace

TEST_CASE("training twice with one seed writes the same bytes; another seed may not") {
  auto bank = tiny_treebank();
  fs::path a = temp_model("a"), b = temp_model("b");
  syntax::train(Lang::de, bank, quick(), a);
  syntax::train(Lang::de, bank, quick(), b);
  CHECK(bytes_of(a) == bytes_of(b));
  CHECK(!bytes_of(a).empty());
  fs::remove(a);
  fs::remove(b);
}

TEST_CASE("a model learns its training sentences: tags, heads, relations, contractions") {
  auto bank = tiny_treebank();
  fs::path file = temp_model("learn");
  syntax::train(Lang::de, bank, quick(), file);
  syntax::Model m = syntax::Model::load(file);
  CHECK(m.lang() == Lang::de);
  for (auto s : bank) {
    const auto gold = s;
    m.annotate(s);
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      INFO(gold.comments.back() << " word " << gold.words[i].form);
      CHECK(s.words[i].upos == gold.words[i].upos);
      CHECK(s.words[i].head == gold.words[i].head);
      CHECK(s.words[i].deprel == gold.words[i].deprel);
      CHECK(s.words[i].lemma == gold.words[i].lemma);
      CHECK(s.words[i].xpos == gold.words[i].xpos);  // kept as it was
    }
  }
  // "zum" was split twice in training: it is a contraction.
  Segmenter seg(Lang::de);
  auto text = seg.segment("China kritisierte zum Beispiel Russland.");
  syntax::TokenWords w;
  m.words_of(text.sentences.at(0).tokens, w);
  CHECK(w.forms == std::vector<std::string>{"China", "kritisierte", "zu", "dem", "Beispiel",
                                            "Russland", "."});
  CHECK(w.token == std::vector<std::uint32_t>{0, 1, 2, 2, 3, 4, 5});
  CHECK(w.first == std::vector<std::uint32_t>{0, 1, 2, 4, 5, 6, 7});
  fs::remove(file);
}

TEST_CASE("training refuses what it cannot learn from, naming why") {
  auto bank = tiny_treebank();
  fs::path file = temp_model("refuse");
  CHECK_THROWS_WITH_AS(syntax::train(Lang::other, bank, quick(), file),
                       doctest::Contains("de or en"), syntax::SyntaxError);
  for (auto& s : bank)
    for (auto& w : s.words) w.head = -1;
  CHECK_THROWS_WITH_AS(syntax::train(Lang::de, bank, quick(), file),
                       doctest::Contains("no complete sentence"), syntax::SyntaxError);
  CHECK(!fs::exists(file));
}
