// The query library on hand-made graphs, so the expected answers can be
// worked out by hand and do not move when the extractor changes.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "geokg/error.hpp"
#include "geokg/query/query.hpp"
#include "geokg/resources.hpp"

// Failed comparisons of rows print the rows.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string s = "{";
    for (const auto& x : v) s += "\n  \"" + x + "\"";
    return (s + "}").c_str();
  }
};
}  // namespace doctest

using namespace geokg;
using namespace geokg::query;

namespace {

ActorRef state(const std::string& code) { return ActorRef{code, code, code, ActorType::state}; }

Document doc(const std::string& id, const std::string& date) {
  Document d;
  d.id = id;
  d.date = date;
  d.text = "text of " + id;
  return d;
}

Event event(const ActorRef& s, Relation r, const ActorRef& t, std::uint32_t sentence,
            Status status = Status::fact) {
  Event e;
  e.source = s;
  e.relation = r;
  e.target = t;
  e.sentence = sentence;
  e.status = status;
  e.trigger = "trigger" + std::to_string(sentence);
  e.evidence = "sentence " + std::to_string(sentence);
  return e;
}

const ActorDictionary& dictionary() {
  static const ActorDictionary dict = ActorDictionary::load(find_data_dir());
  return dict;
}

DictionaryLoader loader() {
  return [] { return &dictionary(); };
}

// Seven actors.  Directed cycle UKR -> USA -> PRK -> RUS -> UKR; IRN on a
// second cycle through PRK (CONSULT is symmetric); TUR only CONSULTs RUS; EU
// only acts; one hypothetical edge; d4 has no date.
KnowledgeGraph world() {
  using R = Relation;
  KnowledgeGraph g(Level::state, dictionary_namer(dictionary()));
  g.add_document(doc("d1", "2023-01-10"), {event(state("RUS"), R::ASSAULT, state("UKR"), 0),
                                           event(state("RUS"), R::ASSAULT, state("UKR"), 1),
                                           event(state("USA"), R::AID, state("UKR"), 2)});
  g.add_document(doc("d2", "2023-02-05"), {event(state("RUS"), R::THREATEN, state("UKR"), 0),
                                           event(state("PRK"), R::AID, state("RUS"), 1),
                                           event(state("USA"), R::SANCTION, state("PRK"), 2)});
  g.add_document(doc("d3", "2023-02-20"), {event(state("USA"), R::THREATEN, state("PRK"), 0),
                                           event(state("USA"), R::REQUEST, state("PRK"), 1),
                                           event(state("IRN"), R::AID, state("RUS"), 2),
                                           event(state("PRK"), R::CONSULT, state("IRN"), 3)});
  g.add_document(doc("d4", ""),
                 {event(state("USA"), R::SANCTION, state("PRK"), 0),
                  event(state("PRK"), R::AID, state("RUS"), 1, Status::hypothetical),
                  event(state("TUR"), R::CONSULT, state("RUS"), 2)});
  g.add_document(doc("d5", "2023-03-01"), {event(state("UKR"), R::REQUEST, state("USA"), 0),
                                           event(state("EU"), R::SANCTION, state("RUS"), 1)});
  return g;
}

// A table as lines of cells joined by '|', for exact comparisons.
std::vector<std::string> lines(const Table& t) {
  std::vector<std::string> out;
  for (const auto& row : t.rows) {
    std::string l;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) l += '|';
      const Cell& c = row[i];
      if (auto* s = std::get_if<std::string>(&c)) l += *s;
      if (auto* n = std::get_if<std::int64_t>(&c)) l += std::to_string(*n);
      if (auto* d = std::get_if<double>(&c)) l += std::to_string(*d);
    }
    out.push_back(l);
  }
  return out;
}

using Lines = std::vector<std::string>;

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const QueryError& e) {
    return e.what();
  }
  return "(no QueryError)";
}

Selection all_statuses() {
  Selection s;
  s.status.reset();
  return s;
}

KnowledgeGraph from_edges(
    const std::vector<std::tuple<std::string, Relation, std::string, int>>& es) {
  KnowledgeGraph g(Level::state);
  std::vector<Event> events;
  std::uint32_t sentence = 0;
  for (const auto& [s, r, t, w] : es)
    for (int i = 0; i < w; ++i) events.push_back(event(state(s), r, state(t), sentence++));
  g.add_document(doc("only", "2023-01-01"), events);
  return g;
}

