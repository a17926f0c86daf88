#include <doctest/doctest.h>

#include <string>

#include "geokg/text/segmenter.hpp"

using namespace geokg;

TEST_CASE("language codes parse with regions and three-letter forms") {
  CHECK(parse_lang("de") == Lang::de);
  CHECK(parse_lang("de-AT") == Lang::de);
  CHECK(parse_lang("DEU") == Lang::de);
  CHECK(parse_lang("en_GB") == Lang::en);
  CHECK(parse_lang("fr") == Lang::other);
  CHECK(parse_lang("") == Lang::other);
  CHECK(to_string(Lang::en) == "en");
}

TEST_CASE("language detection: long texts, single sentences, other languages") {
  CHECK(detect_language("Die Bundesregierung hat am Montag neue Sanktionen gegen Russland "
                        "beschlossen, wie ein Sprecher in Berlin mitteilte.") == Lang::de);
  CHECK(detect_language("The government imposed new sanctions on Russia on Monday, a "
                        "spokesman said in London.") == Lang::en);
  CHECK(detect_language("Russland und die USA") == Lang::de);
  CHECK(detect_language("Le gouvernement français a annoncé de nouvelles sanctions contre la "
                        "Russie lundi, selon un porte-parole.") == Lang::other);
  CHECK(detect_language("") == Lang::other);
}

TEST_CASE("language detection: a long list of English names in a German article") {
  // CLD2 weighs every word: the list made it answer English, and every German
  // sentence of the article was lost.  A sentence is one vote, however long.
  const char* names[] = {"Germany", "Bosnia and Herzegovina", "Isle of Man", "the Netherlands",
                         "Sweden", "Trinidad and Tobago", "Canada", "Brazil", "India", "Mexico"};
  std::string list;
  for (int i = 0; i < 4000; ++i) {
    if (i) list += ", ";
    list += names[i % 10];
  }
  const std::string text = "Die USA haben Nordkorea gewarnt. Die Regierung in Berlin hat das am "
                           "Montag bestätigt. Der Sprecher sagte, die Lage sei ernst. " +
                           list + " und Polen kritisierten Russland. Frankreich kritisierte "
                           "Russland.";
  CHECK(detect_language(text) == Lang::de);
  // The same list in an English article stays English.
  CHECK(detect_language("The United States warned North Korea on Monday. The government said "
                        "that it was ready. " + list + " and Poland condemned Russia.") ==
        Lang::en);
}

TEST_CASE("explain_language says which evidence decided") {
  const auto why = [](std::string_view text) {
    const LanguageGuess g = explain_language(text);
    CHECK(g.lang == detect_language(text));
    return std::string(to_string(g.lang)) + ": " + g.why;
  };
  CHECK(why("") == "other: empty text");
  CHECK(why("Die USA haben Nordkorea gewarnt. Die Regierung in Berlin hat das am Montag "
            "bestätigt. Der Sprecher sagte, die Lage sei ernst.") ==
        "de: German function words win 3 sentences to 0");
  CHECK(why("The United States warned North Korea on Monday. The government said that it was "
            "ready. The talks are over.") == "en: English function words win 3 sentences to 0");
  CHECK(why("Frankreich kritisiert die Türkei.") == "de: CLD2 says German (reliable)");
  CHECK(why("Russia accuses Ukraine of the attack.") == "en: CLD2 says English (reliable)");
  CHECK(why("Russland und China kritisierten die USA in Genf.") ==
        "de: function words decide: 2 German in 2 places, 1 English shared with German");
  CHECK(why("Putin and Xi signed the deal in Moscow.") ==
        "en: function words decide: 3 English in 3 places, 0 German");
  // CLD2 unsure: the function words decide, and without them CLD2's guess.
  CHECK(why("Russland kritisierte die USA.") ==
        "de: function words: 1 German, 0 English; CLD2 says English (unreliable)");
  CHECK(why("Obama met Merkel in Berlin.") ==
        "en: function words: 0 German, 1 English; CLD2 says English (unreliable)");
  CHECK(why("Merkel trifft Macron") ==
        "en: CLD2 says English (unreliable); function words: 0 German, 0 English");
  CHECK(why("Le gouvernement français a annoncé de nouvelles sanctions contre la Russie lundi, "
            "selon un porte-parole.") ==
        "other: no clue: function words: 0 German, 0 English; CLD2 says French (reliable)");
}

TEST_CASE("short sentences: function words of one language outweigh CLD2's reading of names") {
  // CLD2 reads these as English, by their names, reliably.
  CHECK(detect_language("Russland und China kritisierten die USA.") == Lang::de);
  CHECK(detect_language("Die USA und China kritisierten Russland.") == Lang::de);
  CHECK(detect_language("Das wird der internationale Tennisverband festlegen.") == Lang::de);
  CHECK(detect_language("Probleme bei Online-Banking, BusinessNet und Mobile-Banking.") ==
        Lang::de);
  // German that CLD2 already knew stays German.
  CHECK(detect_language("Israel und die Hamas vereinbaren eine Waffenruhe.") == Lang::de);
  CHECK(detect_language("Polen kritisierte Russland und die Ukraine.") == Lang::de);
  CHECK(detect_language("Frankreich kritisiert die Türkei.") == Lang::de);
  CHECK(detect_language("Die Nato warnt Russland.") == Lang::de);
  // "in", "an", "was" are German words too: they alone never make German English.
  CHECK(detect_language("Kind lag in Hotelzimmer in Baden-Württemberg.") == Lang::de);
  CHECK(detect_language("Gespart werde etwa an Experimenten an Bord.") == Lang::de);
  CHECK(detect_language("Was waren die schlimmsten Erlebnisse, die ihr als IT-Mitarbeiter "
                        "erlebt habt?") == Lang::de);
  // English, with and without German-looking words: a name's particles in a
  // row ("von der") are one place, "die" is an English verb too.
  CHECK(detect_language("Russia and China criticised the USA.") == Lang::en);
  CHECK(detect_language("Putin and Xi signed the deal in Moscow.") == Lang::en);
  CHECK(detect_language("Russia accuses Ukraine of the attack.") == Lang::en);
  CHECK(detect_language("Ursula von der Leyen criticised Russia.") == Lang::en);
  CHECK(detect_language("Von der Leyen warns Russia over Ukraine.") == Lang::en);
  CHECK(detect_language("Thousands die as Russia shells Kharkiv.") == Lang::en);
}
