// find_subjects(): each clause's subject (the lead of its coordination
// group) and a relative clause's antecedent, as mention texts.
#include "pass_fixture.hpp"

using namespace passtest;

namespace {
// "subject/antecedent" of each clause, "-" for none.
Strings roles(const Run& r) {
  Strings out;
  for (const ClauseRoles& c : r.roles)
    out.push_back(r.text_of(c.subject) + "/" + r.text_of(c.antecedent));
  return out;
}
}  // namespace

TEST_SUITE("subjects") {
  TEST_CASE("German verb-second: the subject after the finite verb") {
    const Doc d("Am Montag kritisierte die Türkei Russland scharf.", "de", Pass::find_subjects);
    CHECK(roles(d.only()) == Strings{"Türkei/-"});
    CHECK(d.only().roles[0].subject == 0);  // the mention itself, the lead of its group
  }
  TEST_CASE("German relative clause: the relative pronoun is the name before it") {
    const Doc d("Die Ukraine erhielt Panzer aus Polen, das Russland zuvor kritisiert hatte.",
                "de", Pass::find_subjects);
    CHECK(roles(d.only()) == Strings{"Ukraine/-", "Polen/Polen"});
    const Doc nom("Polen kritisierte Russland, das die Ukraine angegriffen hatte.", "de",
                  Pass::find_subjects);
    CHECK(roles(nom.only()) == Strings{"Polen/-", "Russland/Russland"});
  }
  TEST_CASE("a zu-clause's subject is its controller, the subject it depends on") {
    const Doc d("Frankreich drohte damit, Syrien anzugreifen.", "de", Pass::find_subjects);
    CHECK(roles(d.only()) == Strings{"Frankreich/-", "Frankreich/-"});
  }
  TEST_CASE("a coordinated clause that opens with its verb shares the subject") {
    const Doc d("Polen kritisierte Russland scharf, aber warnte die Türkei.", "de",
                Pass::find_subjects);
    CHECK(roles(d.only()) == Strings{"Polen/-", "Polen/-"});
  }
  TEST_CASE("a noun phrase naming no actor holds the subject's place") {
    const Doc city("Die Stadt wurde von Russland bombardiert.", "de", Pass::find_subjects);
    CHECK(roles(city.only()) == Strings{"-/-"});
    // "Moskaus Unterstützung ... helfe": the possessive owns a subject that is no actor.
    const Doc owned(
        "Moskaus Unterstützung für die syrische Armee helfe der Regierung in Damaskus, meinte "
        "Lawrow.",
        "de", Pass::find_subjects);
    CHECK(roles(owned.only()) == Strings{"-/-", "Lawrow/-"});
  }
  TEST_CASE("English: Poland, which borders Ukraine, criticized Russia") {
    const Doc d("Poland, which borders Ukraine, criticized Russia.", "en", Pass::find_subjects);
    REQUIRE(d.only().roles.size() == 3);
    CHECK(d.only().text_of(d.only().roles[1].antecedent) == "Poland");
    // The clause that opens with its verb continues the one before the relative clause.
    CHECK(d.only().text_of(d.only().roles[2].subject) == "Poland");
  }
  TEST_CASE("English relative clause with a subject of its own before the verb") {
    const Doc d("Poland criticized Ukraine, which Russia attacked.", "en", Pass::find_subjects);
    CHECK(roles(d.only()) == Strings{"Poland/-", "Russia/Ukraine"});
  }
  // "borders" is no verb the lexicons know: the antecedent is still the
  // subject (it once compared with the missing verb's -1 and took the object).
  TEST_CASE("English relative clause without a known verb: the antecedent is the subject") {
    const Doc d("Poland, which borders Ukraine, criticized Russia.", "en", Pass::find_subjects);
    REQUIRE(d.only().roles.size() == 3);
    CHECK(d.only().text_of(d.only().roles[1].subject) == "Poland");
  }
  // The analysis reads the accusative relative pronoun "den" as the article
  // of the name after it (oblique), so the relative clause has no bare
  // actor and no subject: "RUS SUPPORT IRN" is lost.
  TEST_CASE("German relative clause with an accusative relative pronoun" *
            doctest::may_fail()) {
    const Doc d("Die Türkei kritisierte den Iran, den Russland unterstützt.", "de",
                Pass::find_subjects);
    CHECK(roles(d.only()) == Strings{"Türkei/-", "Russland/Iran"});
  }
  // ", die Ukraine habe ...": after a verb, an article opening a verb-second
  // clause is reported speech (it was once typed relative, and the extractor
  // coded TUR ASSAULT UKR).
  TEST_CASE("reported speech opening with an article is no relative clause") {
    const Doc d("Die Türkei erklärte, die Ukraine habe Russland angegriffen.", "de",
                Pass::find_subjects);
    CHECK(roles(d.only()) == Strings{"Türkei/-", "Ukraine/-"});
  }
}
