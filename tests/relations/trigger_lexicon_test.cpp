#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "geokg/error.hpp"
#include "geokg/relations/extractor.hpp"
#include "geokg/resources.hpp"
#include "relations/trigger_lexicon.hpp"

using namespace geokg;

namespace {
TriggerLexicon lexicon_of(const std::string& rows, Lang lang) {
  TriggerLexicon lex;
  std::istringstream in(rows);
  lex.load(in, lang, "test.tsv");
  return lex;
}
bool has_verb(const TriggerLexicon& lex, Lang lang, std::string_view form, std::uint8_t type,
              bool split) {
  const auto* v = lex.verb(lang, form);
  if (!v) return false;
  for (const VerbForm& f : *v)
    if ((f.types & type) && f.needs_particle == split) return true;
  return false;
}
}  // namespace

TEST_CASE("German weak verbs: present, preterite, Konjunktiv, participle") {
  auto lex = lexicon_of("warnen\tverb\tTHREATEN\tsubj\tobj\t-\t-\n", Lang::de);
  for (auto f : {"warnt", "warnte", "warnten", "warne", "warnen"})
    CHECK_MESSAGE(has_verb(lex, Lang::de, f, kFinite, false), f);
  CHECK(has_verb(lex, Lang::de, "gewarnt", kParticiple, false));
  CHECK(has_verb(lex, Lang::de, "gewarnten", kAttributive, false));
  CHECK(lex.verb(Lang::de, "warnung") == nullptr);
}

TEST_CASE("German separable strong verbs: split and fused forms") {
  auto lex = lexicon_of("ab|ziehen\tverb\tRETREAT\tsubj\taus\t-\tzieht,zog,zogen,gezogen\n", Lang::de);
  CHECK(has_verb(lex, Lang::de, "zog", kFinite, true));         // zog ... ab
  CHECK(has_verb(lex, Lang::de, "abzog", kFinite, false));      // dass ... abzog
  CHECK(has_verb(lex, Lang::de, "abgezogen", kParticiple, false));
  CHECK(has_verb(lex, Lang::de, "abzuziehen", kZuInfinitive, false));
  CHECK(has_verb(lex, Lang::de, "zieht", kFinite, true));
  CHECK_FALSE(has_verb(lex, Lang::de, "zog", kFinite, false));
}

TEST_CASE("inseparable prefixes take no ge-") {
  auto lex = lexicon_of("verurteilen\tverb\tACCUSE\tsubj\tobj\t-\t-\n", Lang::de);
  CHECK(has_verb(lex, Lang::de, "verurteilt", kParticiple, false));
  CHECK(lex.verb(Lang::de, "geverurteilt") == nullptr);
}

TEST_CASE("English regular and irregular forms, phrasal verbs") {
  auto lex = lexicon_of("meet\tverb\tCONSULT\tsubj\tobj|with\tmutual\tmet\n"
                        "call|on\tverb\tREQUEST\tsubj\tobj\t-\t-\n"
                        "deploy\tverb\tMOBILIZE\tsubj\tto\t-\t-\n"
                        "seize\tverb\tCOERCE\tsubj\tobj\t-\t-\n",
                        Lang::en);
  CHECK(has_verb(lex, Lang::en, "met", kFinite, false));
  CHECK(has_verb(lex, Lang::en, "meets", kFinite, false));
  CHECK(has_verb(lex, Lang::en, "called", kFinite, true));
  CHECK(has_verb(lex, Lang::en, "deployed", kParticiple, false));
  CHECK(has_verb(lex, Lang::en, "seizing", kGerund, false));
  CHECK(has_verb(lex, Lang::en, "seized", kFinite, false));
}

TEST_CASE("German compounds match their last noun") {
  auto lex = lexicon_of("Angriff\tnoun\tASSAULT\tgen\tauf\t-\tAngriffe\n", Lang::de);
  REQUIRE(lex.noun(Lang::de, "luftangriffe") != nullptr);
  CHECK(lex.at(lex.noun(Lang::de, "luftangriffe")->front()).relation == Relation::ASSAULT);
  CHECK(lex.noun(Lang::de, "angriffs") != nullptr);
  CHECK(lex.noun(Lang::de, "griff") == nullptr);
}

TEST_CASE("bad rows name the table and line") {
  CHECK_THROWS_WITH_AS(lexicon_of("# c\nwarnen\tverb\tWARN\tsubj\tobj\t-\t-\n", Lang::de),
                       doctest::Contains("test.tsv:2: unknown relation 'WARN'"), DataError);
  CHECK_THROWS_WITH_AS(lexicon_of("warnen\tverb\tTHREATEN\tsubj\tohne\t-\t-\n", Lang::de),
                       doctest::Contains("test.tsv:1: unknown role 'ohne'"), DataError);
  CHECK_THROWS_WITH_AS(lexicon_of("warnen\tverb\tTHREATEN\tsubj\n", Lang::de),
                       doctest::Contains("test.tsv:1: expected 7 tab-separated columns"), DataError);
  CHECK_THROWS_WITH_AS(lexicon_of("warnen\tverbal\tTHREATEN\tsubj\tobj\t-\t-\n", Lang::de),
                       doctest::Contains("part of speech must be verb or noun"), DataError);
}

TEST_CASE("a lexicon added to an extractor is used at once: new actors, verbs and nouns") {
  // The extractor looks words up in a merged index of its tables, which must
  // follow the lexicon.
  Extractor ex(find_data_dir());
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("geokg_trigger_lexicon_test_" + std::to_string(getpid()) + ".json");
  {
    std::ofstream out(file);
    out << R"({"actors": [{"id": "zorbia", "code": "ZOR", "type": "state",
                           "forms": ["Zorbien"], "gender": "n"}],
               "triggers": [{"lang": "de", "lemma": "an|prangern", "relation": "ACCUSE",
                             "source": ["subj"], "target": ["obj"], "forms": []},
                            {"lang": "de", "lemma": "Zurechtweisung", "pos": "noun",
                             "relation": "ACCUSE", "source": ["gen"], "target": ["gegen"],
                             "forms": ["Zurechtweisungen"]}]})";
  }
  auto relations = [&](const std::string& text) {
    const std::string lang = "de";
    Document d;
    d.id = "t";
    d.text = text;
    d.lang = lang;
    std::vector<std::string> out;
    for (const Event& e : ex.extract(d)) {
      std::string line = e.source.code;
      line += ' ';
      line += to_string(e.relation);
      line += ' ';
      line += e.target.code;
      out.push_back(line);
    }
    return out;
  };
  const std::string text =
      "Zorbien prangerte Russland an. Die Zurechtweisung Zorbiens gegen Russland folgte.";
  CHECK(relations(text).empty());
  ex.add_lexicon(file);
  std::filesystem::remove(file);
  CHECK(relations(text) == std::vector<std::string>{"ZOR ACCUSE RUS", "ZOR ACCUSE RUS"});
}
