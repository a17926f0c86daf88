#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "fixtures.hpp"
#include "geokg/error.hpp"

using namespace geokg;
using namespace geokg::testing;

namespace {

const RelationEdge* edge(const KnowledgeGraph& kg, const std::string& s, Relation r,
                         const std::string& t, Status st = Status::fact,
                         EdgeKind kind = EdgeKind::event) {
  const Graph& g = kg.graph();
  for (Edge e : kg.sorted_edges()) {
    const RelationEdge& p = g[e];
    if (g[boost::source(e, g)].id == s && g[boost::target(e, g)].id == t && p.kind == kind &&
        (kind == EdgeKind::affiliation || (p.relation == r && p.status == st)))
      return &p;
  }
  return nullptr;
}

const RelationEdge* affiliation(const KnowledgeGraph& kg, const std::string& s,
                                const std::string& t) {
  return edge(kg, s, Relation::AGREE, t, Status::fact, EdgeKind::affiliation);
}

std::vector<std::string> node_ids(const KnowledgeGraph& kg) {
  std::vector<std::string> out;
  for (Vertex v : kg.sorted_nodes()) out.push_back(kg.graph()[v].id);
  return out;
}

std::vector<std::string> edge_keys(const KnowledgeGraph& kg) {
  std::vector<std::string> out;
  const Graph& g = kg.graph();
  for (Edge e : kg.sorted_edges()) {
    const RelationEdge& p = g[e];
    out.push_back(g[boost::source(e, g)].id + " " +
                  (p.kind == EdgeKind::affiliation ? std::string("affiliation")
                                                   : std::string(to_string(p.relation)) + "/" +
                                                         std::string(to_string(p.status))) +
                  " " + g[boost::target(e, g)].id);
  }
  return out;
}

std::string graph_error(const std::string& json, const std::string& where = "g.json") {
  std::istringstream in(json);
  try {
    read_json(in, where);
  } catch (const GraphError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("content_hash is FNV-1a 64 as sixteen hex digits") {
  CHECK(content_hash("") == "cbf29ce484222325");
  CHECK(content_hash("a") == "af63dc4c8601ec8c");
  CHECK(content_hash("Russland greift an") != content_hash("Russland greift an."));
}

TEST_CASE("levels parse and print") {
  CHECK(to_string(Level::state) == "state");
  CHECK(to_string(Level::actor) == "actor");
  CHECK(parse_level("actor") == Level::actor);
  CHECK(parse_level("state") == Level::state);
  CHECK_THROWS_WITH_AS(parse_level("country"),
                       "unknown graph level 'country' (expected state or actor)", GraphError);
}

TEST_CASE("default_node folds actors into their code at state level") {
  ActorNode n = default_node(person("putin", "RUS"), Level::state);
  CHECK(n.id == "RUS");
  CHECK(n.code == "RUS");
  CHECK(n.label == "RUS");
  CHECK(n.type == ActorType::state);
  ActorNode org = default_node(ActorRef{"UN", "Vereinte Nationen", "UN", ActorType::organisation},
                               Level::state);
  CHECK(org.type == ActorType::organisation);
  ActorNode a = default_node(person("putin", "RUS"), Level::actor);
  CHECK(a.id == "putin");
  CHECK(a.code == "RUS");
  CHECK(a.type == ActorType::person);
}

TEST_CASE("weights count distinct sentences, documents distinct articles, dates span") {
  KnowledgeGraph kg = build(corpus());
  CHECK(node_ids(kg) == std::vector<std::string>{"PRK", "RUS", "UKR", "USA"});
  CHECK(edge_keys(kg) == std::vector<std::string>{
                             "PRK AID/hypothetical RUS", "RUS CONSULT/fact PRK",
                             "RUS THREATEN/fact UKR", "RUS ASSAULT/fact UKR",
                             "UKR REQUEST/fact USA", "USA SANCTION/fact PRK",
                             "USA AID/fact UKR"});
  const RelationEdge* assault = edge(kg, "RUS", Relation::ASSAULT, "UKR");
  REQUIRE(assault);
  CHECK(assault->weight == 3);
  CHECK(assault->documents == 2);
  CHECK(assault->first_seen == "2023-01-05");
  CHECK(assault->last_seen == "2023-02-10");
  REQUIRE(assault->evidence.size() == 3);
  CHECK(assault->evidence[0].doc == "a1");
  CHECK(assault->evidence[0].sentence == 0);
  CHECK(assault->evidence[0].date == "2023-01-05");
  CHECK(assault->evidence[0].text == "sentence 0");
  CHECK(assault->evidence[0].trigger == "trigger");
  CHECK(assault->evidence[1].sentence == 2);
  CHECK(assault->evidence[2].doc == "a2");

  // An undated article counts for weight and documents but not for the dates.
  const RelationEdge* sanction = edge(kg, "USA", Relation::SANCTION, "PRK");
  REQUIRE(sanction);
  CHECK(sanction->weight == 2);
  CHECK(sanction->documents == 2);
  CHECK(sanction->first_seen == "2023-03-15");
  CHECK(sanction->last_seen == "2023-03-15");

  CHECK(edge(kg, "PRK", Relation::AID, "RUS", Status::hypothetical)->weight == 1);
  CHECK(kg.graph()[boost::graph_bundle].documents.size() == 5);
  CHECK(kg.graph()[boost::graph_bundle].documents.at("a4").hash == content_hash("text of a4"));
}

TEST_CASE("two events in one sentence are one piece of evidence") {
  KnowledgeGraph kg;
  kg.add_document(doc("d", "2024-05-01"),
                  {event(state("ISR"), Relation::ASSAULT, state("LBN"), 7, "S", Status::fact, "b"),
                   event(state("ISR"), Relation::ASSAULT, state("LBN"), 7, "S", Status::fact, "a")});
  const RelationEdge* e = edge(kg, "ISR", Relation::ASSAULT, "LBN");
  REQUIRE(e);
  CHECK(e->weight == 1);
  REQUIRE(e->evidence.size() == 1);
  // The smaller record survives, whatever the order the events came in.
  CHECK(e->evidence[0].trigger == "a");
}

TEST_CASE("evidence added in any order is sorted and counted whenever the graph is looked at") {
  // Evidence is sorted into the edges only when the graph is read, copied or
  // merged; every way of looking must see the same graph.
  std::vector<Article> many;
  for (int i = 0; i < 300; ++i) {
    // Appended in place: GCC 12 warns a false -Wrestrict on "d" + string.
    std::string id = "d";
    id += std::to_string(1000 - i);
    many.push_back({doc(id, i % 2 ? "2023-01-01" : "2023-02-01"),
                    {event(state("RUS"), Relation::ASSAULT, state("UKR"), 1),
                     event(state("RUS"), Relation::ASSAULT, state("UKR"), 0)}});
  }
  std::vector<Article> sorted = many;
  std::reverse(sorted.begin(), sorted.end());
  const std::string expected = json_of(build(sorted));

  KnowledgeGraph kg;
  std::vector<KnowledgeGraph> copies;
  for (std::size_t i = 0; i < many.size(); ++i) {
    kg.add_document(many[i].document, many[i].events);
    if (i == 100) copies.push_back(kg);                     // copied with evidence pending
    if (i == 200) CHECK(boost::num_edges(kg.graph()) == 1);  // looked at midway
  }
  KnowledgeGraph moved = std::move(copies.front());
  for (std::size_t i = 101; i < many.size(); ++i)
    moved.add_document(many[i].document, many[i].events);
  CHECK(json_of(kg) == expected);
  CHECK(json_of(moved) == expected);
  const RelationEdge* e = edge(kg, "RUS", Relation::ASSAULT, "UKR");
  REQUIRE(e);
  CHECK(e->weight == 600);
  CHECK(e->documents == 300);
  CHECK(e->first_seen == "2023-01-01");
  CHECK(e->last_seen == "2023-02-01");
  CHECK(std::is_sorted(e->evidence.begin(), e->evidence.end()));
}

TEST_CASE("events within one code make no edge at state level") {
  KnowledgeGraph kg;
  CHECK(kg.add_document(doc("d", "2024-01-01"),
                        {event(person("putin", "RUS"), Relation::CONSULT, state("RUS"), 0),
                         event(state("RUS"), Relation::SUPPORT, state("RUS"), 1)}) ==
        KnowledgeGraph::Added::added);
  CHECK(boost::num_edges(kg.graph()) == 0);
  CHECK(boost::num_vertices(kg.graph()) == 0);
  CHECK(kg.graph()[boost::graph_bundle].documents.count("d") == 1);
}

TEST_CASE("an event without a code is refused before anything is added") {
  KnowledgeGraph kg;
  Document d = doc("d", "2024-01-01");
  d.origin = "in.jsonl:3";
  ActorRef nobody{"x", "x", "", ActorType::state};
  CHECK_THROWS_WITH_AS(
      kg.add_document(d, {event(state("RUS"), Relation::ASSAULT, state("UKR"), 0),
                          event(nobody, Relation::ACCUSE, state("UKR"), 4)}),
      "document in.jsonl:3, sentence 4: ACCUSE event with an empty actor code", GraphError);
  CHECK(boost::num_edges(kg.graph()) == 0);
  CHECK(kg.graph()[boost::graph_bundle].documents.empty());
}

TEST_CASE("the same article again changes nothing") {
  KnowledgeGraph kg = build(corpus());
  const std::string before = json_of(kg);
  for (const Article& a : corpus())
    CHECK(kg.add_document(a.document, a.events) == KnowledgeGraph::Added::duplicate);
  CHECK(json_of(kg) == before);
  CHECK(edge(kg, "RUS", Relation::ASSAULT, "UKR")->weight == 3);
}

TEST_CASE("of two copies the same one is kept, whichever comes first") {
  // Two texts under one id: the smaller hash wins.  One text under two ids:
  // the smaller id wins.  The loser is remembered as dropped either way.
  const std::string accuse = "Frankreich kritisierte Deutschland.";
  const std::string support = "Frankreich unterstützt Deutschland.";
  const bool accuse_wins = content_hash(accuse) < content_hash(support);
  Article a{doc("d1", "2023-05-05", accuse), {event(state("FRA"), Relation::ACCUSE, state("DEU"), 0)}};
  Article b{doc("d1", "2023-05-06", support), {event(state("FRA"), Relation::SUPPORT, state("DEU"), 0)}};
  Article copy{doc("z-copy", "2023-05-07", accuse), {event(state("FRA"), Relation::ACCUSE, state("DEU"), 3)}};
  Article other = corpus()[0];
  const std::string expected = json_of(build({other, accuse_wins ? a : b}));

  const std::vector<std::vector<Article>> orders = {
      {a, b, other, copy}, {b, a, copy, other}, {copy, other, b, a}, {other, copy, a, b}};
  std::vector<std::string> results;
  for (const auto& order : orders) {
    KnowledgeGraph kg = build(order);
    results.push_back(json_of(kg));
    const GraphInfo& info = kg.graph()[boost::graph_bundle];
    CHECK(info.documents.at("d1").hash == content_hash(accuse_wins ? accuse : support));
    CHECK(info.dropped.count({"d1", content_hash(accuse_wins ? support : accuse)}) == 1);
    CHECK(info.dropped.count({"z-copy", content_hash(accuse)}) == 1);
    CHECK(kg.beaten_by({"z-copy", content_hash(accuse)}) ==
          DocumentRecord{"d1", content_hash(accuse)});
    CHECK_FALSE(kg.beaten_by({"d1", info.documents.at("d1").hash}));
  }
  for (const std::string& r : results) CHECK(r == results.front());
  // Beyond the dropped list, the graph is the one built from the winners.
  KnowledgeGraph winners = build({other, accuse_wins ? a : b});
  winners.graph()[boost::graph_bundle].dropped = build(orders[0]).graph()[boost::graph_bundle].dropped;
  CHECK(json_of(winners) == results.front());
  CHECK(expected != results.front());  // the dropped list is written
  SUBCASE("add_document says what became of the document") {
    KnowledgeGraph kg;
    CHECK(kg.add_document(copy.document, copy.events) == KnowledgeGraph::Added::added);
    CHECK(kg.add_document(a.document, a.events) == KnowledgeGraph::Added::added);
    CHECK(kg.add_document(copy.document, copy.events) == KnowledgeGraph::Added::duplicate);
    CHECK(kg.add_document(doc("zz", "", accuse), {}) == KnowledgeGraph::Added::dropped);
  }
}

TEST_CASE("a chain of copies merges the same in any grouping") {
  // a:T2 and b:T2 share a text; a:T1 shares the id a and has the smaller
  // hash.  a:T1 beats a:T2, and a:T2 still beats b:T2: keeping b:T2 once
  // a:T2 is gone would make (x + y) + z differ from x + (y + z).
  std::string t1 = "Frankreich kritisierte Deutschland.", t2 = "Frankreich unterstützt Deutschland.";
  if (content_hash(t2) < content_hash(t1)) std::swap(t1, t2);
  KnowledgeGraph x = build({{doc("a", "2023-01-01", t2), {event(state("FRA"), Relation::SUPPORT, state("DEU"), 0)}}});
  KnowledgeGraph y = build({{doc("b", "2023-01-02", t2), {event(state("FRA"), Relation::SUPPORT, state("DEU"), 0)}}});
  KnowledgeGraph z = build({{doc("a", "2023-01-03", t1), {event(state("FRA"), Relation::ACCUSE, state("DEU"), 0)}}});
  KnowledgeGraph xy = x, yz = y, xz = x;
  xy.merge(y);
  yz.merge(z);
  xz.merge(z);
  KnowledgeGraph left = xy, right = x, other = yz;
  left.merge(z);
  right.merge(yz);
  other.merge(x);
  xz.merge(y);
  CHECK(json_of(left) == json_of(right));
  CHECK(json_of(left) == json_of(other));
  CHECK(json_of(left) == json_of(xz));
  CHECK(left.graph()[boost::graph_bundle].documents.size() == 1);
  CHECK(left.graph()[boost::graph_bundle].dropped.size() == 2);
  CHECK(node_ids(left) == std::vector<std::string>{"DEU", "FRA"});
  CHECK(edge_keys(left) == std::vector<std::string>{"FRA ACCUSE/fact DEU"});
  // The dropped list survives the JSON round trip, so files merge alike.
  std::istringstream in(json_of(xy));
  KnowledgeGraph xy_read = read_json(in, "xy.json");
  xy_read.merge(z);
  CHECK(json_of(xy_read) == json_of(left));
}

TEST_CASE("the document hash index survives a graph read from JSON") {
  std::istringstream in(json_of(build(corpus())));
  KnowledgeGraph kg = read_json(in, "mem");
  CHECK(kg.add_document(doc("renamed", "2023-01-01", "text of a3"), {}) ==
        KnowledgeGraph::Added::dropped);
  CHECK(kg.add_document(doc("a3", "2023-01-01", "text of a3"), {}) ==
        KnowledgeGraph::Added::duplicate);
  CHECK(kg.add_document(doc("new", "2023-01-01", "new text"), {}) ==
        KnowledgeGraph::Added::added);
}

TEST_CASE("actor level keeps persons apart and links them to their state") {
  std::vector<Article> articles = {
      {doc("p1", "2023-09-13"),
       {event(person("putin", "RUS"), Relation::CONSULT, person("kim", "PRK"), 0),
        event(person("kim", "PRK"), Relation::AID, state("RUS"), 1),
        event(ActorRef{"UN", "UN", "UN", ActorType::organisation}, Relation::ACCUSE,
              state("PRK"), 2)}},
      {doc("p2", "2023-09-14"),
       {event(person("putin", "RUS"), Relation::CONSULT, person("kim", "PRK"), 3)}},
  };
  KnowledgeGraph actors = build(articles, Level::actor);
  CHECK(actors.level() == Level::actor);
  CHECK(node_ids(actors) == std::vector<std::string>{"PRK", "RUS", "UN", "kim", "putin"});
  CHECK(edge_keys(actors) == std::vector<std::string>{"UN ACCUSE/fact PRK",
                                                      "kim affiliation PRK",
                                                      "kim AID/fact RUS",
                                                      "putin affiliation RUS",
                                                      "putin CONSULT/fact kim"});
  const RelationEdge* consult = edge(actors, "putin", Relation::CONSULT, "kim");
  REQUIRE(consult);
  CHECK(consult->weight == 2);
  CHECK(consult->documents == 2);
  const RelationEdge* aff = affiliation(actors, "putin", "RUS");
  REQUIRE(aff);
  CHECK(aff->weight == 1);
  CHECK(aff->evidence.empty());
  const Graph& g = actors.graph();
  CHECK(g[*actors.find("putin")].type == ActorType::person);
  CHECK(g[*actors.find("putin")].code == "RUS");
  CHECK(g[*actors.find("RUS")].type == ActorType::state);
  CHECK(g[*actors.find("UN")].type == ActorType::organisation);

  KnowledgeGraph states = build(articles, Level::state);
  CHECK(node_ids(states) == std::vector<std::string>{"PRK", "RUS", "UN"});
  CHECK(edge_keys(states) == std::vector<std::string>{"PRK AID/fact RUS", "RUS CONSULT/fact PRK",
                                                      "UN ACCUSE/fact PRK"});
  CHECK(edge(states, "RUS", Relation::CONSULT, "PRK")->weight == 2);
}

TEST_CASE("a namer supplies names, and every mention of a node agrees") {
  NodeNamer namer = [](const ActorRef& ref, Level level) {
    ActorNode n = default_node(ref, level);
    if (n.id == "RUS") n.name_en = n.label = "Russia", n.name_de = "Russland";
    return n;
  };
  KnowledgeGraph kg(Level::state, namer);
  kg.add_document(doc("d", "2023-01-01"),
                  {event(ActorRef{"moskau", "Moskau", "RUS", ActorType::state}, Relation::ASSAULT,
                         state("UKR"), 0)});
  const ActorNode& rus = kg.graph()[*kg.find("RUS")];
  CHECK(rus.label == "Russia");
  CHECK(rus.name_de == "Russland");
  CHECK(kg.graph()[*kg.find("UKR")].label == "UKR");
}

TEST_CASE("add_node combines attributes the same way in any order") {
  ActorNode bare{"RUS", "RUS", "", "", "RUS", ActorType::state};
  ActorNode named{"RUS", "Russia", "Russland", "Russia", "RUS", ActorType::state};
  KnowledgeGraph a, b;
  a.add_node(bare);
  a.add_node(named);
  b.add_node(named);
  b.add_node(bare);
  CHECK(json_of(a) == json_of(b));
  CHECK(a.graph()[*a.find("RUS")].label == "Russia");
  CHECK_THROWS_AS(a.add_node(ActorNode{}), GraphError);
}

TEST_CASE("filters: status, weight, relations, dates") {
  KnowledgeGraph kg = build(corpus());
  EdgeFilter f;

  SUBCASE("facts only by default") {
    KnowledgeGraph out = filtered(kg, f);
    CHECK(edge_keys(out).size() == 6);
    CHECK_FALSE(edge(out, "PRK", Relation::AID, "RUS", Status::hypothetical));
    f.facts_only = false;
    CHECK(edge_keys(filtered(kg, f)).size() == 7);
  }
  SUBCASE("minimum weight drops edges and the nodes left without one") {
    f.min_weight = 2;
    KnowledgeGraph out = filtered(kg, f);
    CHECK(edge_keys(out) == std::vector<std::string>{"RUS ASSAULT/fact UKR",
                                                     "USA SANCTION/fact PRK",
                                                     "USA AID/fact UKR"});
    CHECK(node_ids(out) == std::vector<std::string>{"PRK", "RUS", "UKR", "USA"});
    f.min_weight = 3;
    CHECK(node_ids(filtered(kg, f)) == std::vector<std::string>{"RUS", "UKR"});
  }
  SUBCASE("relations") {
    f.relations = {Relation::AID, Relation::REQUEST};
    CHECK(edge_keys(filtered(kg, f)) ==
          std::vector<std::string>{"UKR REQUEST/fact USA", "USA AID/fact UKR"});
  }
  SUBCASE("a date range recounts from the evidence inside it") {
    f.since = "2023-02";
    f.until = "2023-03-15";
    KnowledgeGraph out = filtered(kg, f);
    CHECK(edge_keys(out) == std::vector<std::string>{"RUS CONSULT/fact PRK",
                                                     "RUS THREATEN/fact UKR",
                                                     "RUS ASSAULT/fact UKR",
                                                     "USA SANCTION/fact PRK"});
    const RelationEdge* assault = edge(out, "RUS", Relation::ASSAULT, "UKR");
    CHECK(assault->weight == 1);
    CHECK(assault->documents == 1);
    CHECK(assault->first_seen == "2023-02-10");
    CHECK(assault->last_seen == "2023-02-10");
    // The undated sentence of a4 cannot be shown to fall in the range.
    CHECK(edge(out, "USA", Relation::SANCTION, "PRK")->weight == 1);
    CHECK(f.keep(*edge(kg, "RUS", Relation::ASSAULT, "UKR")));
    CHECK_FALSE(f.keep(*edge(kg, "UKR", Relation::REQUEST, "USA")));
  }
  SUBCASE("a month bound includes the whole month") {
    f.until = "2023-01";
    CHECK(edge_keys(filtered(kg, f)) ==
          std::vector<std::string>{"RUS ASSAULT/fact UKR", "USA AID/fact UKR"});
    f.until.clear();
    f.since = "2023-03-20";
    CHECK(edge_keys(filtered(kg, f)) ==
          std::vector<std::string>{"UKR REQUEST/fact USA", "USA AID/fact UKR"});
  }
  SUBCASE("weight is tested after the date recount") {
    f.since = "2023-02-01";
    f.min_weight = 2;
    CHECK(edge_keys(filtered(kg, f)).empty());
  }
  SUBCASE("documents survive filtering") {
    f.min_weight = 100;
    KnowledgeGraph out = filtered(kg, f);
    CHECK(boost::num_vertices(out.graph()) == 0);
    CHECK(out.graph()[boost::graph_bundle].documents.size() == 5);
    CHECK(out.add_document(corpus()[0].document, corpus()[0].events) ==
          KnowledgeGraph::Added::duplicate);
  }
}

TEST_CASE("filters keep the affiliation edges of the actors they keep") {
  KnowledgeGraph kg(Level::actor);
  kg.add_document(doc("d", "2023-01-01"),
                  {event(person("putin", "RUS"), Relation::THREATEN, state("UKR"), 0),
                   event(person("kim", "PRK"), Relation::CONSULT, person("putin", "RUS"), 1,
                         "", Status::negated)});
  KnowledgeGraph out = filtered(kg, EdgeFilter{});
  CHECK(edge_keys(out) == std::vector<std::string>{"putin affiliation RUS",
                                                   "putin THREATEN/fact UKR"});
  CHECK(node_ids(out) == std::vector<std::string>{"RUS", "UKR", "putin"});
}

TEST_CASE("merge is commutative and associative, halves equal the whole") {
  std::vector<Article> all = corpus();
  const std::string whole = json_of(build(all));

  KnowledgeGraph a = build({all[0], all[1]});
  KnowledgeGraph b = build({all[2], all[3]});
  KnowledgeGraph c = build({all[4], all[1]});  // a2 in two shards

  auto merged = [](std::vector<const KnowledgeGraph*> parts) {
    KnowledgeGraph out;
    for (const KnowledgeGraph* p : parts) out.merge(*p);
    return json_of(out);
  };
  CHECK(merged({&a, &b, &c}) == whole);
  CHECK(merged({&c, &b, &a}) == whole);
  CHECK(merged({&b, &a, &c}) == whole);

  KnowledgeGraph bc = b;
  bc.merge(c);
  KnowledgeGraph a_bc = a;
  a_bc.merge(bc);
  CHECK(json_of(a_bc) == whole);

  SUBCASE("incrementally adding the second half") {
    KnowledgeGraph inc = build({all[0], all[1]});
    for (std::size_t i = 2; i < all.size(); ++i) inc.add_document(all[i].document, all[i].events);
    CHECK(json_of(inc) == whole);
  }
  SUBCASE("merging a graph into itself or twice changes nothing") {
    KnowledgeGraph twice = build(all);
    twice.merge(twice);
    twice.merge(build(all));
    CHECK(json_of(twice) == whole);
  }
}

TEST_CASE("merge picks the same copy of a re-published article in any order") {
  // The same text under two ids, with events that differ (another run of the
  // extractor): whichever order, the article under the smaller id wins.
  Article first{doc("b-copy", "2023-06-01", "shared text"),
                {event(state("FRA"), Relation::AID, state("UKR"), 0)}};
  Article second{doc("a-orig", "2023-06-01", "shared text"),
                 {event(state("DEU"), Relation::AID, state("UKR"), 0)}};
  Article other{doc("c", "2023-06-02"), {event(state("FRA"), Relation::AID, state("UKR"), 5)}};
  KnowledgeGraph x = build({first, other});
  KnowledgeGraph y = build({second});
  KnowledgeGraph xy = x, yx = y;
  xy.merge(y);
  yx.merge(x);
  CHECK(json_of(xy) == json_of(yx));
  CHECK(edge_keys(xy) == std::vector<std::string>{"DEU AID/fact UKR", "FRA AID/fact UKR"});
  CHECK(edge(xy, "FRA", Relation::AID, "UKR")->weight == 1);
  CHECK(xy.graph()[boost::graph_bundle].documents.count("a-orig") == 1);
  CHECK(xy.graph()[boost::graph_bundle].documents.count("b-copy") == 0);

  // The dropped copy took its only node with it.
  KnowledgeGraph lone = build({first});
  lone.merge(y);
  CHECK(node_ids(lone) == std::vector<std::string>{"DEU", "UKR"});
}

TEST_CASE("merging graphs of different levels is refused") {
  KnowledgeGraph s(Level::state), a(Level::actor);
  CHECK_THROWS_WITH_AS(s.merge(a), "cannot merge a graph at level actor into one at level state",
                       GraphError);
}

TEST_CASE("actor-level merge keeps affiliation edges") {
  Article p{doc("p", "2023-01-01"),
            {event(person("putin", "RUS"), Relation::THREATEN, state("UKR"), 0)}};
  Article q{doc("q", "2023-01-02"),
            {event(person("selenskyj", "UKR"), Relation::REQUEST, state("USA"), 0)}};
  KnowledgeGraph whole = build({p, q}, Level::actor);
  KnowledgeGraph m = build({q}, Level::actor);
  m.merge(build({p}, Level::actor));
  CHECK(json_of(m) == json_of(whole));
  CHECK(affiliation(m, "putin", "RUS"));
  CHECK(affiliation(m, "selenskyj", "UKR"));
}

TEST_CASE("JSON round trip is byte-identical") {
  for (Level level : {Level::state, Level::actor}) {
    std::vector<Article> articles = corpus();
    articles.push_back({doc("x", "2023-04-01"),
                        {event(person("putin", "RUS"), Relation::CONSULT, person("kim", "PRK"), 0,
                               "Putin traf \"Kim\" in Wladiwostok.\n\tZweite Zeile \\ Ende",
                               Status::negated, "traf")}});
    const std::string first = json_of(build(articles, level));
    std::istringstream in(first);
    KnowledgeGraph back = read_json(in, "mem.json");
    CHECK(back.level() == level);
    CHECK(json_of(back) == first);
  }
}

TEST_CASE("JSON carries every field") {
  KnowledgeGraph kg;
  Event e = event(state("USA"), Relation::SANCTION, state("PRK"), 4, "Die USA verhängen Sanktionen.",
                  Status::fact, "verhängen Sanktionen");
  e.attributed_to = "Sullivan";
  kg.add_document(doc("n1", "2023-03-01T10:00:00Z", "T"), {e});
  const std::string json = json_of(kg);
  CHECK(json == R"({
  "format": "geokg-graph",
  "version": 1,
  "level": "state",
  "documents": {
    "n1": {
      "hash": "af64094c86023903",
      "date": "2023-03-01T10:00:00Z"
    }
  },
  "nodes": [
    {
      "id": "PRK",
      "label": "PRK",
      "name_de": "",
      "name_en": "",
      "code": "PRK",
      "type": "state"
    },
    {
      "id": "USA",
      "label": "USA",
      "name_de": "",
      "name_en": "",
      "code": "USA",
      "type": "state"
    }
  ],
  "edges": [
    {
      "source": "USA",
      "target": "PRK",
      "kind": "event",
      "relation": "SANCTION",
      "status": "fact",
      "quad": "material-conflict",
      "weight": 1,
      "documents": 1,
      "first_seen": "2023-03-01T10:00:00Z",
      "last_seen": "2023-03-01T10:00:00Z",
      "evidence": [
        {
          "doc": "n1",
          "sentence": 4,
          "date": "2023-03-01T10:00:00Z",
          "text": "Die USA verhängen Sanktionen.",
          "trigger": "verhängen Sanktionen",
          "attributed_to": "Sullivan"
        }
      ]
    }
  ]
}
)");
}

TEST_CASE("read_json names the file and the problem") {
  const std::string good = json_of(build(corpus()));
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string s = good;
    auto pos = s.find(from);
    REQUIRE(pos != std::string::npos);
    return s.replace(pos, from.size(), to);
  };

  CHECK(graph_error("{\"format\": \"geokg-graph\",\n  \"version\": 1 \"level\": 2}") ==
        "g.json: invalid JSON at line 2, column 16, offset 41: Missing a comma or '}' after an "
        "object member.");
  CHECK(graph_error(good.substr(0, good.size() / 2)).rfind("g.json: invalid JSON at line ", 0) ==
        0);
  CHECK(graph_error("") ==
        "g.json: invalid JSON at line 1, column 1, offset 0: The document is empty.");
  CHECK(graph_error("[1, 2]") ==
        "g.json: not a geokg graph (expected a JSON object with \"format\": \"geokg-graph\")");
  CHECK(graph_error(R"({"id": "a1", "text": "Russland greift an"})") ==
        "g.json: not a geokg graph (expected a JSON object with \"format\": \"geokg-graph\")");
  CHECK(graph_error(replaced("\"version\": 1", "\"version\": 7")) ==
        "g.json: graph format version 7 is not supported (this geokg reads 1 and 2)");
  CHECK(graph_error(replaced("\"level\": \"state\"", "\"level\": \"planet\"")) ==
        "g.json: level: unknown graph level 'planet' (expected state or actor)");
  CHECK(graph_error(replaced("\"relation\": \"AID\"", "\"relation\": \"HUG\"")) ==
        "g.json: edges[0]: unknown relation \"HUG\"");
  CHECK(graph_error(replaced("\"status\": \"hypothetical\"", "\"status\": \"maybe\"")) ==
        "g.json: edges[0]: unknown status \"maybe\" (expected fact, hypothetical or negated)");
  CHECK(graph_error(replaced("\"target\": \"RUS\"", "\"target\": \"XXX\"")) ==
        "g.json: edges[0]: target \"XXX\" is not a node of the graph");
  CHECK(graph_error(replaced("\"weight\": 1", "\"weight\": \"1\"")) ==
        "g.json: edges[0]: field \"weight\" must be a non-negative integer");
  CHECK(graph_error(replaced("\"weight\": 1", "\"weight\": -1")) ==
        "g.json: edges[0]: field \"weight\" must be a non-negative integer");
  CHECK(graph_error(replaced("\"label\": \"PRK\",", "")) ==
        "g.json: nodes[0]: missing field \"label\"");
  CHECK(graph_error(replaced("\"type\": \"state\"", "\"type\": \"planet\"")) ==
        "g.json: nodes[0]: unknown actor type 'planet' (expected state, organisation, group or "
        "person)");
  CHECK(graph_error(replaced("\"doc\": \"a2\"", "\"doc\": \"zz\"")) ==
        "g.json: edges[0].evidence[0]: document \"zz\" is not listed under \"documents\"");
  CHECK(graph_error(replaced("\"edges\": [", "\"edges\": {\"x\": 1}, \"e\": [")) ==
        "g.json: field \"edges\" must be an array");
  CHECK(graph_error(replaced("\"nodes\": [", "\"nodes\": [1, ")) ==
        "g.json: nodes[0]: must be an object");
  CHECK(graph_error(replaced("\"id\": \"RUS\"", "\"id\": \"PRK\"")) ==
        "g.json: nodes[1]: node \"PRK\" listed twice");
  // Deep nesting is an error, not a stack overflow.
  CHECK(graph_error(std::string(200000, '[')).rfind("g.json: invalid JSON", 0) == 0);
  CHECK(graph_error("{\"format\": \"geokg-graph\", \"version\": 1, \"level\": \"state\", "
                    "\"nodes\": [], \"edges\": []}") ==
        "g.json: missing field \"documents\"");
  CHECK(graph_error("{\"format\": \"geokg-graph\", \"version\": 1, \"level\": \"state\", "
                    "\"documents\": {}, \"nodes\": [], \"edges\": []}") == "(no error)");
}

TEST_CASE("read_json checks stored counts against the evidence") {
  KnowledgeGraph kg;
  kg.add_document(doc("n1", "2023-03-01"),
                  {event(state("USA"), Relation::THREATEN, state("PRK"), 4),
                   event(state("USA"), Relation::SANCTION, state("PRK"), 5, "", Status::negated)});
  const std::string good = json_of(kg);
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string s = good;
    auto pos = s.find(from);
    REQUIRE(pos != std::string::npos);
    return s.replace(pos, from.size(), to);
  };
  CHECK(graph_error(good) == "(no error)");
  std::string negated = good;
  negated.replace(negated.rfind("\"weight\": 1"), 11, "\"weight\": 0");
  CHECK(graph_error(negated) ==
        "g.json: edge USA->PRK SANCTION (negated): weight 0 but 1 evidence sentence");
  CHECK(graph_error(replaced("\"weight\": 1", "\"weight\": 4294967295")) ==
        "g.json: edge USA->PRK THREATEN: weight 4294967295 but 1 evidence sentence");
  CHECK(graph_error(replaced("\"documents\": 1", "\"documents\": 2")) ==
        "g.json: edge USA->PRK THREATEN: documents 2 but the evidence comes from 1");
  CHECK(graph_error(replaced("\"first_seen\": \"2023-03-01\"", "\"first_seen\": \"\"")) ==
        "g.json: edge USA->PRK THREATEN: first_seen \"\" but the evidence says \"2023-03-01\"");
  CHECK(graph_error(replaced("\"last_seen\": \"2023-03-01\"", "\"last_seen\": \"2024\"")) ==
        "g.json: edge USA->PRK THREATEN: last_seen \"2024\" but the evidence says \"2023-03-01\"");
  const std::string first_evidence = good.substr(good.find("\"evidence\": ["));
  std::string no_evidence = good;
  no_evidence.replace(no_evidence.find("\"evidence\": ["),
                      first_evidence.find("]") + 1, "\"evidence\": []");
  CHECK(graph_error(no_evidence) ==
        "g.json: edge USA->PRK THREATEN: an event edge needs at least one evidence sentence");

