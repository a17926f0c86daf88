// transform(): the frames' candidates in token order, then a judging verb
// retargeted to the doer of the event it names, obligations reported by
// their demander, and pending demands given the target of the act demanded.
#include <algorithm>

#include "pass_fixture.hpp"

using namespace passtest;

TEST_SUITE("transforms") {
  TEST_CASE("verb and noun candidates merge in token order") {
    const Doc d("Britain and France condemned Syria's attack on Turkey.", "en",
                Pass::transform);
    CHECK(strs(d.only().cands) == Strings{"Britain=GBR ACCUSE Syria's=SYR fact | verb frame",
                                          "France=FRA ACCUSE Syria's=SYR fact | verb frame",
                                          "Syria's=SYR ASSAULT Turkey=TUR fact | noun frame"});
  }
  TEST_CASE("verurteilte die Annexion ... durch Russland: the judge accuses the doer") {
    const Doc d("Die Türkei verurteilte die Annexion der Krim durch Russland.", "de",
                Pass::transform);
    const Run& r = d.only();
    CHECK(
        strs(r.cands) ==
        Strings{"Türkei=TUR ACCUSE Russland=RUS fact | verb frame + doer of the event it names",
                "Russland=RUS COERCE Krim=UKR fact | noun frame"});
    // The frames' own output stays as it was read.
    CHECK(strs(r.verbs.cands) == Strings{"Türkei=TUR ACCUSE Krim=UKR fact | verb frame"});
  }
  TEST_CASE("X declared that Y must: X demands of Y") {
    const Doc d("Japan declared on Monday that China must release the fishermen.", "en",
                Pass::transform);
    CHECK(strs(d.only().cands) ==
          Strings{"Japan=JPN REQUEST China=CHN fact | obligation reported by the demander"});
    REQUIRE(d.only().cands.size() == 1);
    CHECK(d.only().cands[0].trigger == "must");
    CHECK(d.only().cands[0].provenance.entry.empty());
  }
  TEST_CASE("X erklärte, Y müsse: X demands of Y") {
    const Doc d("Polen erklärte, die Türkei müsse mehr tun.", "de", Pass::transform);
    CHECK(strs(d.only().cands) ==
          Strings{"Polen=POL REQUEST Türkei=TUR fact | obligation reported by the demander"});
  }
  TEST_CASE("müssen in a clause nobody says is no demand") {
    const Doc d("Ich denke, es sagt viel aus, dass Russland sich an Nordkorea wenden muss.",
                "de", Pass::transform);
    CHECK(d.only().cands.empty());
  }
  TEST_CASE("a pending threat takes the target of the act it threatens") {
    const Doc de("Frankreich drohte damit, Syrien anzugreifen.", "de", Pass::transform);
    CHECK(strs(de.only().cands) ==
          Strings{"Frankreich=FRA ASSAULT Syrien=SYR hypothetical | verb frame",
                  "Frankreich=FRA THREATEN Syrien=SYR fact | verb frame + target of the "
                  "demanded act"});
    const Doc en("Iran threatened to shell Iraqi towns.", "en", Pass::transform);
    CHECK(
        strs(en.only().cands) ==
        Strings{"Iran=IRN ASSAULT Iraqi=IRQ hypothetical | verb frame",
                "Iran=IRN THREATEN Iraqi=IRQ fact | verb frame + target of the demanded act"});
  }
  TEST_CASE("a pending accusation targets the doer of the reported act") {
    const Doc d("Merkel kritisierte, Russland habe die Ukraine angegriffen.", "de",
                Pass::transform);
    CHECK(
        strs(d.only().cands) ==
        Strings{"Russland=RUS ASSAULT Ukraine=UKR fact | verb frame",
                "Merkel=DEU ACCUSE Russland=RUS fact | verb frame + doer of the reported act"});
  }
  TEST_CASE("a pending refusal whose act names no other actor gives nothing") {
    const Doc d("Der Kreml lehnte es ab, sich zu den Berichten zu äußern.", "de",
                Pass::transform);
    REQUIRE(d.only().verbs.pending.size() == 1);
    CHECK(d.only().cands.empty());
  }
  // Obligations::obliged() takes the last bare actor up to two tokens after
  // "müsse" -- the object "Russland" here, not the subject "die Türkei".
  // The same with "dass die Türkei Russland kritisieren müsse".
  TEST_CASE("X erklärte, Y müsse Z ...: the one obliged is Y, not the object Z" *
            doctest::may_fail()) {
    const Doc d("Polen erklärte, die Türkei müsse Russland kritisieren.", "de",
                Pass::transform);
    const Strings cands = strs(d.only().cands);
    CHECK(std::count(
              cands.begin(), cands.end(),
              "Polen=POL REQUEST Türkei=TUR fact | obligation reported by the demander") == 1);
    CHECK(std::count(
              cands.begin(), cands.end(),
              "Polen=POL REQUEST Russland=RUS fact | obligation reported by the demander") ==
          0);
  }
}