std::vector<double> by_id(const KnowledgeGraph& g, const std::vector<double>& values,
                          const std::vector<std::string>& ids) {
  std::vector<double> out;
  for (const auto& id : ids) out.push_back(values[*g.find(id)]);
  return out;
}

}  // namespace

TEST_SUITE("query options") {
  TEST_CASE("dates: YYYY, YYYY-MM and real days only") {
    for (const char* ok :
         {"2023", "2023-02", "2023-02-28", "2024-02-29", "2000-02-29", "2023-12-31"})
      CHECK_NOTHROW(check_date(ok, "--since"));
    for (const char* bad :
         {"", "23", "2023-13", "2023-00", "2023-02-29", "1900-02-29", "2023-04-31", "2023-1-1",
          "2023/01/01", "2023-01-01T00", "yesterday"})
      CHECK_THROWS_AS(check_date(bad, "--since"), QueryError);
    CHECK(error_of([] { check_date("2023-13", "--until"); }) ==
          "--until wants a date YYYY-MM-DD, YYYY-MM or YYYY, not '2023-13'");
    Selection s;
    s.since = "2023-03";
    s.until = "2023-02-28";
    CHECK(error_of([&] { check_range(s); }) ==
          "--since 2023-03 is after --until 2023-02-28: no date is in between");
    s.until = "2023-03";
    CHECK_NOTHROW(check_range(s));
    s.until = "2023";  // the whole year, March included
    CHECK_NOTHROW(check_range(s));
  }

  TEST_CASE("relation types, statuses, rankings, formats") {
    CHECK(parse_relations("threaten, SANCTION,threaten") ==
          std::vector<Relation>{Relation::THREATEN, Relation::SANCTION});
    const std::string e = error_of([] { parse_relations("THREATEN,THREATN"); });
    CHECK(e.find("unknown relation type 'THREATN' (expected one of AGREE, CONSULT,") == 0);
    CHECK(e.find("ASSAULT)") != std::string::npos);
    CHECK_THROWS_AS(parse_relations(","), QueryError);
    CHECK(parse_status_option("all") == std::nullopt);
    CHECK(parse_status_option("negated") == Status::negated);
    CHECK_THROWS_AS(parse_status_option("facts"), QueryError);
    CHECK(parse_ranking("pagerank") == Ranking::pagerank);
    CHECK_THROWS_AS(parse_ranking("closeness"), QueryError);
    CHECK(parse_output_format("tsv") == OutputFormat::tsv);
    CHECK_THROWS_AS(parse_output_format("xml"), QueryError);
  }

  TEST_CASE("names fold case and accents") {
    CHECK(fold_name("Türkei") == "turkei");
    CHECK(fold_name("TURKEI") == "turkei");
    CHECK(fold_name("PJÖNGJANG") == "pjongjang");
    CHECK(fold_name(" Nordkorea ") == "nordkorea");
    CHECK(fold_name("Straße") == "strasse");
  }
}

TEST_SUITE("query centrality") {
  TEST_CASE("PageRank sums to 1 and spreads a dangling node's rank uniformly") {
    // A -> B, B acts on no one: rank(A) = 1 / (2 + d) solves the equations
    // r_A = (1-d)/2 + d r_B / 2 and r_A + r_B = 1.
    const KnowledgeGraph g = from_edges({{"AAA", Relation::THREATEN, "BBB", 1}});
    const auto pr = by_id(g, pagerank(g), {"AAA", "BBB"});
    CHECK(pr[0] == doctest::Approx(1 / 2.85).epsilon(1e-9));
    CHECK(pr[1] == doctest::Approx(1 - 1 / 2.85).epsilon(1e-9));

    const KnowledgeGraph w = world();
    const auto all = pagerank(w);
    CHECK(all.size() == 7);
    CHECK(std::accumulate(all.begin(), all.end(), 0.0) == doctest::Approx(1.0).epsilon(1e-12));
    for (double r : all) CHECK(r > 0);
  }

  TEST_CASE("PageRank follows weights; a symmetric relation counts both ways") {
    // A -> B three sentences, A -> C one: B gets three times C's share of A.
    const KnowledgeGraph g = from_edges(
        {{"AAA", Relation::THREATEN, "BBB", 3}, {"AAA", Relation::THREATEN, "CCC", 1}});
    const auto pr = by_id(g, pagerank(g), {"AAA", "BBB", "CCC"});
    const double base = pr[0];  // no one acts on A: it has only the uniform share
    CHECK(pr[1] - base == doctest::Approx(3 * (pr[2] - base)).epsilon(1e-9));
    // A CONSULT B is B CONSULT A too: both get the same rank.
    const KnowledgeGraph s = from_edges({{"AAA", Relation::CONSULT, "BBB", 1}});
    const auto sr = by_id(s, pagerank(s), {"AAA", "BBB"});
    CHECK(sr[0] == doctest::Approx(0.5));
    CHECK(sr[1] == doctest::Approx(0.5));
  }

  TEST_CASE("betweenness on a path and with weights as closeness") {
    const KnowledgeGraph p = from_edges({{"AAA", Relation::AID, "BBB", 1},
                                         {"BBB", Relation::AID, "CCC", 1},
                                         {"CCC", Relation::AID, "DDD", 1}});
    CHECK(by_id(p, betweenness(p), {"AAA", "BBB", "CCC", "DDD"}) ==
          std::vector<double>{0, 2, 2, 0});
    // A reaches D through B (1 sentence each: distance 2) or through C (4
    // sentences each: distance 0.5); only C lies on the shortest path.
    const KnowledgeGraph w = from_edges({{"AAA", Relation::AID, "BBB", 1},
                                         {"BBB", Relation::AID, "DDD", 1},
                                         {"AAA", Relation::AID, "CCC", 4},
                                         {"CCC", Relation::AID, "DDD", 4}});
    CHECK(by_id(w, betweenness(w), {"AAA", "BBB", "CCC", "DDD"}) ==
          std::vector<double>{0, 0, 1, 0});
  }
}

