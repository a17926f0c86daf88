// clause_status.cpp: each clause's type, finite verb and status.
#include "analysis_helpers.hpp"

using namespace analysis_test;
using Words = std::vector<std::string>;

namespace {
// "type: words" for each clause.
Words typed(const Analysed& a) {
  Words out;
  for (const Clause& c : a.syn.clauses)
    out.push_back(std::string(type_name(c.type)) + ": " + words(a, c.first, c.last));
  return out;
}

// The status flags set on a clause, in a fixed order.
std::string flags(const Clause& c) {
  std::string out;
  auto add = [&](bool on, const char* name) {
    if (!on) return;
    if (!out.empty()) out += ' ';
    out += name;
  };
  add(c.negated, "negated");
  add(c.hypothetical, "hypothetical");
  add(c.intent, "intent");
  add(c.willing, "willing");
  add(c.undergo, "undergo");
  add(c.neg_complement, "neg_complement");
  add(c.passive, "passive");
  return out;
}

std::string flags_of(const std::string& text, Lang lang, std::size_t clause = 0) {
  auto a = analyse(text, lang);
  REQUIRE(clause < a->syn.clauses.size());
  return flags(a->syn.clauses[clause]);
}

// The finite verb of each clause as written, "-" for none.
Words finite_verbs(const Analysed& a) {
  Words out;
  for (const Clause& c : a.syn.clauses)
    out.push_back(c.finite < 0 ? "-" : std::string(a.tokens()[c.finite].form));
  return out;
}
}  // namespace

TEST_SUITE("analysis: clause status") {
  TEST_CASE("subordinate clause: the finite verb is its last verbal word") {
    auto a = analyse("Die Regierung erklärte, dass Russland die Ukraine angegriffen habe.",
                     Lang::de);
    CHECK(typed(*a) == Words{"main: Die Regierung erklärte",
                             "sub: dass Russland die Ukraine angegriffen habe ."});
    CHECK(finite_verbs(*a) == Words{"erklärte", "habe"});
    CHECK(a->syn.clauses[0].governor == -1);
    CHECK(a->syn.clauses[1].governor == 0);
  }
  TEST_CASE("conditional, relative, coordinated clauses") {
    auto cond = analyse("Wenn Russland angreift, wird die NATO reagieren.", Lang::de);
    CHECK(typed(*cond) ==
          Words{"cond: Wenn Russland angreift", "main: wird die NATO reagieren ."});
    CHECK(flags(cond->syn.clauses[0]) == "hypothetical");
    CHECK(typed(*analyse("Die Ukraine erhielt Panzer aus Polen, das Russland kritisiert hatte.",
                         Lang::de)) ==
          Words{"main: Die Ukraine erhielt Panzer aus Polen",
                "rel: das Russland kritisiert hatte ."});
    CHECK(typed(*analyse("Russland besetzte die Stadt, in der die Armee stationiert war.",
                         Lang::de)) == Words{"main: Russland besetzte die Stadt",
                                             "rel: in der die Armee stationiert war ."});
    CHECK(typed(*analyse("Russland griff an, aber Polen hat protestiert.", Lang::de)) ==
          Words{"main: Russland griff an", "coord: aber Polen hat protestiert ."});
  }
  TEST_CASE("zu-infinitives and purpose clauses") {
    CHECK(typed(*analyse("Frankreich drohte damit, Syrien anzugreifen.", Lang::de)) ==
          Words{"main: Frankreich drohte damit", "zu: Syrien anzugreifen ."});
    // A clause that closes with a zu-infinitive is one, whatever article opens it.
    CHECK(typed(*analyse("Russland versprach, der Armee mit Kampfjets zu helfen.", Lang::de)) ==
          Words{"main: Russland versprach", "zu: der Armee mit Kampfjets zu helfen ."});
    CHECK(typed(*analyse("Russland schickte Truppen, um die Grenze zu sichern.", Lang::de)) ==
          Words{"main: Russland schickte Truppen", "purpose: um die Grenze zu sichern ."});
    CHECK(typed(*analyse("Iran gathered troops, to attack Iraq.", Lang::en)) ==
          Words{"main: Iran gathered troops", "zu: to attack Iraq ."});
  }
  TEST_CASE("negation, and 'nicht nur' / 'not only' that is none") {
    CHECK(flags_of("Russland hat die Ukraine nicht angegriffen.", Lang::de) ==
          "negated neg_complement");
    CHECK(flags_of("Russland kritisierte nicht nur die Ukraine, sondern auch Polen.",
                   Lang::de) == "");
    CHECK(flags_of("Russia criticised not only Ukraine, but also Poland.", Lang::en) == "");
    CHECK(flags_of("Russland bestreitet, dass es die Ukraine angegriffen hat.", Lang::de) ==
          "neg_complement");
  }
  TEST_CASE("evidential 'soll ... haben' is a reported act; 'soll' alone a possibility") {
    CHECK(flags_of("Russland soll die Ukraine angegriffen haben.", Lang::de) == "");
    CHECK(flags_of("Russland soll die Ukraine angreifen.", Lang::de) == "hypothetical");
    CHECK(flags_of("Russland sollte die Ukraine angegriffen haben.", Lang::de) ==
          "hypothetical");
  }
  TEST_CASE("'said it would': an announced intent; 'would' alone a possibility") {
    CHECK(flags_of("Russia said it would attack Ukraine.", Lang::en) == "intent");
    CHECK(flags_of("Russia would attack Ukraine.", Lang::en) == "hypothetical");
  }
  TEST_CASE("werden + infinitive is intent, werden + participle passive") {
    CHECK(flags_of("Russland wird die Ukraine angreifen.", Lang::de) == "intent");
    CHECK(flags_of("Die Ukraine wird von Russland angegriffen.", Lang::de) == "passive");
    CHECK(flags_of("Ukraine was attacked by Russia.", Lang::en) == "passive");
  }
  TEST_CASE("willing, undergo") {
    CHECK(flags_of("Russland ist bereit, mit der Ukraine zu verhandeln.", Lang::de) ==
          "willing");
    CHECK(flags_of("Russland unterliegt Sanktionen der EU.", Lang::de) == "undergo");
  }
}
