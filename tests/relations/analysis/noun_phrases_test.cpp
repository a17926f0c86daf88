// noun_phrases.cpp: each mention's phrase start, preposition, case,
// attribution, genitive attribute and possessive.
#include "analysis_helpers.hpp"

using namespace analysis_test;

namespace {
// "phrase words | prep | flags" of the mention whose text is `text`.
std::string phrase(const std::string& sentence, Lang lang, const std::string& text) {
  auto a = analyse(sentence, lang, Stage::noun_phrases);
  for (const Mention& m : a->syn.mentions) {
    if (m.text != text) continue;
    std::string out = words(*a, m.np_first, m.last) + " | " + m.prep + " |";
    if (m.oblique) out += " oblique";
    if (m.attribution) out += " attribution";
    if (m.genitive_attr) out += " genitive";
    if (m.possessive) out += " possessive";
    return out;
  }
  return "no mention " + text;
}
}  // namespace

TEST_SUITE("analysis: noun phrases") {
  TEST_CASE("preposition and case") {
    CHECK(phrase("Die USA verhängten Sanktionen gegen Russland.", Lang::de, "Russland") ==
          "gegen Russland | gegen |");
    CHECK(phrase("Nordkorea wurde von den USA gewarnt.", Lang::de, "USA") ==
          "von den USA | von | oblique");
    CHECK(phrase("Die Ukraine bekam Munition vom Iran.", Lang::de, "Iran") ==
          "vom Iran | von | oblique");
    CHECK(phrase("Die Ukraine verhandelte mit dem Land.", Lang::de, "dem Land") ==
          "mit dem Land | mit | oblique");
  }
  TEST_CASE("'um ... zu' is no preposition; 'vor allem' ends the phrase") {
    CHECK(phrase("Polen half, um Russland zu schwächen.", Lang::de, "Russland") ==
          "um Russland |  |");
    CHECK(phrase("Sanktionen trafen vor allem Russland.", Lang::de, "Russland") ==
          "Russland |  |");
  }
  TEST_CASE("attribution before and after the name") {
    CHECK(phrase("Laut Russland griff die Ukraine an.", Lang::de, "Russland") ==
          "Laut Russland |  | attribution");
    CHECK(phrase("Russland zufolge griff die Ukraine an.", Lang::de, "Russland") ==
          "Russland |  | attribution");
  }
  TEST_CASE("a comparison is no object") {
    CHECK(phrase("Polen kämpft gegen Extremisten wie den IS.", Lang::de, "IS") ==
          "wie den IS | wie | oblique");
    CHECK(phrase("They fight groups like Hamas.", Lang::en, "Hamas") == "like Hamas | like |");
  }
  TEST_CASE("an apposition and a coordination share the preposition before them") {
    CHECK(phrase("Die USA kämpfen gegen die Islamistenmiliz Islamischer Staat.", Lang::de,
                 "Islamischer Staat") ==
          "gegen die Islamistenmiliz Islamischer Staat | gegen |");
    CHECK(phrase("Die Stadt wurde von Armee und UN-Soldaten befreit.", Lang::de, "UN") ==
          "von Armee und UN | von |");
  }
  TEST_CASE("genitive attributes") {
    CHECK(phrase("Die Sanktionen der USA trafen Russland.", Lang::de, "USA") ==
          "der USA |  | genitive");
    CHECK(phrase("Der Krieg Russlands dauert an.", Lang::de, "Russlands") ==
          "Russlands |  | genitive");
    CHECK(phrase("Die Angriffe russischer Jets trafen Kiew.", Lang::de, "russischer") ==
          "russischer |  | genitive");
    // An indefinite genitive names a private person, no other actor.
    CHECK(phrase("Die Festnahme eines Deutschen dauerte.", Lang::de, "Deutschen") ==
          "eines Deutschen |  | oblique genitive");
    CHECK(phrase("Die Festnahme einer Kanadierin dauerte.", Lang::de, "Kanadierin") ==
          "einer Kanadierin |  | genitive");
    CHECK(phrase("Die Angriffe eines russischen Jets dauerten.", Lang::de, "russischen") ==
          "eines russischen |  | oblique");
  }
  TEST_CASE("an owner takes the phrase of a noun naming people or an institution") {
    // "der Außenminister der USA": the USA are the subject, not a genitive.
    CHECK(phrase("Am Montag reiste der Außenminister der USA ab.", Lang::de, "USA") ==
          "der Außenminister der USA |  |");
    // The seat of government: "der" is oblique before a feminine noun.
    CHECK(phrase("Polen verhandelte mit der Regierung in Kiew.", Lang::de, "Kiew") ==
          "mit der Regierung in Kiew | mit | oblique");
    CHECK(phrase("Am Montag protestierte die Regierung in Kiew.", Lang::de, "Kiew") ==
          "die Regierung in Kiew |  |");
    CHECK(phrase("On Monday the government in Kabul protested.", Lang::en, "Kabul") ==
          "the government in Kabul |  |");
    // English titles name their holder's state with "of".
    CHECK(phrase("He met King Hassan of Morocco.", Lang::en, "Morocco") ==
          "King Hassan of Morocco |  |");
    CHECK(phrase("He met the Foreign Minister of Iran.", Lang::en, "Iran") ==
          "the Foreign Minister of Iran |  |");
  }
  TEST_CASE("a coalition led by an actor acts as that actor") {
    CHECK(phrase("Eine von Riad geführte Militärallianz griff an.", Lang::de, "Riad") ==
          "Riad |  |");
    CHECK(phrase("Eine von Riad finanzierte Militärallianz griff an.", Lang::de, "Riad") ==
          "von Riad | von |");
  }
  TEST_CASE("possessives, unless the noun names people or an institution") {
    auto a = analyse("Russlands Krieg dauert an.", Lang::de, Stage::noun_phrases);
    REQUIRE(a->syn.mentions.size() == 1);
    CHECK(a->syn.mentions[0].possessive);
    CHECK(a->syn.mentions[0].head == static_cast<std::int32_t>(a->at("Krieg")));
    CHECK(phrase("Russia's attack failed.", Lang::en, "Russia's") ==
          "Russia's |  | possessive");
    CHECK(phrase("Iran's religious leader spoke.", Lang::en, "Iran's") == "Iran's |  |");
  }
}
