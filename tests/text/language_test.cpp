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
