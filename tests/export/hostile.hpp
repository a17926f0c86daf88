// Graphs whose ids, labels, names and evidence hold everything that has broken
// graph files before: quotes, backslashes, markup, line breaks, control
// characters, DOT keywords, right-to-left scripts, emoji, ids that collide once
// control characters are dropped, and evidence far beyond Graphviz's limits.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "../graph/fixtures.hpp"

namespace geokg::testing {

struct Names {
  std::string label, de, en;
};

inline const std::map<std::string, Names>& hostile_names() {
  static const std::map<std::string, Names> names = {
      {"RUS", {"Russia \"the bear\" <&> back\\slash", "Russland\tmit Tab", "Rus\nsia"}},
      {"node", {"node", "graph", "edge"}},
      {"ISR", {"\xD7\x99\xD7\xA9\xD7\xA8\xD7\x90\xD7\x9C", "Israel", "Israel \xF0\x9F\x87\xAE\xF0\x9F\x87\xB1"}},
      {"EGY", {"\xD9\x85\xD8\xB5\xD8\xB1", "\xC3\x84gypten", "Egypt"}},
      {"ctl\x01id", {"bell\x07 esc\x1b[31m red", "nul\x01", "cr\rlf\r\n"}},
      {"ctlid", {"plain ctlid", "", ""}},
      {"a\"b\\c", {"quote \" and backslash \\ at end\\", "'single'", "&amp; not an entity"}},
      {"legend:AID", {"legend:AID", "", ""}},
      {"<&>", {"<b>bold</b> & ]]> end", "", ""}},
      {"\xF0\x9F\x98\x80", {"\xF0\x9F\x98\x80 grinning", "", ""}},
      {"digraph", {"subgraph", "strict", "-> arrow"}},
  };
  return names;
}

inline NodeNamer hostile_namer() {
  return [](const ActorRef& ref, Level level) {
    ActorNode n = default_node(ref, level);
    auto it = hostile_names().find(n.id);
    if (it != hostile_names().end()) {
      n.label = it->second.label;
      n.name_de = it->second.de;
      n.name_en = it->second.en;
    }
    return n;
  };
}

inline KnowledgeGraph hostile_graph(Level level) {
  KnowledgeGraph kg(level, hostile_namer());
  const std::string long_text(40000, 'x');
  std::vector<Event> first = {
      event(state("RUS"), Relation::ASSAULT, state("ISR"), 0,
            "He said \"attack\"; then, <left> & right\\ \x01\x1b[0m\ttab\nnew line"),
      event(state("RUS"), Relation::THREATEN, state("ISR"), 1, "threat; with, commas"),
      event(state("RUS"), Relation::AID, state("ISR"), 2, "aid maybe", Status::hypothetical),
      event(state("node"), Relation::CONSULT, state("EGY"), 3,
            "\xD9\x85\xD8\xB5\xD8\xB1 \xD7\x99\xD7\xA9\xD7\xA8\xD7\x90\xD7\x9C \xF0\x9F\x98\x80"),
      event(state("ctl\x01id"), Relation::ACCUSE, state("ctlid"), 4, "collide"),
      event(state("a\"b\\c"), Relation::REQUEST, state("<&>"), 5, long_text),
      event(state("legend:AID"), Relation::AID, state("\xF0\x9F\x98\x80"), 6, "legend clash"),
      event(state("digraph"), Relation::PROTEST, state("node"), 7, "keywords"),
      // Ids Graphviz keeps as written only when a backslash is left single,
      // and ids a spreadsheet would run as formulas.
      event(state("back\\slash"), Relation::CONSULT, state("line\nbreak"), 9, "escapes"),
      event(state("=cmd|' /C calc'!A0"), Relation::ACCUSE, state("@SUM(1)"), 11, "formula"),
      event(person("O'Brien \"the \\ one\"\x02", "USA"), Relation::SANCTION, state("RUS"), 8,
            "person"),
  };
  first.back().attributed_to = "Sprecher \"X\"";
  kg.add_document(doc("doc \"1\"\x01", "2023-01-05", "first"), first);
  std::vector<Event> second;
  for (std::uint32_t i = 0; i < 60; ++i)
    second.push_back(event(state("RUS"), Relation::ASSAULT, state("ISR"), i,
                           std::to_string(i) + " " + long_text));
  kg.add_document(doc("doc;2,\n", "2023-02-10T08:00:00Z", "second"), second);
  return kg;
}

}  // namespace geokg::testing
