// Hand-made documents and events for the graph and export tests, so they
// depend on neither the extractor nor the data files.
#pragma once
#include <sstream>
#include <string>
#include <vector>

#include "geokg/export/graph_io.hpp"
#include "geokg/graph/knowledge_graph.hpp"

namespace geokg::testing {

inline ActorRef state(const std::string& code) {
  return ActorRef{code, code, code, ActorType::state};
}

inline ActorRef person(const std::string& id, const std::string& code) {
  return ActorRef{id, id, code, ActorType::person};
}

inline Document doc(const std::string& id, const std::string& date,
                    const std::string& text = "") {
  Document d;
  d.id = id;
  d.date = date;
  d.text = text.empty() ? "text of " + id : text;
  return d;
}

inline Event event(const ActorRef& source, Relation r, const ActorRef& target,
                   std::uint32_t sentence, const std::string& text = "",
                   Status status = Status::fact, const std::string& trigger = "trigger") {
  Event e;
  e.source = source;
  e.relation = r;
  e.target = target;
  e.sentence = sentence;
  e.status = status;
  e.trigger = trigger;
  e.evidence = text.empty() ? "sentence " + std::to_string(sentence) : text;
  return e;
}

inline std::string json_of(const KnowledgeGraph& g) {
  std::ostringstream out;
  write_json(out, g);
  return out.str();
}

struct Article {
  Document document;
  std::vector<Event> events;
};

// Five articles: repeated dyads across documents, parallel relations between
// one pair, a hypothetical event, dates over three months, one undated.
inline std::vector<Article> corpus() {
  return {
      {doc("a1", "2023-01-05"),
       {event(state("RUS"), Relation::ASSAULT, state("UKR"), 0),
        event(state("RUS"), Relation::ASSAULT, state("UKR"), 2),
        event(state("USA"), Relation::AID, state("UKR"), 3)}},
      {doc("a2", "2023-02-10"),
       {event(state("RUS"), Relation::ASSAULT, state("UKR"), 1),
        event(state("RUS"), Relation::THREATEN, state("UKR"), 1),
        event(state("PRK"), Relation::AID, state("RUS"), 4, "", Status::hypothetical)}},
      {doc("a3", "2023-03-15"),
       {event(state("RUS"), Relation::CONSULT, state("PRK"), 0),
        event(state("USA"), Relation::SANCTION, state("PRK"), 2)}},
      {doc("a4", ""),
       {event(state("USA"), Relation::SANCTION, state("PRK"), 0)}},
      {doc("a5", "2023-03-20"),
       {event(state("UKR"), Relation::REQUEST, state("USA"), 0),
        event(state("USA"), Relation::AID, state("UKR"), 1)}},
  };
}

inline KnowledgeGraph build(const std::vector<Article>& articles, Level level = Level::state) {
  KnowledgeGraph g(level);
  for (const Article& a : articles) g.add_document(a.document, a.events);
  return g;
}

}  // namespace geokg::testing
