#include <doctest/doctest.h>

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
