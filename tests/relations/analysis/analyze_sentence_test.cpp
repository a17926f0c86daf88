// analyze_sentence.cpp: the units in order, and the early exit for a
// sentence that can have no mention.
#include "analysis_helpers.hpp"

using namespace analysis_test;

TEST_SUITE("analysis: analyze_sentence") {
  TEST_CASE("a sentence without a name, pronoun or description stops after the token cues") {
    auto a = analyse("Am Montag fiel viel Regen.", Lang::de, Stage::cues);
    SentenceSyntax syn;
    syn.mentions.resize(3);  // left over from an earlier sentence
    CHECK_FALSE(analyze_sentence(a->sentence(), a->ctx, syn, true));
    CHECK(syn.mentions.empty());
    CHECK(syn.clauses.empty());
    // Without need_mentions it is analysed all the same.
    CHECK(analyze_sentence(a->sentence(), a->ctx, syn, false));
    CHECK(syn.clauses.size() == 1);
  }
  TEST_CASE("the same result as the units run one by one") {
    const std::string text =
        "Frankreich und Polen erklärten, dass Russland die Ukraine nicht angreifen werde.";
    auto units = analyse(text, Lang::de);
    auto whole = std::make_unique<Analysed>(text, Lang::de);
    SentenceSyntax& syn = thread_syntax();
    REQUIRE(analyze_sentence(whole->sentence(), whole->ctx, syn, true));
    CHECK(syn.classes == units->syn.classes);
    CHECK(syn.clause_of == units->syn.clause_of);
    REQUIRE(syn.clauses.size() == units->syn.clauses.size());
    for (std::size_t i = 0; i < syn.clauses.size(); ++i) {
      CHECK(syn.clauses[i].type == units->syn.clauses[i].type);
      CHECK(syn.clauses[i].finite == units->syn.clauses[i].finite);
      CHECK(syn.clauses[i].negated == units->syn.clauses[i].negated);
    }
    REQUIRE(syn.mentions.size() == 4);
    CHECK(mention_list(*units) ==
          std::vector<std::string>{"Frankreich name FRA", "Polen name POL", "Russland name RUS",
                                   "Ukraine name UKR"});
    for (std::size_t i = 0; i < syn.mentions.size(); ++i) {
      CHECK(syn.mentions[i].text == units->syn.mentions[i].text);
      CHECK(syn.mentions[i].group == units->syn.mentions[i].group);
      CHECK(syn.mentions[i].np_first == units->syn.mentions[i].np_first);
    }
  }
  TEST_CASE("is_verbal: auxiliaries and trigger verbs; a capitalised German word only first") {
    auto a = analyse("Drohungen drohen, hat Russland gesagt.", Lang::de, Stage::cues);
    auto verbal = [&](const char* form, bool start) {
      const std::uint32_t i = a->at(form);
      return is_verbal(a->tokens()[i], a->syn.classes[i], a->syn.verb[i], a->ctx, start);
    };
    CHECK(verbal("drohen", false));
    CHECK(verbal("hat", false));
    CHECK_FALSE(verbal("Russland", false));
    CHECK_FALSE(verbal(",", false));
  }
}
