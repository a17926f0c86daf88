// Discourse: the actors a document has named so far, for the pronouns and
// descriptions of the sentences that follow.  Mentions are built by hand
// here: the test is about what Discourse chooses among them.
#include <algorithm>

#include "pass_fixture.hpp"

using namespace passtest;

namespace {
Mention named(std::string_view id, std::uint32_t at, char gender,
              Mention::How how = Mention::name, std::string genders = {}) {
  Mention m;
  m.genders = std::move(genders);
  m.first = at;
  m.last = at + 1;
  m.np_first = at;
  m.actor = actor(id);
  m.gender = gender;
  m.how = how;
  m.text = std::string(id);
  return m;
}
std::string id_of(const Actor* a) { return a ? a->id : "-"; }
}  // namespace

TEST_SUITE("discourse") {
  TEST_CASE("a pronoun takes the last name of its gender before it in the sentence") {
    const Discourse d;
    const std::vector<Mention> ms = {named("TUR", 1, 'f'), named("RUS", 3, 'n')};
    CHECK(id_of(d.resolve(ms, "fp", 5, nullptr, false, 0)) == "TUR");
    CHECK(id_of(d.resolve(ms, "n", 5, nullptr, false, 0)) == "RUS");
    CHECK(id_of(d.resolve(ms, "n", 3, nullptr, false, 0)) == "-");  // only names before it
    CHECK(id_of(d.resolve(ms, "m", 5, nullptr, false, 0)) == "-");
  }
  TEST_CASE("then the names of the two sentences before, not three") {
    Discourse d;
    d.remember({named("TUR", 1, 'f')}, 0);
    CHECK(id_of(d.resolve({}, "f", 0, nullptr, false, 1)) == "TUR");
    CHECK(id_of(d.resolve({}, "f", 0, nullptr, false, 2)) == "TUR");
    CHECK(id_of(d.resolve({}, "f", 0, nullptr, false, 3)) == "-");
  }
  TEST_CASE("a description takes a state or organisation of any gender, never a person") {
    const Discourse d;
    const std::vector<Mention> ms = {named("TUR", 1, 'f'), named("lavrov", 3, 'm')};
    CHECK(id_of(d.resolve(ms, "n", 9, nullptr, true, 0)) == "TUR");
    // The second of a pair: another code than the first.
    CHECK(id_of(d.resolve(ms, "", 9, actor("TUR"), true, 0)) == "-");
  }
  TEST_CASE("die Gruppe is any armed group, die Rebellen one that takes its state's code") {
    const Discourse d;
    const std::vector<Mention> ms = {named("hamas", 1, 'f'), named("IS", 4, '-')};
    CHECK(id_of(d.resolve(ms, "g", 9, nullptr, true, 0)) == "IS");
    CHECK(id_of(d.resolve(ms, "r", 9, nullptr, true, 0)) == "hamas");
  }
  TEST_CASE("der Minister: the last person, three sentences back") {
    Discourse d;
    d.remember({named("TUR", 0, 'f'), named("lavrov", 2, 'm')}, 0);
    CHECK(id_of(d.resolve_person({}, "m", 0, 3)) == "lavrov");
    CHECK(id_of(d.resolve_person({}, "f", 0, 3)) == "-");  // die Ministerin
    CHECK(id_of(d.resolve_person({}, "", 0, 3)) == "lavrov");
    CHECK(id_of(d.resolve_person({}, "m", 0, 4)) == "-");
  }
  TEST_CASE("die beiden Minister: the other person is of another code") {
    Discourse d;
    d.remember({named("lavrov", 0, 'm'), named("putin", 2, 'm')}, 0);
    const std::vector<Mention> ms = {named("kerry", 3, 'm')};
    CHECK(id_of(d.other_person(ms, 5, "RUS", 1)) == "kerry");
    CHECK(id_of(d.other_person(ms, 5, "USA", 1)) == "putin");
    CHECK(id_of(d.other_person(ms, 3, "RUS", 1)) == "-");  // Kerry comes after the token
  }
  TEST_CASE("states_latest_first lists only the states, the latest first") {
    Discourse d;
    d.remember({named("TUR", 0, 'f'), named("lavrov", 1, 'm'), named("EU", 2, 'f')}, 0);
    d.remember({named("RUS", 0, 'n')}, 1);
    std::vector<std::string> ids;
    for (const Actor* a : d.states_latest_first()) ids.push_back(a->id);
    CHECK(ids == Strings{"RUS", "TUR"});
  }
  TEST_CASE("remember keeps names and resolved pronouns, not descriptions or unresolved ones") {
    Discourse d;
    const Mention pronoun = named("RUS", 2, '-', Mention::pronoun, "n");
    Mention unresolved = named("RUS", 3, '-', Mention::pronoun);
    unresolved.actor = nullptr;
    d.remember({named("TUR", 0, 'f', Mention::description), pronoun, unresolved}, 0);
    // The pronoun is remembered with the first gender it may refer to.
    CHECK(id_of(d.resolve({}, "n", 0, nullptr, false, 1)) == "RUS");
    CHECK(id_of(d.resolve({}, "f", 0, nullptr, false, 1)) == "-");
    CHECK(id_of(d.resolve({}, "", 0, nullptr, true, 1)) == "RUS");
  }
  TEST_CASE("only the latest 64 names are kept") {
    Discourse d;
    d.remember({named("TUR", 0, 'f')}, 0);
    d.remember(std::vector<Mention>(64, named("RUS", 0, 'n')), 0);
    const std::vector<const Actor*> states = d.states_latest_first();
    CHECK(states.size() == 64);
    CHECK(std::count(states.begin(), states.end(), actor("TUR")) == 0);
  }
}