TEST_SUITE("query commands") {
  TEST_CASE("actors by degree, ties in id order, --top") {
    const KnowledgeGraph g = world();
    const Engine e(g, loader());
    const Table t = e.actors(Selection{}, Ranking::degree, 0);
    // Betweenness is the one costly measure; ranking by degree must not pay for it.
    CHECK(t.columns == Lines{"rank", "actor", "label", "type", "degree", "in", "out",
                             "pagerank"});
    CHECK(centrality(g, false).betweenness.empty());
    CHECK(e.actors(Selection{}, Ranking::betweenness, 0).columns.back() == "betweenness");
    Lines ids, degrees;
    for (const auto& row : t.rows) {
      ids.push_back(std::get<std::string>(row[1]));
      degrees.push_back(std::to_string(std::get<std::int64_t>(row[4])) + "=" +
                        std::to_string(std::get<std::int64_t>(row[5])) + "+" +
                        std::to_string(std::get<std::int64_t>(row[6])));
    }
    CHECK(ids == Lines{"RUS", "PRK", "USA", "UKR", "IRN", "EU", "TUR"});
    CHECK(degrees == Lines{"7=4+3", "6=4+2", "6=1+5", "5=4+1", "2=1+1", "1=0+1", "1=0+1"});
    CHECK(std::get<std::string>(t.rows[1][2]) == "North Korea");
    CHECK(std::get<std::string>(t.rows[5][3]) == "organisation");

    CHECK(e.actors(Selection{}, Ranking::degree, 2).rows.size() == 2);
    // Only the hypothetical edge: PRK and RUS, one sentence each.
    Selection hyp;
    hyp.status = Status::hypothetical;
    CHECK(lines(e.actors(hyp, Ranking::degree, 0)).size() == 2);
  }

  TEST_CASE("actors by PageRank and betweenness are ordered by that measure") {
    const KnowledgeGraph g = world();
    const Engine e(g, loader());
    for (Ranking by : {Ranking::pagerank, Ranking::betweenness}) {
      const Table t = e.actors(Selection{}, by, 0);
      const std::size_t col = by == Ranking::pagerank ? 7 : 8;
      double sum = 0;
      for (std::size_t i = 0; i < t.rows.size(); ++i) {
        sum += std::get<double>(t.rows[i][7]);
        if (i) CHECK(std::get<double>(t.rows[i - 1][col]) >= std::get<double>(t.rows[i][col]));
      }
      CHECK(sum == doctest::Approx(1.0));
    }
    // EU and TUR lie on no shortest path; RUS lies on most.
    const Table b = e.actors(Selection{}, Ranking::betweenness, 1);
    CHECK(std::get<std::string>(b.rows[0][1]) == "RUS");
  }

  TEST_CASE("relations: filters and strongest first, as the spreadsheet edge list") {
    const KnowledgeGraph g = world();
    const Engine e(g, loader());
    RelationQuery q;
    q.from = "USA";
    const Table t = e.relations(q);
    CHECK(t.columns == Lines{"source", "source_name", "target", "target_name", "relation",
                             "status", "quad", "weight", "documents", "first_seen",
                             "last_seen", "evidence_doc", "evidence_sentence", "evidence"});
    // SANCTION's evidence: d2 (2023-02-05) and the undated d4; the dated one shows.
    CHECK(lines(t) ==
          Lines{"USA|United States|PRK|North Korea|SANCTION|fact|material-conflict|2|2|2023-02-05|2023-02-05|d2|2|"
                "sentence 2",
                "USA|United States|PRK|North Korea|REQUEST|fact|verbal-conflict|1|1|2023-02-20|2023-02-20|d3|1|"
                "sentence 1",
                "USA|United States|PRK|North Korea|THREATEN|fact|verbal-conflict|1|1|2023-02-20|2023-02-20|d3|0|"
                "sentence 0",
                "USA|United States|UKR|Ukraine|AID|fact|material-cooperation|1|1|2023-01-10|2023-01-10|d1|2|"
                "sentence 2"});
    auto short_lines = [](const Table& table) {
      Lines out;
      for (const std::string& l : lines(table)) out.push_back(l.substr(0, l.find("|d")));
      return out;
    };

    q = {};
    q.selection.relations = {Relation::AID, Relation::ASSAULT};
    CHECK(short_lines(e.relations(q)) ==
          Lines{"RUS|Russia|UKR|Ukraine|ASSAULT|fact|material-conflict|2|1|2023-01-10|2023-01-10",
                "IRN|Iran|RUS|Russia|AID|fact|material-cooperation|1|1|2023-02-20|2023-02-20",
                "PRK|North Korea|RUS|Russia|AID|fact|material-cooperation|1|1|2023-02-05|2023-02-05",
                "USA|United States|UKR|Ukraine|AID|fact|material-cooperation|1|1|2023-01-10|2023-01-10"});
    // February only: the undated SANCTION sentence of d4 no longer counts.
    q = {};
    q.selection.since = "2023-02";
    q.selection.until = "2023-02";
    q.to = "Nordkorea";
    CHECK(short_lines(e.relations(q)) ==
          Lines{"USA|United States|PRK|North Korea|REQUEST|fact|verbal-conflict|1|1|2023-02-20|2023-02-20",
                "USA|United States|PRK|North Korea|THREATEN|fact|verbal-conflict|1|1|2023-02-20|2023-02-20",
                "USA|United States|PRK|North Korea|SANCTION|fact|material-conflict|1|1|2023-02-05|2023-02-05"});
    // Without a dated sentence: no dates, and the first sentence.
    q = {};
    q.selection.status = Status::hypothetical;
    CHECK(lines(e.relations(q)) ==
          Lines{"PRK|North Korea|RUS|Russia|AID|hypothetical|material-cooperation|1|1|||d4|1|sentence 1"});
    q = {};
    q.selection.min_weight = 2;
    q.top = 1;
    CHECK(short_lines(e.relations(q)) ==
          Lines{"USA|United States|PRK|North Korea|SANCTION|fact|material-conflict|2|2|2023-02-05|2023-02-05"});
    q = {};
    q.selection.since = "2023-13";
    CHECK_THROWS_AS(e.relations(q), QueryError);
    q = {};
    q.from = "Atlantis";
    CHECK_THROWS_AS(e.relations(q), QueryError);
    q = {};
    q.from = "TUR";
    q.to = "EU";
    const Table none = e.relations(q);
    CHECK(none.rows.empty());
    CHECK(none.notes == Lines{"no relations match"});
  }

  TEST_CASE("between: both directions, every status by default") {
    const KnowledgeGraph g = world();
    const Engine e(g, loader());
    CHECK(lines(e.between("USA", "PRK", all_statuses())) ==
          Lines{"USA|REQUEST|PRK|fact|1|1|2023-02-20|2023-02-20",
                "USA|THREATEN|PRK|fact|1|1|2023-02-20|2023-02-20",
                "USA|SANCTION|PRK|fact|2|2|2023-02-05|2023-02-05"});
    CHECK(
        lines(e.between("RUS", "PRK", all_statuses())) ==
        Lines{"PRK|AID|RUS|fact|1|1|2023-02-05|2023-02-05", "PRK|AID|RUS|hypothetical|1|1||"});
    CHECK(lines(e.between("UKR", "USA", all_statuses())) ==
          Lines{"UKR|REQUEST|USA|fact|1|1|2023-03-01|2023-03-01",
                "USA|AID|UKR|fact|1|1|2023-01-10|2023-01-10"});
    const Table none = e.between("EU", "TUR", all_statuses());
    CHECK(none.rows.empty());
    CHECK(none.notes == Lines{"no relations between EU and TUR"});
    CHECK(error_of([&] { e.between("PRK", "Nordkorea", all_statuses()); }) ==
          "'PRK' and 'Nordkorea' are the same actor (PRK)");
  }

  TEST_CASE("neighbors: breadth first in both directions, each edge once") {
    const KnowledgeGraph g = world();
    const Engine e(g, loader());
    const Table one = e.neighbors("IRN", 1, Selection{});
    CHECK(one.columns.front() == "depth");
    CHECK(lines(one) == Lines{"1|IRN|AID|RUS|fact|1|1|2023-02-20|2023-02-20",
                              "1|PRK|CONSULT|IRN|fact|1|1|2023-02-20|2023-02-20"});
    CHECK(lines(e.neighbors("IRN", 2, Selection{})) ==
          Lines{"1|IRN|AID|RUS|fact|1|1|2023-02-20|2023-02-20",
                "1|PRK|CONSULT|IRN|fact|1|1|2023-02-20|2023-02-20",
                "2|USA|SANCTION|PRK|fact|2|2|2023-02-05|2023-02-05",
                "2|RUS|ASSAULT|UKR|fact|2|1|2023-01-10|2023-01-10",
                "2|EU|SANCTION|RUS|fact|1|1|2023-03-01|2023-03-01",
                "2|PRK|AID|RUS|fact|1|1|2023-02-05|2023-02-05",
                "2|RUS|THREATEN|UKR|fact|1|1|2023-02-05|2023-02-05",
                "2|TUR|CONSULT|RUS|fact|1|1||",
                "2|USA|REQUEST|PRK|fact|1|1|2023-02-20|2023-02-20",
                "2|USA|THREATEN|PRK|fact|1|1|2023-02-20|2023-02-20"});
    CHECK(lines(e.neighbors("Türkei", 1, all_statuses())) ==
          Lines{"1|TUR|CONSULT|RUS|fact|1|1||"});
    CHECK_THROWS_AS(e.neighbors("IRN", 0, Selection{}), QueryError);
  }

  TEST_CASE("path: fewest hops along the direction, symmetric relations both ways") {
    const KnowledgeGraph g = world();
    const Engine e(g, loader());
    const Table t = e.path("UKR", "IRN", Selection{});
    CHECK(t.columns.front() == "hop");
    CHECK(lines(t) == Lines{"1|UKR|REQUEST|USA|fact|1|1|2023-03-01|2023-03-01",
                            "2|USA|SANCTION|PRK|fact|2|2|2023-02-05|2023-02-05",
                            "2|USA|REQUEST|PRK|fact|1|1|2023-02-20|2023-02-20",
                            "2|USA|THREATEN|PRK|fact|1|1|2023-02-20|2023-02-20",
                            "3|PRK|CONSULT|IRN|fact|1|1|2023-02-20|2023-02-20"});
    CHECK(t.notes.empty());
    // CONSULT is mutual: IRN reaches PRK in one hop against the edge's direction.
    CHECK(lines(e.path("IRN", "PRK", Selection{})) ==
          Lines{"1|PRK|CONSULT|IRN|fact|1|1|2023-02-20|2023-02-20"});
    CHECK(lines(e.path("TUR", "UKR", Selection{})) ==
          Lines{"1|TUR|CONSULT|RUS|fact|1|1||",
                "2|RUS|ASSAULT|UKR|fact|2|1|2023-01-10|2023-01-10",
                "2|RUS|THREATEN|UKR|fact|1|1|2023-02-05|2023-02-05"});
    // No one acts on EU: the chain is shown ignoring direction, with a note.
    const Table back = e.path("RUS", "EU", Selection{});
    CHECK(lines(back) == Lines{"1|EU|SANCTION|RUS|fact|1|1|2023-03-01|2023-03-01"});
    CHECK(back.notes == Lines{"no chain of relations leads from RUS to EU; shown: the shortest "
                              "chain ignoring the direction of relations"});
    // Restricted to the hypothetical edge, TUR is not in the graph at all.
    Selection hyp;
    hyp.status = Status::hypothetical;
    const Table none = e.path("PRK", "TUR", hyp);
    CHECK(none.rows.empty());
    CHECK(none.notes == Lines{"TUR has no relations that match"});
  }

  TEST_CASE("evidence: the sentences behind one relation") {
    const KnowledgeGraph g = world();
    const Engine e(g, loader());
    const Table t = e.evidence("USA", Relation::SANCTION, "PRK", all_statuses());
    CHECK(t.columns == Lines{"source", "relation", "target", "status", "doc", "sentence",
                             "date", "trigger", "attributed_to", "text"});
    // Dated first, the undated d4 last.
    CHECK(lines(t) == Lines{"USA|SANCTION|PRK|fact|d2|2|2023-02-05|trigger2||sentence 2",
                            "USA|SANCTION|PRK|fact|d4|0||trigger0||sentence 0"});
    // A symmetric relation is found from either side.
    CHECK(lines(e.evidence("IRN", Relation::CONSULT, "PRK", all_statuses())) ==
          Lines{"PRK|CONSULT|IRN|fact|d3|3|2023-02-20|trigger3||sentence 3"});
    CHECK(lines(e.evidence("PRK", Relation::AID, "RUS", all_statuses())) ==
          Lines{"PRK|AID|RUS|fact|d2|1|2023-02-05|trigger1||sentence 1",
                "PRK|AID|RUS|hypothetical|d4|1||trigger1||sentence 1"});
    const Table none = e.evidence("RUS", Relation::AID, "PRK", all_statuses());
    CHECK(none.rows.empty());
    CHECK(none.notes == Lines{"no AID relation from RUS to PRK in the graph"});
  }

  TEST_CASE("stats") {
    const KnowledgeGraph g = world();
    const Engine e(g, loader());
    CHECK(lines(e.stats()) ==
          Lines{"graph|level|state", "graph|documents|5", "graph|actors|7",
                "graph|relations|13", "graph|evidence|15", "graph|weak components|1",
                "graph|strong components|2", "relation|CONSULT|2", "relation|AID|4",
                "relation|REQUEST|2", "relation|THREATEN|2", "relation|SANCTION|2",
                "relation|ASSAULT|1", "quad|verbal-cooperation|2",
                "quad|material-cooperation|4", "quad|verbal-conflict|4",
                "quad|material-conflict|3", "status|fact|12", "status|hypothetical|1"});
  }
}

