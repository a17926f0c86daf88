// verb_frames(): each trigger verb's form, voice and roles; its candidates
// (before the transforms) and the demands still waiting for a target.
#include "pass_fixture.hpp"

using namespace passtest;

TEST_SUITE("verb frames") {
  TEST_CASE("subject and object of an active verb, off its data row") {
    const Doc d("Am Montag kritisierte die Türkei Russland scharf.", "de", Pass::frames);
    const VerbFrames& v = d.only().verbs;
    CHECK(strs(v.cands) == Strings{"Türkei=TUR ACCUSE Russland=RUS fact | verb frame"});
    REQUIRE(v.cands.size() == 1);
    CHECK(v.cands[0].trigger == "kritisierte");
    CHECK(v.cands[0].trigger_token == 2);
    CHECK(v.cands[0].provenance.entry.rfind("triggers/de.tsv:", 0) == 0);
    CHECK(v.pending.empty());
  }
  TEST_CASE("a separable verb, and the owner of its object as the target") {
    const Doc d("Die Ukraine lehnte die Forderungen Russlands ab.", "de", Pass::frames);
    const VerbFrames& v = d.only().verbs;
    CHECK(strs(v.cands) == Strings{"Ukraine=UKR REJECT Russlands=RUS fact | verb frame"});
    REQUIRE(v.cands.size() == 1);
    CHECK(v.cands[0].trigger == "lehnte ... ab");
  }
  TEST_CASE("passive: the agent phrase is the source") {
    const Doc de("Nordkorea wurde von den USA gewarnt.", "de", Pass::frames);
    CHECK(strs(de.only().verbs.cands) ==
          Strings{"USA=USA THREATEN Nordkorea=PRK fact | passive verb frame"});
    const Doc en("Ukraine was attacked by Russia.", "en", Pass::frames);
    CHECK(strs(en.only().verbs.cands) ==
          Strings{"Russia=RUS ASSAULT Ukraine=UKR fact | passive verb frame"});
  }
  TEST_CASE("an attributive participle codes its agent against the noun it modifies") {
    const Doc d("Die vom Iran unterstützte Regierung in Bagdad lehnte das ab.", "de",
                Pass::frames);
    const VerbFrames& v = d.only().verbs;
    CHECK(strs(v.cands) ==
          Strings{"Iran=IRN SUPPORT Bagdad=IRQ fact | attributive participle"});
    // "lehnte das ab" has no actor object: a refusal waiting for its act.
    REQUIRE(v.pending.size() == 1);
    CHECK(str(v.pending[0]) == "Bagdad=IRQ REJECT fact lehnte ... ab");
  }
  TEST_CASE("drohte damit, ... anzugreifen: the threat waits, the act is hypothetical") {
    const Doc d("Frankreich drohte damit, Syrien anzugreifen.", "de", Pass::frames);
    const VerbFrames& v = d.only().verbs;
    REQUIRE(v.pending.size() == 1);
    CHECK(str(v.pending[0]) == "Frankreich=FRA THREATEN fact drohte");
    CHECK(v.pending[0].clause == 0);
    CHECK(v.pending[0].at == 1);
    CHECK(strs(v.cands) ==
          Strings{"Frankreich=FRA ASSAULT Syrien=SYR hypothetical | verb frame"});
    CHECK(v.clause_relations[0] == 1u << static_cast<int>(Relation::THREATEN));
  }
  TEST_CASE("forderte X auf, ... zu liefern: the one asked does the demanded act") {
    const Doc d("Finnland forderte Estland auf, keine Waffen an Belarus zu liefern.", "de",
                Pass::frames);
    const Run& r = d.only();
    REQUIRE(r.verbs.demand.size() == 2);
    CHECK(r.verbs.demand[1].demanded);
    CHECK(r.text_of(r.verbs.demand[1].asked) == "Estland");
    CHECK(strs(r.verbs.cands) ==
          Strings{"Finnland=FIN REQUEST Estland=EST fact | verb frame",
                  "Estland=EST AID Belarus=BLR hypothetical | verb frame"});
  }
  TEST_CASE("an intended attack is a threat of it") {
    const Doc d("Russia plans to attack Ukraine.", "en", Pass::frames);
    CHECK(strs(d.only().verbs.cands) ==
          Strings{"Russia=RUS THREATEN Ukraine=UKR fact | verb frame + intent to ASSAULT",
                  "Russia=RUS ASSAULT Ukraine=UKR hypothetical | verb frame"});
  }
  TEST_CASE("a modal attack under a condition is a threat of it") {
    const Doc d("Russland könnte die Ukraine angreifen, falls die Nato näher rückt.", "de",
                Pass::frames);
    CHECK(strs(d.only().verbs.cands) ==
          Strings{"Russland=RUS THREATEN Ukraine=UKR fact | verb frame + condition on ASSAULT",
                  "Russland=RUS ASSAULT Ukraine=UKR hypothetical | verb frame"});
  }
  TEST_CASE("willingness to help is an offer") {
    const Doc d("Russland sei bereit, der Armee Serbiens mit Ersatzteilen zu helfen.", "de",
                Pass::frames);
    CHECK(strs(d.only().verbs.cands) ==
          Strings{"Russland=RUS AGREE Serbiens=SRB fact | verb frame + intent to cooperate"});
  }
  TEST_CASE("English gates: an attempt codes nothing, a form after an article is a noun") {
    const Doc sought("Germany sought to ease tensions with Poland.", "en", Pass::frames);
    const Run& s = sought.only();
    CHECK(s.verbs.cands.empty());
    CHECK(s.verbs.pending.empty());
    CHECK(s.verbs.taken[s.token("sought")] == 1);
    const Doc request("Egypt rejected a U.S. request to extradite the suspects.", "en",
                      Pass::frames);
    const Run& r = request.only();
    CHECK(r.verbs.as_noun[r.token("request")] == 1);
    CHECK(r.verbs.taken[r.token("request")] == 0);
    CHECK(strs(r.verbs.cands) == Strings{"Egypt=EGY REJECT U.S.=USA fact | verb frame"});
  }
}
