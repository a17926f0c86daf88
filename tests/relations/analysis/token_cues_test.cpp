// token_cues.cpp and the cue classes of data/grammar: what each token is.
#include "analysis_helpers.hpp"

using namespace analysis_test;

TEST_SUITE("analysis: token cues") {
  TEST_CASE("grammar classes per language, cue classes beside function classes") {
    auto a = analyse("Russland kritisierte nicht nur der Regierung zufolge die Ukraine.",
                     Lang::de, Stage::cues);
    const auto& c = a->syn.classes;
    CHECK(c[a->at("nur")] == kOnly);
    CHECK(c[a->at("der")] == (kDet | kRel | kDetDef | kDetSingular | kOwnerLink | kRelSubject));
    CHECK(c[a->at("Russland")] == 0);
    CHECK(c[a->at(".")] == 0);
    // A word with cue classes only is still a content word.
    CHECK(no_function_class(c[a->at("nur")]));
    CHECK_FALSE(no_function_class(c[a->at("der")]));
    CHECK(no_function_class(c[a->at("Russland")]));
    auto en = analyse("Russia would attack, like Iran.", Lang::en, Stage::cues);
    CHECK(en->syn.classes[en->at("would")] == (kModalHypo | kReportive));
    CHECK(en->syn.classes[en->at("like")] == kComparison);
  }
  TEST_CASE("the same classes with and without the merged index") {
    auto a = analyse("Die USA haben Nordkorea um zehn Uhr gewarnt, zu schweigen.", Lang::de,
                     Stage::cues);
    AnalyzerContext plain = a->ctx;
    plain.index = nullptr;
    SentenceSyntax syn;
    TokenLookups lookups;
    read_token_classes(a->sentence(), plain, lookups, syn);
    read_trigger_entries(a->sentence(), plain, lookups, syn);
    CHECK(syn.classes == a->syn.classes);
    CHECK(syn.verb == a->syn.verb);
    CHECK(syn.classes[a->at("um")] == (kPrep | kPurpose));
    CHECK(syn.classes[a->at("zu")] == (kPrep | kInfMarker));
  }
  TEST_CASE("quotes and questions") {
    auto a = analyse("Er fragte: \"Greift Russland an?\"", Lang::de, Stage::cues);
    std::string quoted;
    for (auto q : a->syn.quoted) quoted += q ? '1' : '0';
    CHECK(words(*a, 0, a->tokens().size()) == "Er fragte : \" Greift Russland an ? \"");
    CHECK(quoted == "000111110");  // the closing quote ends it
    CHECK_FALSE(a->syn.question);
    CHECK(analyse("Greift Russland an?", Lang::de, Stage::cues)->syn.question);
  }
  TEST_CASE("trigger entries: a German noun is capitalised, an English one any word") {
    auto de = analyse("Russland droht mit Angriffen.", Lang::de, Stage::cues);
    CHECK(de->syn.verb[de->at("droht")] != nullptr);
    CHECK(de->syn.noun[de->at("droht")] == nullptr);
    CHECK(de->syn.noun[de->at("Angriffen")] != nullptr);
    auto en = analyse("Russia threatens an attack.", Lang::en, Stage::cues);
    CHECK(en->syn.verb[en->at("threatens")] != nullptr);
    CHECK(en->syn.noun[en->at("attack")] != nullptr);
  }
  TEST_CASE("actor names") {
    auto a = analyse("Die Vereinigten Staaten warnten Nordkorea.", Lang::de, Stage::cues);
    REQUIRE(a->names.size() == 2);
    CHECK(words(*a, a->names[0].first, a->names[0].last) == "Vereinigten Staaten");
    CHECK(words(*a, a->names[1].first, a->names[1].last) == "Nordkorea");
  }
}