TEST_SUITE("query names") {
  TEST_CASE("codes, German and English names, aliases, capitals, accents") {
    const KnowledgeGraph g = world();
    const Engine e(g, loader());
    for (const char* name : {"PRK", "prk", "Nordkorea", "nordkorea", "NORDKOREA", "North Korea",
                             "north korea", "Pjöngjang", "PJÖNGJANG", "Pjongjang", "DPRK"})
      CHECK_MESSAGE(e.resolve(name) == "PRK", name);
    for (const char* name : {"Türkei", "Turkei", "TÜRKEI"})
      CHECK_MESSAGE(e.resolve(name) == "TUR", name);
    CHECK(e.resolve("Europäische Union") == "EU");
    CHECK(e.resolve("europaische union") == "EU");
    CHECK(e.resolve("Vereinigte Staaten") == "USA");
    CHECK(e.resolve("Wladimir Putin") == "RUS");  // a person, at state level its state
  }

  TEST_CASE("unknown actors: did you mean, or why not") {
    const KnowledgeGraph g = world();
    const Engine e(g, loader());
    const std::string typo = error_of([&] { e.resolve("Nordkoria"); });
    CHECK(typo.rfind("unknown actor 'Nordkoria'; did you mean: PRK (", 0) == 0);
    CHECK(typo.find('\n') == std::string::npos);
    CHECK(error_of([&] { e.resolve("Xyzzyqqq"); }) ==
          "unknown actor 'Xyzzyqqq': no actor in the graph has this code, name or alias");
    CHECK(error_of([&] { e.resolve("Frankreich"); }) ==
          "actor 'Frankreich' (FRA) has no relations in this graph");
    CHECK(error_of([&] { e.resolve("fra"); }) == "actor 'fra' has no relations in this graph");
    CHECK(error_of([&] { e.resolve("  "); }) == "an actor name is empty");
  }

  TEST_CASE("without a dictionary only the graph's ids and names resolve") {
    const KnowledgeGraph g = world();
    const Engine e(g);
    CHECK(e.resolve("nordkorea") == "PRK");
    CHECK(e.resolve("Turkei") == "TUR");
    CHECK(error_of([&] { e.resolve("Pjöngjang"); }).rfind("unknown actor 'Pjöngjang'", 0) == 0);
  }

  TEST_CASE("at actor level a person is its own node") {
    KnowledgeGraph g(Level::actor, dictionary_namer(dictionary()));
    g.add_document(doc("p1", "2023-09-13"),
                   {event(ActorRef{"putin", "Putin", "RUS", ActorType::person},
                          Relation::CONSULT, state("PRK"), 0)});
    const Engine e(g, loader());
    CHECK(e.resolve("Wladimir Putin") == "putin");
    CHECK(e.resolve("Russland") == "RUS");
    CHECK(lines(e.between("Putin", "Nordkorea", all_statuses())) ==
          Lines{"putin|CONSULT|PRK|fact|1|1|2023-09-13|2023-09-13"});
    const Table s = e.stats();
    CHECK(lines(s)[5] == "graph|affiliations|1");
  }
}

