// The whole path on the example article: file -> documents -> events -> graph
// -> GraphML and DOT.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>
#include <string>

#include "geokg/export/graph_io.hpp"
#include "geokg/graph/knowledge_graph.hpp"
#include "geokg/input/document.hpp"
#include "geokg/relations/extractor.hpp"
#include "geokg/relations/parallel.hpp"
#include "geokg/resources.hpp"

using namespace geokg;

namespace {

std::string examples() {
  const char* dir = std::getenv("GEOKG_EXAMPLES");
  REQUIRE_MESSAGE(dir != nullptr, "GEOKG_EXAMPLES must name the examples folder");
  return dir;
}

const Extractor& extractor() {
  static Extractor ex(find_data_dir());
  return ex;
}

std::set<std::string> fact_tuples(const std::vector<Event>& events) {
  std::set<std::string> out;
  for (const Event& e : events)
    if (e.status == Status::fact)
      out.insert(e.source.code + " " + std::string(to_string(e.relation)) + " " + e.target.code);
  return out;
}

}  // namespace

TEST_CASE("the example article yields the events an analyst reads in it") {
  DocumentReader reader({examples() + "/articles/cnn-nk-russia-arms-de.txt"});
  auto doc = reader.next();
  REQUIRE(doc);
  CHECK(doc->id == "cnn-nk-russia-arms-de");
  std::vector<Event> events = extractor().extract(*doc);
  auto facts = fact_tuples(events);
  for (const char* expected : {"USA THREATEN PRK", "IRN AID RUS", "PRK AID RUS", "PRK CONSULT RUS",
                               "UN SANCTION PRK", "USA SANCTION PRK", "RUS ASSAULT UKR",
                               "WST SANCTION RUS", "PRK REQUEST RUS"})
    CHECK_MESSAGE(facts.count(expected) == 1, expected);
  // Declining to comment is no event; a pledge Sullivan only hopes for is none either.
  CHECK(facts.count("RUS REJECT USA") == 0);
  // The conditional deal and delivery are hypothetical, the denied delivery negated.
  bool hypothetical_aid = std::any_of(events.begin(), events.end(), [](const Event& e) {
    return e.source.code == "PRK" && e.relation == Relation::AID && e.status == Status::hypothetical;
  });
  bool negated_aid = std::any_of(events.begin(), events.end(), [](const Event& e) {
    return e.source.code == "PRK" && e.relation == Relation::AID && e.status == Status::negated;
  });
  CHECK(hypothetical_aid);
  CHECK(negated_aid);
  // Evidence is the sentence, and the receiving verb flipped the direction.
  auto iran = std::find_if(events.begin(), events.end(), [](const Event& e) {
    return e.source.code == "IRN" && e.relation == Relation::AID;
  });
  REQUIRE(iran != events.end());
  CHECK(iran->evidence == "Auch Russland hat Drohnen und Artillerie aus dem Iran erhalten.");
  CHECK(iran->trigger == "erhalten");
  CHECK(iran->doc == "cnn-nk-russia-arms-de");
}

TEST_CASE("a one-sentence document without lang is read in its own language") {
  // CLD2 alone reads the German sentence as English, by its names, and
  // nothing was extracted.
  const auto facts_of = [](const char* json) {
    return fact_tuples(extractor().extract(parse_document_json(json, "test")));
  };
  const std::set<std::string> expected = {"CHN ACCUSE USA", "RUS ACCUSE USA"};
  CHECK(facts_of(R"({"id": "de", "text": "Russland und China kritisierten die USA."})") ==
        expected);
  CHECK(facts_of(R"({"id": "en", "text": "Russia and China criticised the USA."})") ==
        expected);
}

TEST_CASE("examples/ in order, on two threads, into a graph and out as GraphML and DOT") {
  DocumentReader reader({examples()});
  KnowledgeGraph graph(Level::state, dictionary_namer(extractor().actors()));
  StreamOptions opts;
  opts.threads = 2;
  std::vector<std::string> order;
  std::size_t n = extract_stream(reader, extractor(), opts, [&](const Document& d, std::vector<Event>&& ev) {
    order.push_back(d.id);
    graph.add_document(d, ev);
  });
  CHECK(n == 6);
  CHECK(order.front() == "cnn-nk-russia-arms-de");  // articles/ sorts before sample.jsonl
  auto prk = graph.find("PRK");
  REQUIRE(prk);
  CHECK(graph.graph()[*prk].label == "North Korea");
  CHECK(graph.graph()[*prk].name_de == "Nordkorea");
  // USA -> PRK: the warning and sanctions (article), the demand and the
  // condemnation (samples).
  std::set<std::string> usa_prk;
  for (Edge e : graph.sorted_edges()) {
    const auto& g = graph.graph();
    if (g[boost::source(e, g)].id == "USA" && g[boost::target(e, g)].id == "PRK" &&
        g[e].status == Status::fact)
      usa_prk.insert(std::string(to_string(g[e].relation)));
  }
  CHECK(usa_prk == std::set<std::string>{"ACCUSE", "REQUEST", "SANCTION", "THREATEN"});

  std::ostringstream graphml, dot;
  write_graphml(graphml, filtered(graph, EdgeFilter{}));
  write_dot(dot, filtered(graph, EdgeFilter{}));
  CHECK(graphml.str().find("<node id=\"PRK\">") != std::string::npos);
  CHECK(dot.str().find("\"USA\" -> \"PRK\"") != std::string::npos);
}
