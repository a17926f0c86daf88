// tree.cpp: which sentences are parsed, and the parse carried over from the
// treebank's words to geokg's tokens.  Needs data/models/de.syntax; without
// it the test says so and checks only that nothing is parsed.
#include "analysis_helpers.hpp"

#include <filesystem>

namespace analysis_test {
namespace {

// The German parser, if the data folder has one.
const TreeModel* german_tree() {
  static const std::unique_ptr<syntax::Model> model = []() -> std::unique_ptr<syntax::Model> {
    auto file = find_data_dir() / "models" / "de.syntax";
    if (!std::filesystem::exists(file)) return nullptr;
    return std::make_unique<syntax::Model>(syntax::Model::load(file));
  }();
  static const std::unique_ptr<TreeModel> tree =
      model ? std::make_unique<TreeModel>(*model) : nullptr;
  return tree.get();
}

// `text` analysed and then parsed with `tree`.
std::unique_ptr<Analysed> parsed(const std::string& text, const TreeModel* tree) {
  auto a = analyse(text, Lang::de, Stage::coordination);
  AnalyzerContext ctx = a->ctx;
  ctx.tree = tree;
  plan_tree(a->sentence(), ctx, a->syn);
  return a;
}

TEST_CASE("tree: a sentence with two mentions and a trigger is parsed, token by token") {
  const TreeModel* tree = german_tree();
  if (!tree) {
    MESSAGE("data/models/de.syntax missing: the parse is not checked");
    return;
  }
  auto a = parsed("Frankreich kritisierte zum Schutz der Ukraine Russland.", tree);
  // Planned, not parsed: the parse waits for the first question.
  CHECK_FALSE(a->syn.tree_made);
  const Tree& t = a->syn.tree();
  CHECK(a->syn.tree_made);
  REQUIRE(t.parsed);
  CHECK(t.head.size() == a->tokens().size());
  CHECK(t.dep.size() == a->tokens().size());
  int roots = 0;
  for (std::size_t k = 0; k < t.head.size(); ++k) {
    roots += t.head[k] < 0;
    CHECK(t.head[k] < static_cast<std::int32_t>(t.head.size()));
  }
  CHECK(roots == 1);
  // "zum" (zu dem) is one token: the preposition of "Schutz", dative.
  const std::uint32_t zum = a->at("zum");
  CHECK(t.dep[zum] == Dep::case_);
  CHECK(t.head[zum] == static_cast<std::int32_t>(a->at("Schutz")));
  CHECK(t.gcase[zum] == 'D');
  const auto verb = static_cast<std::int32_t>(a->at("kritisierte"));
  CHECK(t.head[static_cast<std::size_t>(verb)] == -1);
  CHECK(t.dep[a->at("Frankreich")] == Dep::nsubj);
  CHECK(t.head[a->at("Frankreich")] == verb);
  CHECK(t.upos[a->at("Frankreich")] == syntax::Upos::PROPN);
  CHECK(to_string(Dep::nsubj_pass) == "nsubj:pass");
}

TEST_CASE("tree: a sentence that cannot hold an event is not parsed") {
  const TreeModel* tree = german_tree();
  // No trigger word.
  CHECK_FALSE(parsed("Frankreich liegt westlich von Deutschland.", tree)->syn.tree().parsed);
  // No actor, pronoun or description, or only one: nothing to choose between.
  CHECK_FALSE(parsed("Der Regen hat die Straßen angegriffen.", tree)->syn.tree().parsed);
  CHECK_FALSE(parsed("Frankreich hat die Straßen angegriffen.", tree)->syn.tree().parsed);
  // No parser for the language: the heuristics alone.
  auto a = parsed("Frankreich hat Russland kritisiert.", nullptr);
  CHECK_FALSE(a->syn.tree().parsed);
  CHECK(a->syn.tree().head.empty());
}

}  // namespace
}  // namespace analysis_test
