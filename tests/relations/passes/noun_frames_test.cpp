// noun_frames(): the event nouns no verb took and the sides their data row
// names: genitive, possessor, prepositions, "zwischen", the clause's subject
// -- and the rewrites a noun takes: implicit side, charge, halt, willingness.
#include "pass_fixture.hpp"

using namespace passtest;

TEST_SUITE("noun frames") {
  TEST_CASE("der Krieg Russlands gegen: genitive source, preposition target") {
    const Doc d("Der Krieg Russlands gegen die Ukraine geht weiter.", "de", Pass::frames);
    const NounFrames& n = d.only().nouns;
    CHECK(strs(n.cands) == Strings{"Russlands=RUS ASSAULT Ukraine=UKR fact | noun frame"});
    REQUIRE(n.cands.size() == 1);
    CHECK(n.cands[0].trigger == "Krieg");
    CHECK(n.cands[0].trigger_token == 1);
  }
  TEST_CASE("seine Luftangriffe: a possessive pronoun stands for the actor named before") {
    const Doc d("Israel verteidigte seine Luftangriffe auf den Libanon.", "de", Pass::frames);
    const NounFrames& n = d.only().nouns;
    CHECK(strs(n.cands) == Strings{"seine=ISR ASSAULT Libanon=LBN fact | noun frame"});
    REQUIRE(n.possessors.size() == 1);
    CHECK(n.possessors[0].how == Mention::pronoun);
    CHECK(n.possessors[0].first == 2);
  }
  TEST_CASE("Gespräche zwischen X und Y: both sides at once") {
    const Doc d("Die Gespräche zwischen Aserbaidschan und Armenien dauerten zwei Tage.", "de",
                Pass::frames);
    CHECK(strs(d.only().nouns.cands) ==
          Strings{"Aserbaidschan=AZE CONSULT Armenien=ARM fact | noun frame"});
  }
  TEST_CASE("mediation between X and Y by a third: X and Y are the targets") {
    const Doc d("Norway undertook mediation between Israel and Egypt.", "en", Pass::frames);
    CHECK(strs(d.only().nouns.cands) ==
          Strings{"Norway=NOR CONSULT Israel=ISR fact | noun frame",
                  "Norway=NOR CONSULT Egypt=EGY fact | noun frame"});
  }
  TEST_CASE("a war has two sides: the missing one is the nearest other actor") {
    const Doc d("Der Krieg gegen die Ukraine kostet Russland viel Geld.", "de", Pass::frames);
    CHECK(strs(d.only().nouns.cands) ==
          Strings{"Russland=RUS ASSAULT Ukraine=UKR fact | noun frame + implicit side"});
  }
  TEST_CASE("als Aggression bezeichnet: a conflict noun after als is a charge") {
    const Doc d("Polen hat die Besetzung der Krim durch Russland als Aggression bezeichnet.",
                "de", Pass::frames);
    CHECK(strs(d.only().nouns.cands) ==
          Strings{"Russland=RUS COERCE Krim=UKR fact | noun frame",
                  "Polen=POL ACCUSE Russland=RUS fact | noun frame + as a charge"});
  }
  TEST_CASE("halted aid is a sanction") {
    const Doc de("Die USA stellten die Hilfe für Ägypten ein.", "de", Pass::frames);
    CHECK(strs(de.only().nouns.cands) ==
          Strings{"USA=USA SANCTION Ägypten=EGY fact | noun frame + halted"});
    const Doc en("Norway halted its economic aid to Sudan.", "en", Pass::frames);
    CHECK(strs(en.only().nouns.cands) ==
          Strings{"its=NOR SANCTION Sudan=SDN fact | noun frame + halted"});
  }
  TEST_CASE("willing to send aid: the offer is the event") {
    const Doc d("Norway is willing to send aid to Sudan.", "en", Pass::frames);
    CHECK(strs(d.only().nouns.cands) ==
          Strings{"Norway=NOR AGREE Sudan=SDN fact | noun frame + willing"});
  }
  TEST_CASE("a possible meeting is hypothetical") {
    const Doc d("Ein mögliches Treffen zwischen Indien und China wurde diskutiert.", "de",
                Pass::frames);
    CHECK(strs(d.only().nouns.cands) ==
          Strings{"Indien=IND CONSULT China=CHN hypothetical | noun frame"});
  }
  TEST_CASE("no event: a weapon nobody uses, an attack a judge did not make") {
    const Doc gas("Syrien hat sein Giftgas an die OPCW übergeben.", "de", Pass::frames);
    CHECK(gas.only().nouns.cands.empty());
    const Doc judged("Germany condemned the attack on Ukraine.", "en", Pass::frames);
    CHECK(judged.only().nouns.cands.empty());
  }
}
