#pragma once
#include <cstdint>
#include <string>

#include "geokg/actors/actor.hpp"
#include "geokg/relations/provenance.hpp"
#include "geokg/relations/relation.hpp"

namespace geokg {

struct ActorRef {
  std::string id;    // the actor ("putin", "PRK")
  std::string name;  // as written in the text
  std::string code;  // what it is coded as ("RUS")
  ActorType type = ActorType::state;
};

struct Event {
  std::string doc;
  std::uint32_t sentence = 0;   // 0-based index in the document
  ActorRef source;
  Relation relation = Relation::AGREE;
  ActorRef target;
  Status status = Status::fact;
  std::string trigger;          // the words that signalled the relation
  std::string evidence;         // the sentence
  std::string attributed_to;    // who reports it ("Sullivan", "USA"), if anyone
  std::string date;             // the document's date, if known
  Provenance provenance;        // which frame and data row produced it (--explain)
  std::string tokens;           // the tokens it was read off (for --explain)
};

// One JSONL line (no newline).  `explain` adds "rule" (the provenance
// rendered) and "tokens".
std::string to_json(const Event& e, bool explain = false);

// The same as a flat CSV row for spreadsheets (RFC 4180, CRLF): actors as id,
// name, code and type columns; the evidence as written, line breaks included.
// `explain` adds the "rule" and "tokens" columns.
std::string event_csv_header(bool explain = false);
std::string to_csv(const Event& e, bool explain = false);

}  // namespace geokg
