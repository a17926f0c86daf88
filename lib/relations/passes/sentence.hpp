// What every extraction pass reads about one sentence, and the candidates the
// frames produce.  The passes (see passes.hpp) run in the order
// sentence_events() in event_extractor.cpp gives them; each reads this view
// and the outputs of the passes before it, all const, and fills its own
// output.  Internal.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/relations/provenance.hpp"
#include "relations/analysis/syntax.hpp"
#include "relations/transforms.hpp"

namespace geokg {

class Trace;

// One sentence, analysed: tokens, the syntax analysis built, and the tables.
struct SentenceView {
  const std::vector<Token>& tok;
  const SentenceSyntax& syn;
  const AnalyzerContext& ctx;
  const Transforms& transforms;
  std::size_t index;  // the sentence's index in the document
  bool de;            // German grammar (any language but English)
  Trace* trace;       // null unless --trace

  const Grammar& grammar() const { return ctx.grammar; }
  const TriggerLexicon& triggers() const { return ctx.triggers; }
  std::uint64_t cls(std::uint32_t i) const { return i < tok.size() ? syn.classes[i] : 0; }
  bool cls_has(std::uint32_t i, std::uint64_t c) const { return (cls(i) & c) != 0; }
  bool in(RelationSet s, Relation r) const { return transforms.has(s, r); }
};

// The sides of an event: one mention or the conjuncts of a coordination.
using Side = std::vector<const Mention*>;

// An event read off a frame, before the transforms and the emit.
struct Candidate {
  const Mention* source;
  const Mention* target;
  Relation relation;
  Status status;
  std::string trigger;  // the words, "lehnte ... ab"
  Provenance provenance;
  std::uint32_t trigger_token;
};

// The index of `m` among `ms`, or -1 for a mention that is not one of them.
int index_in(const std::vector<Mention>& ms, const Mention* m);

// The conjuncts of the coordination led by mention `lead` that name an
// actor (empty for lead < 0).
Side group_of(const std::vector<Mention>& ms, int lead);

// The first coordination lead that satisfies `pred`, or -1.
template <class Pred>
int first_group(const std::vector<Mention>& ms, Pred pred) {
  for (std::size_t k = 0; k < ms.size(); ++k)
    if (ms[k].group == static_cast<int>(k) && pred(ms[k])) return static_cast<int>(k);
  return -1;
}

// Every pair of `src` x `tgt` as a candidate (a mention is no pair with
// itself unless it is a pair description, "die beiden Länder").
void add_pairs(std::vector<Candidate>& out, const Side& src, const Side& tgt, Relation rel,
               Status st, const std::string& trigger, const Provenance& why, std::uint32_t at);

// A bare noun phrase: no preposition, case, genitive, attribution or
// possessor, and no name modifying a trigger noun ("US-Sanktionen").
bool bare(const SentenceView& v, const Mention& m);
// The same, but an object may be marked dative or accusative.
bool object_np(const SentenceView& v, const Mention& m);
// "lehnte es ab, ... zu äußern", "it is clear that": "es"/"it" announcing the
// clause that follows (a correlate) names no actor.
bool correlate(const SentenceView& v, const Mention& m);

// "may halt mediation if ...", "könnte angreifen, falls ...": the act at
// token `at` of clause `ci` is under a condition.
bool conditioned(const SentenceView& v, std::size_t ci, std::uint32_t at);
// "Russian-backed separatists", "Iran-funded militias": an English name
// joined by a hyphen to a participle (not "-led", whose group acts as its
// leader) names who backs the noun's group -- the subject of that
// participle only, not of the clause.
bool backer_name(const SentenceView& v, const Mention& m);
// An armed group other than the source is named in clause `ci`: it is the
// target, not the land it is in ("bombardierten Stellungen der PKK im
// Nordirak", GUIDELINES), even when it shares the source's code.
bool other_group_named(const std::vector<Mention>& ms, const Side& src, std::size_t ci);
// Acts done to a place ("bombs in Kabul", "lifted a curfew in Montenegro"):
// the first state named with "in" in clause `ci` that is not of `src`'s code,
// unless another armed group is named there.
Side place_target(const std::vector<Mention>& ms, const Side& src, std::size_t ci);
// Token `t` is an event noun of relation `r` as the analysis read it (its
// trigger entries, compounds included).
bool event_noun_of(const SentenceView& v, std::uint32_t t, Relation r);

// "subject", "object", "genitive" or the preposition, for --trace.
std::string_view role_name(const Role& r);

// The first word of a sentence or of a quotation ("\"Wir ...", ": Russland
// ..."): capitalised whatever its part of speech.
bool sentence_start(const std::vector<Token>& tok, std::uint32_t i);
// An English adverb in -ly ("repeatedly"), which the tables do not list.
bool ly_adverb(std::string_view fold);
// Whether a mention of `side` names an actor of `a`'s code.
bool shares_code(const Side& side, const Actor* a);

// The provenance of a frame read off trigger `entry`, plus `steps`.
Provenance provenance_of(Frame f, const std::string& entry,
                         std::vector<AppliedStep> steps = {});

// --- the parser's tree (tree_roles.cpp) --------------------------------------
// The token heading mention m's phrase in the tree, or -1 without a tree.
std::int32_t tree_head(const Tree& t, const Mention& m);
// What mention m is to the word its phrase depends on, seen through
// coordination ("X und Y griffen an": Y is a subject like X), apposition
// ("Putin, der russische Präsident, ...") and modifiers that name the owner
// of a noun ("der französische Außenminister", "positions of the Palestinian
// forces", "Syria's attack": owner).  A modifier of an event noun stays with
// that noun unless `through_events` ("rejected calls by Belarus": the
// rejection is of who called).
struct TreeRole {
  Dep dep = Dep::other;
  std::int32_t to = -1;  // the token it depends on; -1: the root or no tree
  bool owner = false;    // reached through a modifier of a noun
};
TreeRole tree_role(const SentenceView& v, const Mention& m, bool through_events);
// A trigger noun of a verbal event at token h: a demand, offer,
// accusation, threat, praise.
bool statement_noun(const SentenceView& v, std::int32_t h);
// A name inside an apposition ("Pakistan, a key U.S. ally, ..."): no
// subject or object of its own.
bool in_apposition(const SentenceView& v, const Mention& m);
// The token of predicate p's subject: its nsubj, or for a controlled
// infinitive or a conjoined verb without one, that of the verb above;
// kNoTreeSubject when the tree gives none it can vouch for.
inline constexpr std::int32_t kNoTreeSubject = -1;
std::int32_t tree_subject(const SentenceView& v, std::uint32_t p);
// "hatten ... geliefert" parsed with the auxiliary as the verb and the
// participle as its complement: the auxiliary, whose dependents are the
// participle's; else -1.
std::int32_t tree_auxiliary(const SentenceView& v, std::uint32_t p);
// The actor mentions (with their coordination) whose phrase fills one of
// `deps` of predicate p (or of its auxiliary), governed by `prep` unless it is empty.
Side tree_side(const SentenceView& v, const std::vector<Mention>& ms, std::uint32_t p,
               std::initializer_list<Dep> deps, bool through_events,
               std::string_view prep = {});

}  // namespace geokg
