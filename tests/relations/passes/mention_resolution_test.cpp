// resolve_mentions(): pronouns, descriptions, pairs and first person get
// their actors, in a copy of the analysis' mentions.
#include "pass_fixture.hpp"

using namespace passtest;

namespace {
// "TUR", "-" for a mention that resolved to no actor, "?" for none written so.
std::string code_of(const Run& r, std::string_view written) {
  const Mention* m = r.mention(written);
  if (!m) return "?";
  return m->actor ? m->actor->code : "-";
}
}  // namespace

TEST_SUITE("mention resolution") {
  TEST_CASE("sie: the last name of fitting gender in the sentence before") {
    const Doc d("Die Türkei hat neue Drohnen. Sie kritisierte Israel.", "de",
                Pass::resolve_mentions);
    CHECK(code_of(d[1], "Sie") == "TUR");
    CHECK(code_of(d[1], "Israel") == "ISR");
  }
  TEST_CASE("the analysis' mentions stay as they were built") {
    const Doc d("Die Türkei hat neue Drohnen. Sie kritisierte Israel.", "de",
                Pass::resolve_mentions);
    REQUIRE(d[1].syn.mentions.size() == 2);
    CHECK(d[1].syn.mentions[0].text == "Sie");
    CHECK(d[1].syn.mentions[0].actor == nullptr);
  }
  TEST_CASE("das Land: a state, not the person named after it") {
    const Doc d("Die Türkei empfing Lawrow. Das Land kritisierte Israel.", "de",
                Pass::resolve_mentions);
    CHECK(code_of(d[1], "Das Land") == "TUR");
  }
  TEST_CASE("die beiden Länder: the last two states, the later one first") {
    const Doc d(
        "Serbien und Kosovo stritten lange. Nun haben die beiden Länder Verhandlungen "
        "aufgenommen.",
        "de", Pass::resolve_mentions);
    const Mention* pair = d[1].mention("die beiden Länder");
    REQUIRE(pair);
    REQUIRE(pair->actor);
    REQUIRE(pair->second);
    CHECK(pair->actor->code == "XKX");
    CHECK(pair->second->code == "SRB");
  }
  TEST_CASE("der Minister and die beiden Minister: the persons named before") {
    const Doc one("Lawrow kam nach Berlin. Der Minister kritisierte Polen.", "de",
                  Pass::resolve_mentions);
    const Mention* minister = one[1].mention("Der Minister");
    REQUIRE(minister);
    REQUIRE(minister->actor);
    CHECK(minister->actor->id == "lavrov");
    const Doc two(
        "Lawrow sagte das im Fernsehen. Nach dem Treffen mit US-Außenminister John Kerry "
        "setzten die "
        "beiden Minister ihre Beratungen fort.",
        "de", Pass::resolve_mentions);
    const Mention* both = two[1].mention("die beiden Minister");
    REQUIRE(both);
    REQUIRE(both->actor);
    REQUIRE(both->second);
    CHECK(both->actor->id == "kerry");
    CHECK(both->second->id == "lavrov");
  }
  TEST_CASE("wir: the speaker inside quotes or with an attribution, else nobody") {
    const Doc quoted("„Wir unterstützen die Ukraine“, sagte Polen.", "de",
                     Pass::resolve_mentions);
    CHECK(code_of(quoted.only(), "Wir") == "POL");
    CHECK(quoted.only().resolved.speaker == actor("POL"));
    const Doc reported("Polen sagte, wir unterstützen die Ukraine.", "de",
                       Pass::resolve_mentions);
    CHECK(code_of(reported.only(), "wir") == "POL");
    const Doc alone("Wir unterstützen die Ukraine.", "de", Pass::resolve_mentions);
    CHECK(code_of(alone.only(), "Wir") == "-");
  }
  TEST_CASE("a correlate es announcing a clause names no actor") {
    const Doc d("Polen ist groß. Der Kreml lehnte es ab, sich zu äußern.", "de",
                Pass::resolve_mentions);
    CHECK(code_of(d[1], "es") == "-");
    const Doc it("Polen ist groß. Es kritisierte Russland.", "de", Pass::resolve_mentions);
    CHECK(code_of(it[1], "Es") == "POL");
  }
  // "sagte er": attribute() takes only mentions that already name an actor,
  // and a pronoun's actor is resolved only here, so the speaker stays
  // unknown and the quoted "wir" unresolved, although "er" is Lawrow.
  TEST_CASE("sagte er: the pronoun's actor is the speaker of the quoted wir" *
            doctest::may_fail()) {
    const Doc d("Lawrow war in Genf. „Wir greifen die Ukraine nicht an“, sagte er.", "de",
                Pass::resolve_mentions);
    CHECK(code_of(d[1], "er") == "RUS");
    CHECK(d[1].resolved.speaker == actor("lavrov"));
    CHECK(code_of(d[1], "Wir") == "RUS");
  }
}