TEST_SUITE("query output") {
  Table sample() {
    Table t;
    t.command = "sample";
    t.columns = {"name", "n", "x"};
    t.rows = {{std::string("Ab"), Cell{std::int64_t{12}}, Cell{0.5}},
              {std::string("Ünïcode, \"quoted\"\tand\ttabs\nnew line\\"), Cell{std::int64_t{3}},
               Cell{}}};
    t.notes = {"a note"};
    return t;
  }

  TEST_CASE("aligned table: numbers right, text left, last column not padded") {
    Table t;
    t.columns = {"actor", "degree", "label"};
    t.rows = {{std::string("RUS"), Cell{std::int64_t{16}}, std::string("Russia")},
              {std::string("PRK"), Cell{std::int64_t{5}}, std::string("Nordkorea ü")}};
    CHECK(render(t, OutputFormat::table) ==
          "actor  degree  label\n"
          "-----  ------  -----------\n"
          "RUS        16  Russia\n"
          "PRK         5  Nordkorea ü\n");
  }

  TEST_CASE("CSV quotes as RFC 4180") {
    CHECK(render(sample(), OutputFormat::csv) ==
          "name,n,x\r\n"
          "Ab,12,0.5\r\n"
          "\"Ünïcode, \"\"quoted\"\"\tand\ttabs\nnew line\\\",3,\r\n");
  }

  TEST_CASE("CSV cells a spreadsheet would run as formulas start with a quote") {
    Table t;
    t.columns = {"id", "score"};
    t.rows = {{std::string("=HYPERLINK(\"http://x\")"), Cell{-1.5}},
              {std::string("@SUM(A1)"), Cell{std::int64_t{-3}}},
              {std::string("+cmd"), std::string("-2+3")},
              {std::string("\tx"), std::string("\rdel")}};
    CHECK(render(t, OutputFormat::csv) ==
          "id,score\r\n"
          "\"'=HYPERLINK(\"\"http://x\"\")\",-1.5\r\n"
          "'@SUM(A1),-3\r\n"
          "'+cmd,'-2+3\r\n"
          // Quoted as the exports quote: a tab or line break in a cell.
          "\"'\tx\",\"'\rdel\"\r\n");
  }

  TEST_CASE("TSV escapes tabs, line breaks and backslashes") {
    CHECK(render(sample(), OutputFormat::tsv) ==
          "name\tn\tx\n"
          "Ab\t12\t0.5\n"
          "Ünïcode, \"quoted\"\\tand\\ttabs\\nnew line\\\\\t3\t\n");
  }

  TEST_CASE("JSON is one document with typed values") {
    const std::string json = render(sample(), OutputFormat::json);
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_FALSE(d.HasParseError());
    CHECK(std::string(d["command"].GetString()) == "sample");
    CHECK(d["columns"].Size() == 3);
    CHECK(d["rows"].Size() == 2);
    CHECK(d["rows"][0]["n"].GetInt64() == 12);
    CHECK(d["rows"][0]["x"].GetDouble() == 0.5);
    CHECK(d["rows"][1]["x"].IsNull());
    CHECK(std::string(d["rows"][1]["name"].GetString()) ==
          "Ünïcode, \"quoted\"\tand\ttabs\nnew line\\");
    CHECK(std::string(d["notes"][0].GetString()) == "a note");
  }
}

