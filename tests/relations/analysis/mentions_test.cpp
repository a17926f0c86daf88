// mentions.cpp: which names, pronouns and descriptions become mentions.
#include "analysis_helpers.hpp"

using namespace analysis_test;
using Words = std::vector<std::string>;

namespace {
Words mentions_of(const std::string& text, Lang lang) {
  return mention_list(*analyse(text, lang, Stage::mentions));
}
// The mentions marked as private persons, as mention_list writes them.
Words private_of(const std::string& text, Lang lang) {
  auto a = analyse(text, lang, Stage::mentions);
  Words all = mention_list(*a), out;
  for (std::size_t k = 0; k < all.size(); ++k)
    if (a->syn.mentions[k].private_person) out.push_back(all[k]);
  return out;
}
}  // namespace

TEST_SUITE("analysis: mentions") {
  TEST_CASE("names, in sentence order, with their clause") {
    auto a = analyse("Frankreich kritisierte Russland, weil es die Ukraine angegriffen hatte.",
                     Lang::de, Stage::mentions);
    CHECK(mention_list(*a) == Words{"Frankreich name FRA", "Russland name RUS", "es pronoun -",
                                    "Ukraine name UKR"});
    std::vector<int> clauses;
    for (const Mention& m : a->syn.mentions) clauses.push_back(m.clause);
    CHECK(clauses == std::vector<int>{0, 0, 1, 1});
    CHECK(a->syn.mentions[2].genders == "n");
  }
  TEST_CASE(
      "a name for what a phrase is against, a place or topic, or a dateline is no mention") {
    CHECK(mentions_of("An anti-Syria journalist was arrested.", Lang::en).empty());
    CHECK(mentions_of("Die anti-chinesischen Proteste gingen weiter.", Lang::de).empty());
    CHECK(mentions_of("Der Syrien-Konflikt dauert an.", Lang::de).empty());
    CHECK(mentions_of("Die russische Sprache ist schwer.", Lang::de).empty());
    CHECK(mentions_of("Athen - Die Polizei nahm zwei Männer fest.", Lang::de).empty());
    CHECK(mentions_of("Ethnic Albanians protested.", Lang::en).empty());
  }
  TEST_CASE(
      "a hyphen compound is an actor when its head is people, an institution or an event") {
    CHECK(mentions_of("US-Beamte kritisierten Russland.", Lang::de) ==
          Words{"US compound USA", "Russland name RUS"});
    CHECK(mentions_of("Der EU-Syrien-Fonds wächst.", Lang::de).empty());
  }
  TEST_CASE("demonyms: a private person after a singular article, the people without") {
    CHECK(private_of("Ein Österreicher wurde verhaftet.", Lang::de) ==
          Words{"Österreicher name AUT"});
    CHECK(private_of("Der junge Marokkaner wurde verhaftet.", Lang::de) ==
          Words{"Marokkaner name MAR"});
    CHECK(mentions_of("Israelis und Palästinenser verhandeln.", Lang::de) ==
          Words{"Israelis name ISR", "Palästinenser name PSE"});
    CHECK(private_of("Israelis und Palästinenser verhandeln.", Lang::de).empty());
    CHECK(private_of("A Briton was arrested.", Lang::en) == Words{"Briton adjective GBR"});
    CHECK(mentions_of("The Russians attacked.", Lang::en) == Words{"Russians name RUS"});
    CHECK(private_of("The Russians attacked.", Lang::en).empty());
    CHECK(mentions_of("Russian troops attacked.", Lang::en) == Words{"Russian adjective RUS"});
  }
  TEST_CASE("a state adjective used as a noun after a singular article is a private person") {
    CHECK(private_of("Ein Deutscher wurde verhaftet.", Lang::de) ==
          Words{"Deutscher adjective DEU"});
    CHECK(private_of("Der Deutsche Bundestag tagte.", Lang::de).empty());
    CHECK(private_of("Die Sorgen der Deutschen wachsen.", Lang::de).empty());
    CHECK(private_of("A Canadian criticized Russia.", Lang::en) ==
          Words{"Canadian adjective CAN"});
    CHECK(private_of("A Russian attack began.", Lang::en).empty());
    CHECK(private_of("A Russian-made missile hit Kyiv.", Lang::en).empty());
  }
  TEST_CASE("a state's adjective, compound or name on a noun for private persons") {
    CHECK(private_of("Syrien hat zwei US-Bürger festgenommen.", Lang::de) ==
          Words{"US compound USA"});
    CHECK(private_of("Die britische Geisel kam frei.", Lang::de) ==
          Words{"britische adjective GBR"});
    CHECK(private_of("Iran detained two US citizens.", Lang::en) == Words{"US name USA"});
    CHECK(private_of("Iran arrested a British journalist.", Lang::en) ==
          Words{"British adjective GBR"});
    CHECK(private_of("US officials criticized Iran.", Lang::en).empty());
  }
  TEST_CASE("'es gibt' has no actor") {
    CHECK(mentions_of("Es gibt keine Einigung mit Russland.", Lang::de) ==
          Words{"Russland name RUS"});
    CHECK(mentions_of("Mit Russland gab es keine Einigung.", Lang::de) ==
          Words{"Russland name RUS"});
  }
  TEST_CASE("definite descriptions, unless they name their actor themselves") {
    CHECK(mentions_of("Das Land kritisierte Russland.", Lang::de) ==
          Words{"Das Land description -", "Russland name RUS"});
    CHECK(mentions_of("Die beiden Länder verhandeln.", Lang::de) ==
          Words{"Die beiden Länder pair -"});
    CHECK(mentions_of("The two countries negotiate.", Lang::en) ==
          Words{"The two countries pair -"});
    CHECK(mentions_of("Der neue Kanzler reiste ab.", Lang::de) ==
          Words{"Der neue Kanzler description -"});
    CHECK(mentions_of("Ein Land protestierte.", Lang::de).empty());
    CHECK(mentions_of("Die Regierung Russlands protestierte.", Lang::de) ==
          Words{"Russlands name RUS"});
    CHECK(mentions_of("The government of Iran protested.", Lang::en) == Words{"Iran name IRN"});
    CHECK(mentions_of("Die russische Regierung protestierte.", Lang::de) ==
          Words{"russische adjective RUS"});
    // Rebels need no article.
    CHECK(mentions_of("Die Stadt wurde von Rebellen beschossen.", Lang::de) ==
          Words{"Rebellen description -"});
    // A description opening the sentence has no article before it.
    CHECK(mentions_of("Rebellen beschossen die Stadt.", Lang::de).empty());
  }
  TEST_CASE(
      "one mention for an abbreviation, an office and its holder, an adjective and a name") {
    CHECK(mentions_of("Kämpfer des Islamischen Staates (IS) griffen an.", Lang::de).size() ==
          1);
    auto office = analyse("US-Außenminister Antony Blinken kritisierte Russland.", Lang::de,
                          Stage::mentions);
    CHECK(mention_list(*office) ==
          Words{"US ... Antony Blinken name USA", "Russland name RUS"});
    CHECK(office->syn.mentions[0].first == 0);
    CHECK(office->syn.mentions[0].actor->type == ActorType::person);
    CHECK(mentions_of("Der russische Verteidigungsminister Sergej Schoigu reiste ab.",
                      Lang::de) == Words{"russische ... Sergej Schoigu name RUS"});
  }
}
