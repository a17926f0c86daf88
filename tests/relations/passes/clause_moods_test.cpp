// clause_moods(): what each clause does to the status of its events --
// negated, hypothetical -- and whether it is a dass/that complement.
#include "pass_fixture.hpp"

using namespace passtest;

namespace {
// Each clause's mood as its flags, "-" for none.
std::string flags(const ClauseMood& m) {
  std::string out;
  auto add = [&](bool on, const char* name) {
    if (!on) return;
    if (!out.empty()) out += ' ';
    out += name;
  };
  add(m.complement, "complement");
  add(m.dass, "dass");
  add(m.negated, "negated");
  add(m.hypothetical, "hypothetical");
  return out.empty() ? "-" : out;
}
Strings moods(const Run& r) {
  Strings out;
  for (const ClauseMood& m : r.moods) out.push_back(flags(m));
  return out;
}
}  // namespace

TEST_SUITE("clause moods") {
  TEST_CASE("a clause's own negation") {
    const Doc de("Die Türkei hat Russland nicht kritisiert.", "de", Pass::clause_moods);
    CHECK(moods(de.only()) == Strings{"negated"});
    const Doc en("Russia will not attack Ukraine.", "en", Pass::clause_moods);
    CHECK(moods(en.only()) == Strings{"negated hypothetical"});
  }
  TEST_CASE("bestritt, dass: a denying verb negates the dass-clause under it") {
    const Doc d("Die Türkei bestritt, dass Russland die Ukraine angegriffen habe.", "de",
                Pass::clause_moods);
    CHECK(moods(d.only()) == Strings{"-", "complement dass negated"});
  }
  TEST_CASE("a dass-clause under a verb of saying keeps its status") {
    const Doc d("Die Türkei erklärte, dass Russland die Ukraine angegriffen habe.", "de",
                Pass::clause_moods);
    CHECK(moods(d.only()) == Strings{"-", "complement dass"});
  }
  TEST_CASE("a question makes every clause hypothetical") {
    const Doc de("Hat Russland die Ukraine angegriffen?", "de", Pass::clause_moods);
    CHECK(moods(de.only()) == Strings{"hypothetical"});
    const Doc en("Did Russia attack Ukraine?", "en", Pass::clause_moods);
    CHECK(moods(en.only()) == Strings{"hypothetical"});
  }
  TEST_CASE("plant, ... anzugreifen: intent above a zu-infinitive") {
    const Doc d("Russland plant, die Ukraine anzugreifen.", "de", Pass::clause_moods);
    CHECK(moods(d.only()) == Strings{"hypothetical", "hypothetical"});
  }
  TEST_CASE("bereit, ... zu helfen: willingness makes only the zu-clause hypothetical") {
    const Doc d("Russland sei bereit, der Armee Serbiens mit Ersatzteilen zu helfen.", "de",
                Pass::clause_moods);
    CHECK(moods(d.only()) == Strings{"-", "hypothetical"});
  }
  TEST_CASE("a condition is hypothetical, the clause it conditions is not") {
    const Doc d("Wenn Russland Finnland angreift, wird die Nato reagieren.", "de",
                Pass::clause_moods);
    CHECK(moods(d.only()) == Strings{"hypothetical", "-"});
  }
  TEST_CASE("bestritt, ... zu haben: a denied zu-infinitive is negated") {
    const Doc d("Die Türkei bestritt, Russland kritisiert zu haben.", "de", Pass::clause_moods);
    CHECK(moods(d.only()) == Strings{"-", "negated"});
  }
  // The English analysis opens no clause at "that", so "denied" (a neg_verb
  // in data/grammar/en.tsv) never reaches the reported act: CHN ASSAULT VNM
  // is coded as a fact.
  TEST_CASE("denied that: the English that-clause is negated" * doctest::may_fail()) {
    const Doc d("Japan denied that China attacked Vietnam.", "en", Pass::clause_moods);
    const Run& r = d.only();
    auto ci = static_cast<std::size_t>(r.syn.clause_of[r.token("attacked")]);
    REQUIRE(ci < r.moods.size());
    CHECK(r.moods[ci].negated);
  }
}