namespace {

KnowledgeGraph dated(const std::vector<std::string>& dates) {
  KnowledgeGraph g(Level::state);
  for (std::size_t i = 0; i < dates.size(); ++i)
    g.add_document(doc(fmt::format("d{}", i), dates[i]),
                   {event(state("USA"), Relation::AID, state("UKR"), 0)});
  return g;
}

Lines timeline_lines(const KnowledgeGraph& g, Period by, const Selection& sel = {}) {
  TimelineQuery q;
  q.by = by;
  q.selection = sel;
  return lines(to_table(Engine(g).timeline(q)));
}

}  // namespace

TEST_SUITE("query timeline") {
  TEST_CASE("ISO weeks: a week belongs to the year of its Thursday; empty weeks are rows") {
    const KnowledgeGraph g = dated({"2020-12-31T10:00", "2021-01-04", "2021-01-18"});
    CHECK(timeline_lines(g, Period::week) ==
          Lines{"2020-W53|2020-12-28|1|1|1", "2021-W01|2021-01-04|1|1|1",
                "2021-W02|2021-01-11|0|0|0", "2021-W03|2021-01-18|1|1|1"});
    CHECK(timeline_lines(dated({"2024-12-30"}), Period::week) ==
          Lines{"2025-W01|2024-12-30|1|1|1"});
    CHECK(timeline_lines(dated({"2026-01-01"}), Period::week) ==
          Lines{"2026-W01|2025-12-29|1|1|1"});
  }

  TEST_CASE("--since and --until bound the periods, which then may be empty") {
    const KnowledgeGraph g = dated({"2024-02-29", "2024-02-01", "2023-12-31"});
    Selection sel;
    sel.since = "2023-11";
    sel.until = "2024-03";
    CHECK(timeline_lines(g, Period::month, sel) ==
          Lines{"2023-11|2023-11-01|0|0|0", "2023-12|2023-12-01|1|1|1",
                "2024-01|2024-01-01|0|0|0", "2024-02|2024-02-01|2|2|2",
                "2024-03|2024-03-01|0|0|0"});
    sel.since = "2022";
    sel.until = "2024-02-01";
    CHECK(timeline_lines(g, Period::year, sel) ==
          Lines{"2022|2022-01-01|0|0|0", "2023|2023-01-01|1|1|1", "2024|2024-01-01|1|1|1"});
  }

  TEST_CASE("a pair: each direction a row, quad classes as columns, undated in a note") {
    const KnowledgeGraph g = world();
    const Engine e(g, loader());
    TimelineQuery q;
    q.actors = {"Vereinigte Staaten", "PRK"};
    q.per = Series::quad;
    const Table t = to_table(e.timeline(q));
    CHECK(t.columns == std::vector<std::string>{"period", "start", "direction", "evidence",
                                                "documents", "verbal-cooperation",
                                                "material-cooperation", "verbal-conflict",
                                                "material-conflict"});
    CHECK(lines(t) == Lines{"2023-02|2023-02-01|USA->PRK|3|2|0|0|2|1",
                            "2023-02|2023-02-01|PRK->USA|0|0|0|0|0|0"});
    CHECK(t.notes == std::vector<std::string>{
                         "1 evidence sentence from 1 document has no date and is not counted"});
  }

  TEST_CASE("one actor: what it does and what is done to it") {
    const KnowledgeGraph g = world();
    const Engine e(g, loader());
    TimelineQuery q;
    q.actors = {"UKR"};
    q.by = Period::year;
    const Timeline t = e.timeline(q);
    CHECK(t.directions == std::vector<std::string>{"UKR->any", "any->UKR"});
    CHECK(t.series == std::vector<std::string>{"AID", "REQUEST", "THREATEN", "ASSAULT"});
    CHECK(lines(to_table(t)) ==
          Lines{"2023|2023-01-01|UKR->any|1|1|0|1|0|0", "2023|2023-01-01|any->UKR|4|2|1|0|1|2"});
    CHECK(t.notes.empty());
  }

  TEST_CASE("bad periods, series and actors are named") {
    const KnowledgeGraph g = world();
    const Engine e(g, loader());
    CHECK(error_of([] { parse_period("day"); }) ==
          "unknown period 'day' (expected week, month or year)");
    CHECK(error_of([] { parse_series("type"); }) ==
          "unknown series 'type' (expected relation or quad)");
    TimelineQuery q;
    q.actors = {"USA", "usa"};
    CHECK(error_of([&] { e.timeline(q); }) == "'USA' and 'usa' are the same actor (USA)");
    q.actors = {"USA", "RUS", "PRK"};
    CHECK(error_of([&] { e.timeline(q); }) == "timeline takes at most two actors");
  }
}
