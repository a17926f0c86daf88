// attribute(): who reports what a sentence says -- an attribution phrase
// ("laut X", "X zufolge"), else the bare actor of a clause with a speech
// verb, else the capitalised word after the speech verb.
#include "pass_fixture.hpp"

using namespace passtest;

namespace {
std::string speaker_code(const Attribution& a) { return a.speaker ? a.speaker->code : "-"; }
}  // namespace

TEST_SUITE("attribution") {
  TEST_CASE("laut X and X zufolge name the speaker") {
    const Doc laut("Laut Russland hat die Ukraine Polen angegriffen.", "de", Pass::attribute);
    CHECK(laut.only().said.text == "Russland");
    CHECK(speaker_code(laut.only().said) == "RUS");
    const Doc zufolge("Der Ukraine zufolge hat Russland Kiew angegriffen.", "de",
                      Pass::attribute);
    CHECK(zufolge.only().said.text == "Ukraine");
    CHECK(speaker_code(zufolge.only().said) == "UKR");
  }
  TEST_CASE("the bare actor of a clause with a speech verb, before or after it") {
    const Doc before("Sullivan sagte, Russland suche Munition bei Nordkorea.", "de",
                     Pass::attribute);
    CHECK(before.only().said.text == "Sullivan");
    REQUIRE(before.only().said.speaker);
    CHECK(before.only().said.speaker->id == "sullivan");
    const Doc after("Russia attacked Ukraine, Germany said.", "en", Pass::attribute);
    CHECK(after.only().said.text == "Germany");
    CHECK(speaker_code(after.only().said) == "DEU");
  }
  TEST_CASE("a German adjective or compound speaker is named with its noun") {
    const Doc laut("Laut zwei US-Beamten hat Russland Kiew angegriffen.", "de", Pass::attribute);
    CHECK(laut.only().said.text == "US-Beamten");
    CHECK(speaker_code(laut.only().said) == "USA");
    const Doc said("Russland habe Kiew angegriffen, sagte ein polnischer Diplomat.", "de",
                   Pass::attribute);
    CHECK(said.only().said.text == "polnischer Diplomat");
    CHECK(speaker_code(said.only().said) == "POL");
  }
  TEST_CASE("an attribution phrase wins over the speech verb's subject") {
    const Doc d("Laut Polen erklärte die Türkei, Russland habe die Ukraine angegriffen.", "de",
                Pass::attribute);
    CHECK(d.only().said.text == "Polen");
    CHECK(speaker_code(d.only().said) == "POL");
  }
  TEST_CASE("a speaker the dictionary does not know is the capitalised word after the verb") {
    const Doc d("Russland greife die Ukraine an, sagte Meier.", "de", Pass::attribute);
    CHECK(d.only().said.text == "Meier");
    CHECK(d.only().said.speaker == nullptr);
  }
  TEST_CASE("no attribution phrase and no speech verb: nobody reports") {
    const Doc d("Am Montag kritisierte die Türkei Russland scharf.", "de", Pass::attribute);
    CHECK(d.only().said.text.empty());
    CHECK(d.only().said.speaker == nullptr);
  }
  TEST_CASE("an actor in a prepositional phrase is not the speaker") {
    const Doc d(
        "Nach dem Treffen mit Polen sagte die Türkei, Russland habe die Ukraine angegriffen.",
        "de", Pass::attribute);
    CHECK(d.only().said.text == "Türkei");
    CHECK(speaker_code(d.only().said) == "TUR");
  }
  // "Officials said Iran had supplied ...": English has no comma or "that"
  // here, so Iran shares the clause of "said" and becomes its own reporter
  // (the event's attributed_to is "Iran").
  TEST_CASE("the actor of the reported act is not its reporter" * doctest::may_fail()) {
    const Doc d("Officials said Iran had supplied drones to Russia.", "en", Pass::attribute);
    CHECK(d.only().said.speaker == nullptr);
    CHECK(d.only().said.text != "Iran");
  }
}
