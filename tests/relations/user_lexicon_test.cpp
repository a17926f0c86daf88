// User lexicons (--lexicon): every bad entry is refused at load with the file
// and the entry's place, before any document is read; entries are built from
// the JSON values, never from text re-parsed as a table.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "geokg/error.hpp"
#include "geokg/relations/extractor.hpp"
#include "geokg/resources.hpp"

using namespace geokg;
namespace fs = std::filesystem;

namespace {

const Extractor& shared_extractor() {
  static const Extractor ex(find_data_dir());
  return ex;
}

// A temporary lexicon file of this process: test runs side by side (two
// build directories, two checkouts) must not write each other's files.
fs::path lexicon_file(const std::string& name = "lex.json") {
  return fs::temp_directory_path() /
         ("geokg_user_lexicon_test_" + std::to_string(getpid()) + "_" + name);
}

// Adds `json` as a lexicon file to a fresh extractor; returns the extractor.
Extractor with_lexicon(const std::string& json, const std::string& name = "lex.json") {
  const fs::path file = lexicon_file(name);
  {
    std::ofstream out(file, std::ios::binary);
    out << json;
  }
  Extractor ex(find_data_dir());
  struct Remove {
    fs::path p;
    ~Remove() { fs::remove(p); }
  } remove{file};
  ex.add_lexicon(file);
  return ex;
}

std::string error_of(const std::string& json) {
  try {
    with_lexicon(json);
  } catch (const DataError& e) {
    return e.what();
  }
  return "(accepted)";
}

std::vector<std::string> events(const Extractor& ex, const std::string& text) {
  Document d;
  d.id = "t";
  d.text = text;
  d.lang = "de";
  std::vector<std::string> out;
  for (const Event& e : ex.extract(d))
    out.push_back(e.source.code + " " + std::string(to_string(e.relation)) + " " + e.target.code);
  return out;
}

}  // namespace

TEST_CASE("a lexicon actor without an id, a code or forms is refused with its place") {
  const std::string where = lexicon_file().string();
  const std::string good = R"({"id": "ZOR", "code": "ZOR", "type": "state", "forms": ["Zorbien"]})";
  CHECK(error_of(R"({"actors": [)" + good + R"(, {"id": "", "forms": ["Xland"]}]})") ==
        where + ": actors[1]: empty \"id\"");
  CHECK(error_of(R"({"actors": [{"id": " ", "forms": ["Xland"]}]})") ==
        where + ": actors[0]: empty \"id\"");
  CHECK(error_of(R"({"actors": [{"id": "ZOR", "code": "", "forms": ["Zorbien"]}]})") ==
        where + ": actors[0]: empty \"code\"");
  CHECK(error_of(R"({"actors": [{"id": "ZOR", "forms": []}]})") ==
        where + ": actors[0]: needs \"forms\" (the names to recognise)");
  CHECK(error_of(R"({"actors": [{"id": "ZOR", "forms": ["Zorbien", ""]}]})") ==
        where + ": actors[0]: \"forms\"[1] is empty");
  CHECK(error_of(R"({"actors": [{"id": "ZOR", "froms": ["Zorbien"]}]})") ==
        where + ": actors[0]: unknown field \"froms\" (expected id, code, type, kind, lang, "
                "forms, form, gender)");
  CHECK(error_of(R"({"triggers": [{"lang": "de", "lemma": "", "relation": "ACCUSE"}]})") ==
        where + ": triggers[0]: empty \"lemma\"");
  // The good one alone is taken, and used.
  CHECK(events(with_lexicon(R"({"actors": [)" + good + "]}"), "Zorbien kritisierte Russland.") ==
        std::vector<std::string>{"ZOR ACCUSE RUS"});
}

TEST_CASE("a file that is not a lexicon is refused, naming the file") {
  const std::string where = lexicon_file().string();
  const std::string shape = "a lexicon is a JSON object with \"actors\" and/or \"triggers\"";
  CHECK(error_of(R"({"id": "a", "text": "Frankreich kritisierte Russland."})") ==
        where + ": unknown key \"id\": " + shape);
  CHECK(error_of(R"({"actors": [], "trigers": []})") == where + ": unknown key \"trigers\": " + shape);
  CHECK(error_of("{}") == where + ": " + shape);
  CHECK(error_of("[]") == where + ": " + shape);
  CHECK(error_of("{\"actors\": [],\n \"triggers\": [,]}") ==
        where + ": not JSON at line 2, column 15 (offset 29): Invalid value.");
}

TEST_CASE("five million nested brackets are a clear error, not a stack overflow") {
  const std::string where = lexicon_file().string();
  CHECK(error_of(std::string(5'000'000, '[')) ==
        where + ": not JSON at line 1, column 5000001 (offset 5000000): Invalid value.");
  const std::string balanced = std::string(1'000'000, '[') + std::string(1'000'000, ']');
  CHECK(error_of(balanced) == where + ": a lexicon is a JSON object with \"actors\" and/or \"triggers\"");
}

TEST_CASE("tabs and newlines inside lexicon values stay inside their field") {
  // Once each trigger went through a TSV row: a tab in a value split its columns.
  const Extractor ex = with_lexicon(R"({
    "actors": [{"id": "zor\tbia", "code": "ZOR", "type": "state", "forms": ["Zorbien"]}],
    "triggers": [{"lang": "de", "lemma": "rügen", "relation": "ACCUSE",
                  "forms": ["rügte", "rüg\tte", "rüg\nte"]}]})");
  CHECK(events(ex, "Zorbien rügte Russland.") == std::vector<std::string>{"ZOR ACCUSE RUS"});
  CHECK(ex.actors().find("zor\tbia") != nullptr);
  CHECK(events(shared_extractor(), "Zorbien rügte Russland.").empty());
}
