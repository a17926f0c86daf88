#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "actors/actor_index.hpp"
#include "geokg/actors/actor_dictionary.hpp"
#include "geokg/error.hpp"

using namespace geokg;
namespace fs = std::filesystem;

namespace {

// A data directory with only the given actor table: ICU names plus these rows.
fs::path data_with(const std::string& table) {
  static int n = 0;
  fs::path dir = fs::temp_directory_path() / ("geokg-actors-test-" + std::to_string(getpid()) + "-" + std::to_string(n++));
  fs::create_directories(dir / "actors");
  fs::create_directories(dir / "triggers");
  std::ofstream(dir / "actors" / "test.tsv") << table;
  return dir;
}

std::vector<std::string> matched(const ActorDictionary& d, std::string_view text, Lang lang) {
  Segmenter seg(lang);
  SegmentedText st = seg.segment(text);
  std::vector<std::string> out;
  for (const Sentence& s : st.sentences)
    for (const ActorMatch& m : index_of(d).match(s, lang)) {
      std::string surface;
      for (std::uint32_t i = m.first; i < m.last; ++i) {
        if (i > m.first) surface += ' ';
        surface += s.tokens[i].form;
      }
      out.push_back(surface + "=" + index_of(d).actors[m.actor]->id);
    }
  return out;
}

const char* kTable =
    "# id\tcode\ttype\tkind\tlang\tform\tgender\n"
    "USA\tUSA\tstate\tshort\t*\tUSA\tp\n"
    "USA\tUSA\tstate\tshort\t*\tUS\tp\n"
    "PRK\tPRK\tstate\tadjective\tde\tnordkoreanisch\t-\n"
    "PRK\tPRK\tstate\tdemonym\tde\tNordkoreaner\t-\n"
    "PRK\tPRK\tstate\tcapital\tde\tPjöngjang\tn\n"
    "RUS\tRUS\tstate\tseat\tde\tKreml\tm\n"
    "RUS\tRUS\tstate\tadjective\ten\tRussian\t-\n"
    "USA\tUSA\tstate\tseat\tde\tWeißen Hauses\tn\n"
    "UN\tUN\torganisation\tshort\t*\tUN\tp\n"
    "un-security-council\tUN\torganisation\tname\tde\tUN-Sicherheitsrat\tm\n"
    "putin\tRUS\tperson\tname\t*\tWladimir Putin\tm\n"
    "putin\tRUS\tperson\tsurname\t*\tPutin\tm\n";

}  // namespace

TEST_CASE("every ISO country comes from ICU in German and English") {
  ActorDictionary d = ActorDictionary::load(data_with(""));
  const Actor* prk = d.find("PRK");
  REQUIRE(prk != nullptr);
  CHECK(prk->name_de == "Nordkorea");
  CHECK(prk->name_en == "North Korea");
  CHECK(prk->type == ActorType::state);
  REQUIRE(d.find("XKX") != nullptr);  // Kosovo under the code the guidelines use
  CHECK(d.find("DEU")->name_de == "Deutschland");
  CHECK(d.lookup("Nordkorea").front()->id == "PRK");
  CHECK(d.lookup("north korea").front()->id == "PRK");
}

TEST_CASE("inflected forms: genitive, adjective endings, demonym plural") {
  ActorDictionary d = ActorDictionary::load(data_with(kTable));
  CHECK(matched(d, "Russlands Truppen und Pjöngjangs Raketen", Lang::de) ==
        std::vector<std::string>{"Russlands=RUS", "Pjöngjangs=PRK"});
  CHECK(matched(d, "der nordkoreanischen Armee und den Nordkoreanern", Lang::de) ==
        std::vector<std::string>{"nordkoreanischen=PRK", "Nordkoreanern=PRK"});
  CHECK(matched(d, "Sprecher des Weißen Hauses und des Kremls", Lang::de) ==
        std::vector<std::string>{"Weißen Hauses=USA", "Kremls=RUS"});
}

TEST_CASE("abbreviations match case-sensitively, also in compounds") {
  ActorDictionary d = ActorDictionary::load(data_with(kTable));
  CHECK(matched(d, "US-Beamte warnten den UN-Sicherheitsrat.", Lang::de) ==
        std::vector<std::string>{"US=USA", "UN - Sicherheitsrat=un-security-council"});
  CHECK(matched(d, "Let us go and see the usa.", Lang::en).empty());
}

