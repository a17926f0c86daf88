// clauses.cpp: where a sentence is cut into clauses.  Sentences written for
// these tests; the heuristics' own examples where they fit.
#include "analysis_helpers.hpp"

using namespace analysis_test;
using Words = std::vector<std::string>;

namespace {
Words clauses_of(const std::string& text, Lang lang) {
  return clause_words(*analyse(text, lang, Stage::clauses));
}
}  // namespace

TEST_SUITE("analysis: clauses") {
  TEST_CASE(
      "a comma after a verb opens a clause; punctuation between belongs to the one before") {
    auto a = analyse("Die Regierung erklärte, dass Russland angegriffen habe.", Lang::de,
                     Stage::clauses);
    CHECK(clause_words(*a) ==
          Words{"Die Regierung erklärte", "dass Russland angegriffen habe ."});
    CHECK(a->syn.clause_of[a->at(",")] == 0);
    CHECK(a->syn.clause_of[a->at("dass")] == 1);
  }
  TEST_CASE("a list of names without a verb joins the clause after it") {
    CHECK(clauses_of("Frankreich, Deutschland und Polen kritisierten den Angriff.", Lang::de) ==
          Words{"Frankreich , Deutschland und Polen kritisierten den Angriff ."});
    CHECK(clauses_of("Britain, France and Germany condemned the attack.", Lang::en) ==
          Words{"Britain , France and Germany condemned the attack ."});
  }
  TEST_CASE("an apposition without a verb joins the clause before it") {
    CHECK(clauses_of("Russland griff Charkiw an, die zweitgrößte Stadt.", Lang::de) ==
          Words{"Russland griff Charkiw an , die zweitgrößte Stadt ."});
  }
  TEST_CASE("a dateline joins the clause after its dash") {
    CHECK(clauses_of("Sirte - Die Regierung hat den Angriff verurteilt.", Lang::de) ==
          Words{"Sirte - Die Regierung hat den Angriff verurteilt ."});
  }
  TEST_CASE("a bare zu-infinitive takes the verbless segments before it") {
    CHECK(clauses_of("Die Armee gibt an, Stellungen des IS, zu bombardieren.", Lang::de) ==
          Words{"Die Armee gibt an", "Stellungen des IS , zu bombardieren ."});
  }
  TEST_CASE("an auxiliary joins the segments up to its participle (German right bracket)") {
    CHECK(clauses_of("Demnach wurden 14 Aufständische, sieben Zivilisten und ein UN-Soldat "
                     "getötet.",
                     Lang::de) ==
          Words{"Demnach wurden 14 Aufständische , sieben Zivilisten und ein UN - Soldat "
                "getötet ."});
    // A segment with an auxiliary of its own stops the join.
    CHECK(clauses_of("Demnach wurden 14 Aufständische, sieben Zivilisten wurden verletzt.",
                     Lang::de) ==
          Words{"Demnach wurden 14 Aufständische", "sieben Zivilisten wurden verletzt ."});
  }
  TEST_CASE(
      "English verb phrases after 'and': split after an actor object or before an auxiliary") {
    CHECK(clauses_of("Russia attacked Ukraine and bombed Kiev.", Lang::en) ==
          Words{"Russia attacked Ukraine", "and bombed Kiev ."});
    CHECK(clauses_of("The minister has been indicted for fraud and will resign.", Lang::en) ==
          Words{"The minister has been indicted for fraud", "and will resign ."});
    // "condemned the launch and urged North Korea to ...": about North Korea's launch.
    CHECK(clauses_of("Japan condemned the launch and urged North Korea to stop.", Lang::en) ==
          Words{"Japan condemned the launch and urged North Korea to stop ."});
    // "bombed and shelled the town" shares the object.
    CHECK(clauses_of("Russia bombed and shelled the town.", Lang::en) ==
          Words{"Russia bombed and shelled the town ."});
  }
  TEST_CASE("a sentence of punctuation only is one clause") {
    auto a = analyse("...", Lang::de, Stage::clauses);
    REQUIRE(a->syn.clauses.size() == 1);
    CHECK(a->syn.clauses[0].first == 0);
    CHECK(a->syn.clauses[0].last == a->tokens().size());
  }
}