  // Whatever a file stored, merge gives the counts the evidence gives.
  std::istringstream in(good);
  KnowledgeGraph read = read_json(in, "g.json");
  KnowledgeGraph merged = read;
  merged.merge(kg);
  CHECK(json_of(merged) == good);
}

TEST_CASE("read_json checks the dropped documents") {
  KnowledgeGraph kg = build({{doc("a", "2023-01-01", "one"), {}}, {doc("b", "2023-01-01", "one"), {}}});
  const std::string good = json_of(kg);
  CHECK(good.find("\"version\": 2") != std::string::npos);
  CHECK(graph_error(good) == "(no error)");
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string s = good;
    auto pos = s.rfind(from);
    REQUIRE(pos != std::string::npos);
    return s.replace(pos, from.size(), to);
  };
  CHECK(graph_error(replaced("\"id\": \"b\"", "\"id\": \"0\"")) ==
        "g.json: dropped: document \"0\" (hash " + content_hash("one") +
            ") is beaten by no other document");
  CHECK(graph_error(R"({"format": "geokg-graph", "version": 2, "level": "state",
    "documents": {"0": {"hash": "h1", "date": ""}, "a": {"hash": "h2", "date": ""}},
    "dropped": [{"id": "a", "hash": "h1"}], "nodes": [], "edges": []})") ==
        "g.json: documents[\"a\"]: kept, but dropped document \"a\" (hash h1) beats it");
  CHECK(graph_error(replaced("\"hash\": \"" + content_hash("one") + "\"\n    }\n  ]",
                             "\"hash\": \"0\"\n    }\n  ]")) ==
        "g.json: dropped: document \"b\" (hash 0) is beaten by no other document");
  CHECK(graph_error(replaced("\"id\": \"b\"", "\"id\": \"a\"")) ==
        "g.json: dropped[0]: document \"a\" is listed as kept and as dropped");
}