TEST_CASE("surnames match only when capitalised; the longest name wins") {
  ActorDictionary d = ActorDictionary::load(data_with(kTable));
  CHECK(matched(d, "Wladimir Putin traf Putins Gäste.", Lang::de) ==
        std::vector<std::string>{"Wladimir Putin=putin", "Putins=putin"});
  CHECK(matched(d, "Russian troops and Putin's aides", Lang::en) ==
        std::vector<std::string>{"Russian=RUS", "Putin's=putin"});
}

TEST_CASE("an organ or person brings its coded actor along") {
  ActorDictionary d = ActorDictionary::load(data_with(kTable));
  const Actor* council = d.find("un-security-council");
  REQUIRE(council != nullptr);
  CHECK(council->code == "UN");
  CHECK(council->name_de == "UN-Sicherheitsrat");
  REQUIRE(d.find("UN") != nullptr);
  CHECK(d.find("putin")->code == "RUS");
  CHECK(d.lookup("Putin").front()->id == "putin");
  CHECK(d.lookup("pjöngjang").front()->id == "PRK");
}

TEST_CASE("a person's periods: another state or none on the document's day") {
  fs::path dir = data_with(
      "ex-minister\tKEN\tperson\tname\t*\tAmos Kiprotich Wekesa\t-\n");
  fs::create_directories(dir / "actors" / "roles");
  std::ofstream(dir / "actors" / "roles" / "test.tsv")
      << "ex-minister\t-\t2004-12-31\t-\nex-minister\t2006-01-01\t2007-06-30\tUGA\n";
  ActorDictionary d = ActorDictionary::load(dir);
  const ActorIndex& im = index_of(d);
  Segmenter seg(Lang::en);
  SegmentedText st = seg.segment("Amos Kiprotich Wekesa spoke.");
  auto code_on = [&](std::string_view day) -> std::string {
    std::vector<ActorMatch> names = im.match(st.sentences.at(0), Lang::en);
    im.at_day(names, parse_day(day));
    return names.empty() ? "-" : im.actors[names[0].actor]->code;
  };
  CHECK(code_on("") == "KEN");  // no date: the latest role
  CHECK(code_on("2003-05-01") == "-");
  CHECK(code_on("2005-02-01T10:00") == "KEN");
  CHECK(code_on("2006-01-01") == "UGA");
  CHECK(code_on("2010-01-01") == "KEN");
  std::ofstream(dir / "actors" / "roles" / "test.tsv") << "ex-minister\t2004\t-\t-\n";
  CHECK_THROWS_WITH_AS(ActorDictionary::load(dir), doctest::Contains("date must be YYYY-MM-DD"),
                       DataError);
}

TEST_CASE("did-you-mean suggestions") {
  ActorDictionary d = ActorDictionary::load(data_with(kTable));
  auto s = d.suggest("Nordkoria");
  REQUIRE_FALSE(s.empty());
  CHECK(s.front().rfind("PRK", 0) == 0);
}

TEST_CASE("a bad table row names file and line") {
  ActorDictionary d;
  std::istringstream bad("# header\nUSA\tUSA\tstate\tshort\t*\tUSA\n");
  CHECK_THROWS_WITH_AS(d.add_table(bad, "t.tsv"),
                       doctest::Contains("t.tsv:2: expected 7 tab-separated columns"), DataError);
  std::istringstream kind("X\tX\tstate\tnickname\t*\tX\t-\n");
  CHECK_THROWS_WITH_AS(d.add_table(kind, "k.tsv"), doctest::Contains("k.tsv:1: unknown form kind 'nickname'"),
                       DataError);
  std::istringstream type("X\tX\tcountry\tname\t*\tX\t-\n");
  CHECK_THROWS_WITH_AS(d.add_table(type, "y.tsv"), doctest::Contains("y.tsv:1: unknown actor type 'country'"),
                       DataError);
  std::istringstream gender("X\tX\tstate\tname\t*\tX\tq\n");
  CHECK_THROWS_WITH_AS(d.add_table(gender, "g.tsv"), doctest::Contains("g.tsv:1: gender must be"), DataError);
}

TEST_CASE("the forms filter never turns away a form that was added") {
  HashFilter filter;
  filter.reset(1000);
  CHECK(filter.capacity() >= 1000);
  for (int i = 0; i < 1000; ++i) filter.add(string_hash("form " + std::to_string(i)));
  std::size_t missed = 0, passed = 0;
  for (int i = 0; i < 1000; ++i)
    missed += !filter.may_contain(string_hash("form " + std::to_string(i)));
  for (int i = 0; i < 10000; ++i)
    passed += filter.may_contain(string_hash("other " + std::to_string(i)));
  CHECK(missed == 0);
  CHECK(passed < 1000);  // it filters: most keys never added are turned away
  CHECK_FALSE(HashFilter().may_contain(string_hash("x")));
}
