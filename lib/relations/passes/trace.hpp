// --trace: for each trigger candidate of each sentence, the gates it passed,
// the roles tried, the reason it was dropped, status changes and dedupe.
// The passes call it only when SentenceView::trace is set.  Internal.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/relations/relation.hpp"
#include "relations/passes/sentence.hpp"

namespace geokg {

// Why a trigger candidate, or a pair of actors, gives no event.  Every silent
// exit of the passes has one; tests/relations/cases_test.cpp checks that each
// is reached by some case row.
enum class Drop : std::uint8_t {
  inside_name,           // the word is part of an actor's name
  function_word,         // an article, pronoun or preposition of the same form
  capitalised,           // German: a capitalised word inside a sentence is no verb
  noun_after_article,    // English: after an article or possessive the form is a noun
  no_fitting_form,       // no verb form fits: particle missing, -ing outside a progressive
  attempt,               // "sought to ...": an attempt, no event of its own
  carried_statement,     // "schickte eine Protestnote": the carried noun is the event
  adjective_participle,  // a participle used as an adjective ("die besetzten Gebiete")
  attributive_no_sides,  // an attributive participle without agent and noun
  no_noun_reading,       // not a noun here (German lower case, an English verb)
  not_trigger,           // a compound whose last part only looks like a trigger
  modifier_noun,         // English "war crimes": the event noun only modifies
  weapon_not_used,       // a weapon without a verb of use in its clause
  no_source,             // no role of the frame found a source
  no_target,             // no role of the frame found a target
  waits_for_target,      // a demand waiting for the act it demands
  nonactor_addressee,    // a demand of someone who is no actor
  no_demanded_target,    // the demanded or reported act names no other actor
  charge_not_fact,       // a predicative charge ("als Völkermord") that is not a fact
  same_actor,            // source and target are one actor (or one code)
  private_person,        // a private person as source, or target of an act not on_citizens
  territory,             // a state's territory as source, or target of an act not on_territory
  duplicate,             // the same event was coded already in this sentence
};
inline constexpr std::size_t kDropCount = 23;
std::string_view to_string(Drop d);

class Trace {
 public:
  using Sink = std::function<void(const std::string&)>;
  explicit Trace(Sink sink) : sink_(std::move(sink)) {}

  void document(const std::string& id, std::string_view lang, std::string_view why);
  void sentence(std::size_t index, std::string_view text);
  void no_mentions();
  // The parser's tree: each token with its relation and head ("EU nsubj>6").
  void tree(const std::vector<Token>& tok, const Tree& t);
  void end_sentence();

  // A token with a trigger entry: what follows is about it until the next.
  void candidate(std::uint32_t token, std::string_view form, std::string_view kind,
                 std::string_view entry);
  void gate(std::string_view what);
  void role(std::string_view side, std::string_view how, const Side& found);
  void status(Status from, Status to, std::string_view why);
  void coded(const Candidate& c);
  void drop(Drop d, std::string_view detail = {});
  // Emit: one pair of actors.
  void event(std::string_view source, Relation r, std::string_view target, Status s);
  void pair_dropped(std::string_view source, Relation r, std::string_view target, Drop d);

  // Every drop reason seen, for the test that each reason is reachable.
  const std::vector<Drop>& drops() const { return drops_; }

 private:
  void line(int indent, const std::string& text);
  Sink sink_;
  std::string buffer_;
  std::string lang_;
  std::size_t candidates_ = 0;  // in this sentence
  std::vector<Drop> drops_;
};

class Extractor;
struct Document;
struct Event;
// Extractor::extract with `trace` (for tests that read its drops()).
std::vector<Event> extract_traced(const Extractor& ex, const Document& doc, Trace& trace);

}  // namespace geokg