TEST_CASE("dictionary_namer takes names and types from the dictionary") {
  ActorDictionary dict;
  dict.add_form(Actor{"putin", "RUS", "Wladimir Putin", "Vladimir Putin", ActorType::person},
                "name", "en", "Vladimir Putin", 'm');
  dict.add_form(Actor{"UN", "UN", "Vereinte Nationen", "United Nations", ActorType::organisation},
                "name", "de", "Vereinte Nationen", 'f');
  const Actor* putin = dict.find("putin");
  REQUIRE(putin);
  NodeNamer namer = dictionary_namer(dict);

  ActorNode p = namer(ActorRef{"putin", "Putin", "RUS", ActorType::person}, Level::actor);
  CHECK(p.id == "putin");
  CHECK(p.code == "RUS");
  CHECK(p.type == ActorType::person);
  CHECK(p.name_en == putin->name_en);
  CHECK(p.name_de == putin->name_de);
  CHECK(p.label == (putin->name_en.empty() ? putin->name_de : putin->name_en));

  // At state level the person folds into the node of its code.
  ActorNode s = namer(ActorRef{"putin", "Putin", "RUS", ActorType::person}, Level::state);
  CHECK(s.id == "RUS");
  CHECK(s.code == "RUS");
  CHECK(s.type == ActorType::state);

  ActorNode un = namer(ActorRef{"UN", "UNO", "UN", ActorType::organisation}, Level::state);
  CHECK(un.type == ActorType::organisation);
  CHECK(un.label == (dict.find("UN")->name_en.empty() ? dict.find("UN")->name_de
                                                       : dict.find("UN")->name_en));

  // An id the dictionary does not know keeps what the event says.
  ActorNode x = namer(ActorRef{"zorro", "Zorro", "MEX", ActorType::person}, Level::actor);
  CHECK(x.id == "zorro");
  CHECK(x.label == "zorro");
  CHECK(x.type == ActorType::person);
}
