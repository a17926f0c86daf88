// coordination.cpp: which mentions form a group and what later conjuncts take
// from the first.
#include "analysis_helpers.hpp"

using namespace analysis_test;
using Words = std::vector<std::string>;

namespace {
// "text:group" for each mention (group: the index of its first mention).
Words groups(const std::string& text, Lang lang) {
  auto a = analyse(text, lang, Stage::coordination);
  Words out;
  for (const Mention& m : a->syn.mentions)
    out.push_back(m.text + ":" + std::to_string(m.group));
  return out;
}
}  // namespace

TEST_SUITE("analysis: coordination") {
  TEST_CASE("a list that a coordinator closes is one group") {
    CHECK(groups("Frankreich, Deutschland und Polen kritisierten Russland.", Lang::de) ==
          Words{"Frankreich:0", "Deutschland:0", "Polen:0", "Russland:3"});
  }
  TEST_CASE("a comma alone joins only three or more bare names") {
    CHECK(groups("Russland warnte Polen, Litauen protestierte.", Lang::de) ==
          Words{"Russland:0", "Polen:1", "Litauen:2"});
    CHECK(groups("Sanctions hit Iran, Libya, Sudan.", Lang::en) ==
          Words{"Iran:0", "Libya:0", "Sudan:0"});
  }
  TEST_CASE("allies and the places after them join the first conjunct") {
    auto a = analyse("Nordkorea drohte den USA und ihren Verbündeten in Südkorea und Japan.",
                     Lang::de, Stage::coordination);
    Words out;
    for (const Mention& m : a->syn.mentions)
      out.push_back(m.text + ":" + std::to_string(m.group) + ":" + m.prep +
                    (m.oblique ? ":oblique" : ""));
    CHECK(out == Words{"Nordkorea:0:", "USA:1::oblique", "Südkorea:1::oblique",
                       "Japan:1::oblique"});
  }
  TEST_CASE("a later conjunct takes the first one's preposition, not another") {
    auto a = analyse("Polen protestierte gegen Russland und China.", Lang::de,
                     Stage::coordination);
    REQUIRE(a->syn.mentions.size() == 3);
    CHECK(a->syn.mentions[2].group == 1);
    CHECK(a->syn.mentions[2].prep == "gegen");
    CHECK(groups("Polen sprach mit Russland und gegen China.", Lang::de) ==
          Words{"Polen:0", "Russland:1", "China:2"});
  }
  TEST_CASE("an adjective joins only as the state of a person or institution") {
    CHECK(groups("Syria and Palestinian leader Yasser Arafat met.", Lang::en) ==
          Words{"Syria:0", "Palestinian ... Yasser Arafat:0"});
    CHECK(groups("Israeli officials and the PLO met.", Lang::en) ==
          Words{"Israeli:0", "PLO:0"});
    CHECK(groups("Syria and Russian weapons arrived.", Lang::en) ==
          Words{"Syria:0", "Russian:1"});
  }
}
