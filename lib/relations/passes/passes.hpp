// The extraction passes, in the order sentence_events() (event_extractor.cpp)
// runs them.  Each is a free function: it reads the sentence view and the
// outputs of the passes before it (const) and fills only its own output.
// Internal.
//
//   attribute        -> Attribution     who reports what the sentence says
//   resolve_mentions -> Resolved        pronouns, descriptions, pairs, "wir"
//   find_subjects    -> ClauseRoles[]   each clause's subject (and antecedent)
//   clause_moods     -> ClauseMood[]    the status each clause gives its events
//   read_frames      -> Frames          verb and noun frames: candidates
//   transform        -> candidates      retargeting, obligations, demanded acts,
//                                       rejected claims of the sentences before
//   emit             -> events          pairs of actors, deduplicated; a private
//                                       person only as target (on_citizens), a
//                                       state's territory too (on_territory)
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/relations/event.hpp"
#include "relations/passes/discourse.hpp"
#include "relations/passes/sentence.hpp"

namespace geokg {

struct Document;

// --- attribution.cpp ----------------------------------------------------------
struct Attribution {
  std::string text;                // as written ("Sullivan", "a spokesman"); "" for none
  const Actor* speaker = nullptr;  // the actor, if the dictionary knows it
};
Attribution attribute(const SentenceView& v);

// --- mention_resolution.cpp -----------------------------------------------------
// The sentence's mentions with pronouns, descriptions, pairs and first person
// resolved to actors (null: unresolved), and the speaker, also when a
// pronoun names it ("sagte er").
struct Resolved {
  std::vector<Mention> mentions;
  const Actor* speaker = nullptr;
};
void resolve_mentions(const SentenceView& v, const Attribution& said, const Discourse& d,
                      Resolved& out);

// --- subjects.cpp -----------------------------------------------------------------
struct ClauseRoles {
  int subject = -1;     // mention index (its group is the subject)
  int antecedent = -1;  // relative clause: the mention it refers to
};
void find_subjects(const SentenceView& v, const std::vector<Mention>& ms,
                   std::vector<ClauseRoles>& out);

// --- clause_moods.cpp ---------------------------------------------------------------
// What a clause does to the status of the events in it, from its own words
// and the clause it depends on.
struct ClauseMood {
  bool complement = false;  // a subordinate clause
  bool dass = false;        // opened by dass/that
  bool negated = false;
  bool hypothetical = false;
  std::int32_t neg_to = -1;  // Clause::neg_to
  // Whether the event of the trigger at `tok` is denied: "urged Israel not to
  // attack" denies the attack, not the urging.
  bool negates(std::uint32_t tok) const {
    return negated || (neg_to >= 0 && tok > static_cast<std::uint32_t>(neg_to));
  }
};
void clause_moods(const SentenceView& v, std::vector<ClauseMood>& out);

// --- verb_frames.cpp, noun_frames.cpp ---------------------------------------------
// A demand, threat, offer, refusal or accusation still waiting for its target
// from the clause it introduces ("drohte damit, Syrien anzugreifen").
struct Pending {
  int clause;
  Side source;
  Relation relation;
  Status status;
  std::string trigger;
  Provenance provenance;
  std::uint32_t at;
};
// A clause under a demand ("forderte X auf, ... zu liefern"): its act has
// not happened, and its doer is the one asked (object control).
struct ClauseDemand {
  bool demanded = false;      // a zu- or dass-clause under a REQUEST verb
  int asked = -1;             // the REQUEST's target mention, the doer of a demanded zu-act
  int subject_override = -1;  // a zu-clause under a REQUEST: its target is the subject
  bool hypothetical = false;  // the mood's, or demanded
  bool refused = false;       // a zu-clause under a refusal ("weigerte sich, ... zu")
};
struct VerbFrames {
  std::vector<ClauseDemand> demand;  // per clause
  std::vector<Candidate> cands;
  std::vector<Pending> pending;
  std::vector<std::uint32_t> clause_relations;  // clause -> bit per relation of its verbs
  std::vector<std::pair<std::uint32_t, Relation>> triggers;  // token, relation
  std::vector<std::uint8_t> verb_entry;   // token -> a verb form was considered
  std::vector<std::uint8_t> as_noun;      // token -> English: a verb form read as a noun
  std::vector<std::uint8_t> taken;        // token -> coded as a verb: no noun frame
  std::vector<std::uint8_t> inside_name;  // token -> part of an actor's name: no trigger
};
struct NounFrames {
  std::vector<Candidate> cands;
  std::deque<Mention> possessors;  // possessive pronouns resolved (stable addresses)
};
struct FrameInputs {
  const SentenceView& v;
  const std::vector<Mention>& ms;
  const std::vector<ClauseRoles>& roles;
  const std::vector<ClauseMood>& moods;
  const Discourse& discourse;
};
// Clause `ci`'s verbs (clause 0 starts the sentence afresh); reads the
// candidates of earlier clauses (a demand's addressee is the doer of the
// demanded act).
void verb_frames(const FrameInputs& in, std::size_t ci, const NounFrames& nouns,
                 VerbFrames& out);
// Clause `ci`'s event nouns that no verb took (clause 0 starts afresh);
// reads the clause's verbs (a demanded sanction has not happened).
void noun_frames(const FrameInputs& in, std::size_t ci, const VerbFrames& verbs,
                 NounFrames& out);

// --- transforms.cpp -------------------------------------------------------------------
// Every frame's candidates in token order, then: judging an event retargeted
// to its doer; obligations reported by their demander; pending demands given
// the target of the act demanded.
void transform(const FrameInputs& in, const Resolved& r, const VerbFrames& verbs,
               const NounFrames& nouns, std::vector<Candidate>& out);

// --- emit.cpp ---------------------------------------------------------------------------
void emit(const SentenceView& v, const Document& doc, std::string_view sentence_text,
          const Attribution& said, const std::vector<Candidate>& cands,
          std::vector<Event>& out);

// --- the order ------------------------------------------------------------------------------
// What each pass reads and writes, in the order sentence_events() runs them
// (CoreNLP's requires()/requirementsSatisfied(), checked at compile time):
// every input is written by an earlier pass, and no pass writes what another
// wrote.  The verb and noun frames run clause by clause, each reading the
// other's output of earlier clauses, so they are one step here.
namespace order {
enum Output : std::uint32_t {
  kSyntax = 1,
  kDiscourse = 2,
  kAttribution = 4,
  kResolved = 8,
  kRoles = 16,
  kMoods = 32,
  kFrames = 64,
  kCandidates = 128,
  kEvents = 256,
};
struct PassSpec {
  std::string_view name;
  std::uint32_t reads, writes;
};
inline constexpr PassSpec kPasses[] = {
    {"attribute", kSyntax, kAttribution},
    {"resolve_mentions", kSyntax | kAttribution | kDiscourse, kResolved},
    {"find_subjects", kSyntax | kResolved, kRoles},
    {"clause_moods", kSyntax, kMoods},
    {"verb_frames + noun_frames", kSyntax | kResolved | kRoles | kMoods | kDiscourse, kFrames},
    {"transform", kSyntax | kResolved | kFrames, kCandidates},
    {"emit", kSyntax | kAttribution | kCandidates, kEvents},
};
constexpr bool checked() {
  std::uint32_t have = kSyntax | kDiscourse;  // the analysis, the sentences before
  for (const PassSpec& p : kPasses) {
    if ((p.reads & ~have) || (p.writes & have)) return false;
    have |= p.writes;
  }
  return true;
}
static_assert(checked(),
              "a pass reads what no earlier pass wrote, or rewrites another's output");
}  // namespace order

}  // namespace geokg
